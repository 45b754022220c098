import type { GraphQLModule } from '../../common/module';
import { ReviewCommentEditResolver } from './review-comment-edit.resolver';
import { reviewCommentPermissions } from './review-comment.permissions';
import { ReviewCommentResolver } from './review-comment.resolver';

export const reviewCommentModule: GraphQLModule = {
  resolvers: [ReviewCommentResolver, ReviewCommentEditResolver],
  permissions: reviewCommentPermissions,
};
