import type { GraphQLModule } from '../../common/module';
import { ReviewCommentEditResolver } from './review-comment-edit.resolver';
import { reviewCommentPermissions } from './review-comment.permissions';
import { ReviewCommentResolver } from './review-comment.resolver';
import { ReviewCommentSubscriptionResolver } from './review-comment-subscription.resolver';

export const reviewCommentModule: GraphQLModule = {
  resolvers: [ReviewCommentResolver, ReviewCommentEditResolver, ReviewCommentSubscriptionResolver],
  permissions: reviewCommentPermissions,
};
