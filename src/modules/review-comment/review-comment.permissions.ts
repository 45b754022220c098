import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { fieldsWithRule } from '../../common/permissions';
import { isUser, requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

const commenters = requires(Capability.COMMENT_WRITE);

// Who may read comments at all is decided by the row filter in the service (see review-comment.policy.ts). A
// comment is only reached by people (Assessment.comments and the payloads are for users); the rule on its authors
// keeps names from API keys should a new path to comments appear.
export const reviewCommentPermissions: IRules = {
  Mutation: { reviewCommentCreate: commenters, reviewCommentResolve: commenters },
  // For people, as Assessment.comments: which comments each one receives is decided per event (readableComment).
  Subscription: { reviewCommentChanged: isUser },
  ReviewComment: {
    ...fieldsWithRule(allow, 'id', 'field', 'body', 'status', 'resolvedAt', 'createdAt', 'assessment'),
    author: isUser,
    resolvedBy: isUser,
  },
  ReviewCommentCreatePayload: allow,
  ReviewCommentResolvePayload: allow,
  ReviewCommentEvent: allow,
};
