import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { userWithRole } from '../../common/rules';
import { Role } from '../user/user.enums';

const commenters = userWithRole(Role.REVIEWER, Role.COUNTRY_EDITOR, Role.COUNTRY_LEAD);

// Who may read comments at all is decided by the row filter in the service (see review-comment.policy.ts).
export const reviewCommentPermissions: IRules = {
  Mutation: { reviewCommentCreate: commenters, reviewCommentResolve: commenters },
  ReviewComment: allow,
  ReviewCommentCreatePayload: allow,
  ReviewCommentResolvePayload: allow,
};
