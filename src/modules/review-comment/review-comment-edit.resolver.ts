import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createComment, resolveComment } from './review-comment-edit.service';
import {
  ReviewCommentCreateInput,
  ReviewCommentCreatePayload,
  ReviewCommentResolveInput,
  ReviewCommentResolvePayload,
} from './review-comment-edit.types';

@Resolver()
export class ReviewCommentEditResolver {
  @Mutation(() => ReviewCommentCreatePayload, {
    description:
      'Comments on an assessment: the reviewer on any it can read, country editors and leads on their own ' +
      'countries’. Not in a published cycle.',
  })
  reviewCommentCreate(
    @Arg('input', { description: 'The comment.' }) input: ReviewCommentCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createComment(ctx, input);
  }

  @Mutation(() => ReviewCommentResolvePayload, {
    description: 'Marks a comment as resolved: the reviewer, or the country’s editors and lead.',
  })
  reviewCommentResolve(
    @Arg('input', { description: 'The comment to resolve.' }) input: ReviewCommentResolveInput,
    @Ctx() ctx: RequestContext,
  ) {
    return resolveComment(ctx, input);
  }
}
