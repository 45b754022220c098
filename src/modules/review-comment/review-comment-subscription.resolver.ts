import { Args, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { filterEvents, HiddenEvent, type LiveEventOf } from '../../common/live-events';
import { assertCountryCode, assertId } from '../../common/validation';
import { ReviewCommentAction } from './review-comment.enums';
import { readableComment } from './review-comment.service';
import { ReviewCommentChangedArgs, ReviewCommentEvent } from './review-comment.types';

function commentEvents(ctx: RequestContext, args: ReviewCommentChangedArgs) {
  const assessmentId = args.assessmentId ? assertId(args.assessmentId, 'assessmentId') : null;
  const countryCode = args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null;
  return filterEvents(
    ctx.live.listen('reviewComment'),
    (event) =>
      (assessmentId === null || event.assessmentId === assessmentId) &&
      (countryCode === null || event.countryCode === countryCode),
  );
}

@Resolver()
export class ReviewCommentSubscriptionResolver {
  @Subscription(() => ReviewCommentEvent, {
    description:
      'Each review comment written or resolved, read again under the subscriber’s own sign-in: only for the ' +
      'people who may read the comments of its assessment (its country’s users, the reviewer, admins). ' +
      'Anonymous subscribers get UNAUTHENTICATED, API keys FORBIDDEN. Served over WebSocket (graphql-ws) at ' +
      '`/graphql`.',
    subscribe: ({ args, context }) =>
      commentEvents(context as RequestContext, args as ReviewCommentChangedArgs),
  })
  async reviewCommentChanged(
    @Root() event: LiveEventOf<'reviewComment'>,
    @Args() _args: ReviewCommentChangedArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewCommentEvent> {
    const comment = await readableComment(ctx, event.commentId);
    if (!comment) throw new HiddenEvent();
    return { action: event.action as ReviewCommentAction, comment };
  }
}
