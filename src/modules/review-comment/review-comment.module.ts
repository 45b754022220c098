import type { GraphQLModule } from '../../common/module';
import { reviewCommentPermissions } from './review-comment.permissions';
import { ReviewCommentResolver } from './review-comment.resolver';

export const reviewCommentModule: GraphQLModule = {
  resolvers: [ReviewCommentResolver],
  permissions: reviewCommentPermissions,
};
