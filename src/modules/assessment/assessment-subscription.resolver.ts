import { Args, ArgsType, Ctx, Field, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { filterEvents, HiddenEvent, type LiveEventOf } from '../../common/live-events';
import { assertCountryCode, assertId } from '../../common/validation';
import { Assessment } from './assessment.entity';
import { readableAssessment } from './assessment.service';

@ArgsType()
export class AssessmentChangedArgs {
  @Field(() => String, { nullable: true, description: 'Only assessments of this country (ISO code).' })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only assessments of this monitoring cycle.' })
  cycleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this assessment.' })
  assessmentId?: string | null;
}

type AssessmentEvent = LiveEventOf<'assessment'>;

/** The events the arguments ask for; the arguments are checked as a query's are, when subscribing. */
function assessmentEvents(ctx: RequestContext, args: AssessmentChangedArgs) {
  const countryCode = args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null;
  const cycleId = args.cycleId ? assertId(args.cycleId, 'cycleId') : null;
  const assessmentId = args.assessmentId ? assertId(args.assessmentId, 'assessmentId') : null;
  return filterEvents(
    ctx.live.listen('assessment'),
    (event) =>
      (countryCode === null || event.countryCode === countryCode) &&
      (cycleId === null || event.cycleId === cycleId) &&
      (assessmentId === null || event.assessmentId === assessmentId),
  );
}

@Resolver()
export class AssessmentSubscriptionResolver {
  @Subscription(() => Assessment, {
    description:
      'The assessment each time it is saved or changes status (its `version` and `status` then change), read ' +
      'again under the subscriber’s own sign-in: a subscriber receives only the assessments a query would show ' +
      'it (no other country’s work in progress, no drafts for the public). Narrowed by the arguments given. ' +
      'Served over WebSocket (graphql-ws) at `/graphql`.',
    subscribe: ({ args, context }) =>
      assessmentEvents(context as RequestContext, args as AssessmentChangedArgs),
  })
  async assessmentChanged(
    @Root() event: AssessmentEvent,
    @Args() _args: AssessmentChangedArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Assessment> {
    const assessment = await readableAssessment(ctx, event.assessmentId);
    if (!assessment) throw new HiddenEvent();
    return assessment;
  }
}
