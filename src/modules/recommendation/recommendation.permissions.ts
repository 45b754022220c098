import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { ShieldRule } from 'graphql-shield/typings/types';
import { fieldsWithRule, publicRead } from '../../common/permissions';
import { isUser, requires } from '../../common/rules';
import { assessmentPermissions } from '../assessment/assessment.permissions';
import { Capability } from '../authz/capabilities';

/**
 * A follow-up goes through the workflow of assessments: each of its steps is allowed to whom the same step of an
 * assessment is, by the very rule assessments use.
 */
function assessmentRule(name: string): ShieldRule {
  const rules = assessmentPermissions as Record<string, Record<string, ShieldRule> | undefined>;
  const found = rules.Mutation?.[name];
  if (!found) throw new Error(`The assessments have no rule for ${name}`);
  return found;
}

// Reads are filtered row by row in the services (recommendation.policy.ts): a partner's register stays with
// its country until a follow-up is approved, the public reads what was published.
export const recommendationPermissions: IRules = {
  Query: {
    recommendations: publicRead,
    recommendation: publicRead,
    recommendationSources: publicRead,
    recommendationComparison: publicRead,
  },
  Mutation: {
    recommendationSourceCreate: requires(Capability.RECOMMENDATION_SOURCE_CREATE),
    recommendationCreate: requires(Capability.RECOMMENDATION_EDIT),
    recommendationUpdate: requires(Capability.RECOMMENDATION_EDIT),
    recommendationFollowUpSave: assessmentRule('assessmentSave'),
    recommendationFollowUpSubmit: assessmentRule('assessmentSubmit'),
    recommendationFollowUpReview: assessmentRule('assessmentReview'),
    recommendationFollowUpReopen: assessmentRule('assessmentReopen'),
  },
  Recommendation: fieldsWithRule(
    publicRead,
    'id',
    'sourceBody',
    'reference',
    'strength',
    'text',
    'version',
    'createdAt',
    'updatedAt',
    'country',
    'source',
    'standards',
    'indicators',
    'followUps',
    'followUp',
    'trend',
  ),
  RecommendationSource: fieldsWithRule(
    publicRead,
    'id',
    'body',
    'countryCode',
    'title',
    'round',
    'year',
    'publishedOn',
    'url',
    'createdAt',
    'updatedAt',
  ),
  RecommendationFollowUp: {
    ...fieldsWithRule(
      publicRead,
      'id',
      'implementationStatus',
      'narrative',
      'status',
      'version',
      'createdAt',
      'updatedAt',
      'recommendation',
      'cycle',
      'evidence',
    ),
    ...fieldsWithRule(
      publicRead,
      'viewerCanEdit',
      'viewerCanSubmit',
      'viewerCanReview',
      'allowedTransitions',
    ),
    // Working notes are for people signed in as themselves; which people is decided per row (seesWorkOn).
    reviewNote: isUser,
  },
  Assessment: { recommendations: publicRead },
  // The comparison is filtered by the read rules of recommendations and follow-ups in its service.
  RecommendationComparison: publicRead,
  RecommendationComparisonCell: publicRead,
  RecommendationComparisonRow: publicRead,
  StatusCount: publicRead,
  CycleImplementationStatus: publicRead,
  // What an edition holds is public by definition (the edition's own rule covers `Edition.recommendationFollowUps`).
  EditionFollowUp: publicRead,
  EditionFollowUpEvidence: publicRead,
  RecommendationSourceCreatePayload: allow,
  RecommendationCreatePayload: allow,
  RecommendationUpdatePayload: allow,
  RecommendationFollowUpSavePayload: allow,
  RecommendationFollowUpSubmitPayload: allow,
  RecommendationFollowUpReviewPayload: allow,
  RecommendationFollowUpReopenPayload: allow,
};
