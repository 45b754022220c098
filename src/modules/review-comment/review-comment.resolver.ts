import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Assessment } from '../assessment/assessment.entity';
import { User } from '../user/user.entity';
import { ReviewComment } from './review-comment.entity';

@Resolver(() => ReviewComment)
export class ReviewCommentResolver {
  @FieldResolver(() => User, { description: 'Who wrote the comment.' })
  author(@Root() comment: ReviewComment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.byId.load(comment.authorId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who resolved the comment; null while open.' })
  resolvedBy(@Root() comment: ReviewComment, @Ctx() ctx: RequestContext) {
    return comment.resolvedById ? ctx.loaders.user.byId.load(comment.resolvedById) : null;
  }

  @FieldResolver(() => Assessment, { description: 'The assessment commented on.' })
  assessment(@Root() comment: ReviewComment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.assessment.byId.load(comment.assessmentId);
  }
}
