import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { fieldsWithRule, publicRead } from '../../common/permissions';
import { isUser, requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

// Reads are filtered row by row in the service (drafts, other countries, unpublished cycles).
export const assessmentPermissions: IRules = {
  Query: { assessments: publicRead, assessment: publicRead },
  Mutation: {
    assessmentSave: requires(Capability.ASSESSMENT_EDIT),
    assessmentSubmit: requires(Capability.ASSESSMENT_SUBMIT),
    assessmentReview: requires(Capability.ASSESSMENT_REVIEW),
    assessmentReopen: requires(Capability.ASSESSMENT_REVIEW),
  },
  // Anyone may listen; each event is read again under the subscriber's sign-in and sent only when it may read it.
  Subscription: { assessmentChanged: publicRead },
  // Who edited what is for people signed in as themselves: anonymous readers get UNAUTHENTICATED, API keys (which
  // read results for tools) FORBIDDEN. Which people see it is decided per row (assessment.policy.ts seesWorkOn).
  // Every other field reads as the assessment does: whoever may see the row (see assessment.policy.ts).
  Assessment: {
    ...fieldsWithRule(
      publicRead,
      'id',
      'score',
      'notScoredReason',
      'valueNumber',
      'valueBoolean',
      'valueText',
    ),
    ...fieldsWithRule(
      publicRead,
      'confidence',
      'status',
      'version',
      'createdAt',
      'updatedAt',
      'value',
      'answer',
      'narrative',
    ),
    ...fieldsWithRule(publicRead, 'indicator', 'country', 'cycle', 'evidence', 'allowedTransitions'),
    ...fieldsWithRule(publicRead, 'viewerCanEdit', 'viewerCanSubmit', 'viewerCanReview'),
    comments: isUser,
    updatedBy: isUser,
  },
  // The members of Answer: an answer is read where its assessment, cell or history point is.
  ScoreAnswer: publicRead,
  NotScoredAnswer: publicRead,
  NumberAnswer: publicRead,
  PercentAnswer: publicRead,
  BooleanAnswer: publicRead,
  TextAnswer: publicRead,
  AssessmentSavePayload: allow,
  AssessmentSubmitPayload: allow,
  AssessmentReviewPayload: allow,
  AssessmentReopenPayload: allow,
};
