import type { Viewer } from '../auth/viewer';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import type { Decision } from '../authz/authz';
import { ALLOW, Denial, can, canSql, deny, scopeOf } from '../authz/authz';
import { Capability, Scope } from '../authz/capabilities';

/**
 * Who may read and change which recommendation, asked of the capability table (authz/capabilities.ts). A follow-up
 * is read and changed exactly as an assessment is (assessment.policy.ts, applied to its own status, country and
 * cycle); a recommendation is read by whoever holds `recommendation.read` over its country, and by anyone who may
 * read one of its approved or published follow-ups. The row-level security policies of
 * migrations/1765500000000-RecommendationsRegister.ts say the same.
 */

/** The follow-ups (alias `alias`) the viewer may read, as SQL. */
export function followUpVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  return assessmentVisibilitySql(viewer, alias, params);
}

/** The recommendations (alias `alias`) the viewer may read, as SQL. */
export function recommendationVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  const register = canSql(viewer, Capability.RECOMMENDATION_READ, `${alias}.country_code`, params);
  if (register === 'true') return 'true';
  const own = register === 'false' ? '' : `${register} OR `;
  const followUp = followUpVisibilitySql(viewer, 'vf', params);
  return `(${own}EXISTS (SELECT 1 FROM recommendation_follow_up vf WHERE vf.recommendation_id = ${alias}.id
    AND vf.status IN ('APPROVED', 'PUBLISHED') AND ${followUp}))`;
}

/** May record and change the country's recommendations: its partner's leads and editors. */
export function recommendationEditDecision(viewer: Viewer, countryCode: string): Decision {
  if (viewer.kind === 'anonymous') return deny(Denial.UNAUTHENTICATED);
  return can(viewer, Capability.RECOMMENDATION_EDIT, { countryCode }) ? ALLOW : deny(Denial.FORBIDDEN);
}

/**
 * May record a source addressed to `countryCode`, or to several countries when it is null: a country's source
 * where `recommendation.source.create` is held over it, a shared one only where it is held over every country.
 */
export function sourceCreateDecision(viewer: Viewer, countryCode: string | null): Decision {
  if (viewer.kind === 'anonymous') return deny(Denial.UNAUTHENTICATED);
  const allowed = countryCode
    ? can(viewer, Capability.RECOMMENDATION_SOURCE_CREATE, { countryCode })
    : scopeOf(viewer, Capability.RECOMMENDATION_SOURCE_CREATE) === Scope.ALL;
  return allowed ? ALLOW : deny(Denial.FORBIDDEN);
}

/** May change (save, submit) the follow-ups of `countryCode`: those who may edit its assessments. */
export function followUpEditDecision(viewer: Viewer, countryCode: string): Decision {
  if (viewer.kind === 'anonymous') return deny(Denial.UNAUTHENTICATED);
  return can(viewer, Capability.ASSESSMENT_EDIT, { countryCode }) ? ALLOW : deny(Denial.FORBIDDEN);
}
