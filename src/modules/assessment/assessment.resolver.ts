import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, PageArgs, sameWindow, toConnection, type Page } from '../../common/connection';
import { nestedNodeFields, nestedPageWindow, nodeFieldsOf, prefetched } from '../../common/fast-read';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { assertCountryCode, assertId } from '../../common/validation';
import { Country } from '../country/country.entity';
import { MonitoringCycle } from '../cycle/cycle.entity';
import type { Evidence } from '../evidence/evidence.entity';
import { EvidenceConnection } from '../evidence/evidence.types';
import { Indicator } from '../indicator/indicator.entity';
import { assertReferencesExist } from '../references';
import { ReviewCommentConnection } from '../review-comment/review-comment.types';
import { User } from '../user/user.entity';
import { Answer, ANSWER_DESCRIPTION, typedAnswerOf } from './assessment-answer.type';
import { Assessment } from './assessment.entity';
import { AssessmentStatus } from './assessment.enums';
import {
  allowedTransitions,
  canEditAssessment,
  canReviewAssessment,
  canSubmitAssessment,
  seesWorkOn,
} from './assessment.policy';
import { answerText, cycleStatusOf, getAssessment, listAssessments } from './assessment.service';
import { AssessmentConnection, AssessmentsArgs } from './assessment.types';

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => AssessmentConnection, {
    description: 'Assessments ordered by country and framework order, narrowed by the arguments given.',
  })
  async assessments(
    @Args() args: AssessmentsArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const filter = {
      cycleId: args.cycleId ? assertId(args.cycleId, 'cycleId') : null,
      countryCode: args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null,
      indicatorId: args.indicatorId ? assertId(args.indicatorId, 'indicatorId') : null,
      status: args.status ?? null,
    };
    const evidence = nestedPageWindow(info, 'evidence');
    const options = {
      evidence,
      evidenceFields: evidence && nestedNodeFields(info, 'evidence'),
      indicatorFields: nodeFieldsOf(info, 'indicator'),
    };
    const page = await listAssessments(ctx, filter, pageWindow(args), options);
    if (page.totalCount === 0)
      await assertReferencesExist(ctx, {
        countries: filter.countryCode ? { argument: 'countryCode', codes: [filter.countryCode] } : null,
        cycle: filter.cycleId ? { argument: 'cycleId', id: filter.cycleId } : null,
        indicators: filter.indicatorId ? { argument: 'indicatorId', ids: [filter.indicatorId] } : null,
      });
    return toConnection(page);
  }

  @Query(() => Assessment, {
    nullable: true,
    description:
      'One assessment by id; null when there is none or when it is hidden from the caller (another country’s work in progress, say).',
  })
  assessment(
    @Arg('id', () => ID, { description: 'The identifier.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return getAssessment(ctx, assertId(id, 'id'));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The answer as text, whatever the answer type: the score (`0`–`3`) or `NOT_APPLICABLE`/`NO_DATA`, a ' +
      'number, `true`/`false`, or the text answer. Null while unanswered.',
  })
  value(@Root() assessment: Assessment): string | null {
    return answerText(assessment);
  }

  @FieldResolver(() => Answer, { nullable: true, description: ANSWER_DESCRIPTION })
  answer(@Root() assessment: Assessment, @Ctx() ctx: RequestContext) {
    return typedAnswerOf(ctx, assessment.indicatorId, answerText(assessment));
  }

  @FieldResolver(() => LocalizedText, {
    nullable: true,
    description: 'The partner’s findings behind the answer.',
  })
  narrative(
    @Root() assessment: Assessment,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, assessment.narrative, locale);
  }

  @FieldResolver(() => Indicator, { description: 'The indicator assessed.' })
  indicator(@Root() assessment: Assessment, @Ctx() ctx: RequestContext) {
    return (
      prefetched<Indicator>(assessment, 'indicator') ??
      ctx.loaders.indicator.byId.load(assessment.indicatorId)
    );
  }

  @FieldResolver(() => Country, { description: 'The country assessed.' })
  country(@Root() assessment: Assessment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.country.byCode.load(assessment.countryCode);
  }

  @FieldResolver(() => MonitoringCycle, { description: 'The monitoring cycle of the assessment.' })
  cycle(@Root() assessment: Assessment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(assessment.cycleId);
  }

  @FieldResolver(() => EvidenceConnection, {
    description: 'The evidence behind the assessment, oldest first.',
  })
  evidence(@Root() assessment: Assessment, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const window = pageWindow(page);
    const fetched = prefetched<Page<Evidence>>(assessment, 'evidence');
    if (fetched && sameWindow(fetched.window, window)) return toConnection(fetched);
    const request = { key: assessment.id, filter: null, window };
    return ctx.loaders.evidence.pageByAssessment.load(request).then(toConnection);
  }

  @FieldResolver(() => ReviewCommentConnection, {
    description:
      'Review comments on the assessment, oldest first: for the users who work on its country, the reviewer and ' +
      'admins (empty for other signed-in users). Anonymous readers get UNAUTHENTICATED, API keys FORBIDDEN.',
  })
  async comments(@Root() assessment: Assessment, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    const request = { key: assessment.id, filter: null, window: pageWindow(page) };
    return toConnection(await ctx.loaders.reviewComment.pageByAssessment.load(request));
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may change the answer, narrative and evidence now.',
  })
  async viewerCanEdit(@Root() assessment: Assessment, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canEditAssessment(ctx.viewer, assessment, await cycleStatusOf(ctx, assessment));
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may submit the assessment for review now.',
  })
  async viewerCanSubmit(@Root() assessment: Assessment, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canSubmitAssessment(ctx.viewer, assessment, await cycleStatusOf(ctx, assessment));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may approve it or request changes now.' })
  async viewerCanReview(@Root() assessment: Assessment, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canReviewAssessment(ctx.viewer, assessment, await cycleStatusOf(ctx, assessment));
  }

  @FieldResolver(() => [AssessmentStatus], {
    description: 'The statuses the viewer could move the assessment to now, to show the right buttons.',
  })
  async allowedTransitions(
    @Root() assessment: Assessment,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentStatus[]> {
    return allowedTransitions(ctx.viewer, assessment, await cycleStatusOf(ctx, assessment));
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      'Who last changed the assessment: for the users who work on its country, the reviewer and admins; null for ' +
      'other signed-in users. Anonymous readers get UNAUTHENTICATED, API keys FORBIDDEN.',
  })
  updatedBy(@Root() assessment: Assessment, @Ctx() ctx: RequestContext) {
    if (!assessment.updatedById || !seesWorkOn(ctx.viewer, assessment.countryCode)) return null;
    return ctx.loaders.user.byId.load(assessment.updatedById);
  }
}
