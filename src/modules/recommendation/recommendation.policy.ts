import type { Viewer } from '../auth/viewer';
import { editsCountry, isCountryRole, roleOf } from '../auth/viewer';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import { Role } from '../user/user.enums';

/**
 * Who may read and change which recommendation. A follow-up is read and changed exactly as an assessment is
 * (assessment.policy.ts, applied to its own status, country and cycle); a recommendation is read by the people
 * who work on its country, the reviewer and admins, and by anyone who may read one of its approved or published
 * follow-ups. The row-level security policies of migrations/1765500000000-RecommendationsRegister.ts say the same.
 */

/** The follow-ups (alias `alias`) the viewer may read, as SQL. */
export function followUpVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  return assessmentVisibilitySql(viewer, alias, params);
}

/** The recommendations (alias `alias`) the viewer may read, as SQL. */
export function recommendationVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  const role = roleOf(viewer);
  if (role === Role.ADMIN || role === Role.REVIEWER) return 'true';
  const own =
    isCountryRole(role) && viewer.kind !== 'anonymous'
      ? `${alias}.country_code = ANY($${params.push(viewer.countries)}::text[]) OR `
      : '';
  const followUp = followUpVisibilitySql(viewer, 'vf', params);
  return `(${own}EXISTS (SELECT 1 FROM recommendation_follow_up vf WHERE vf.recommendation_id = ${alias}.id
    AND vf.status IN ('APPROVED', 'PUBLISHED') AND ${followUp}))`;
}

/** May record and change the country's recommendations and their sources: its partner's leads and editors. */
export function managesRecommendationsOf(viewer: Viewer, countryCode: string): boolean {
  return editsCountry(viewer, countryCode);
}

/** May record a source addressed to several countries (no country): admins. */
export function managesSharedSources(viewer: Viewer): boolean {
  return viewer.kind === 'user' && viewer.role === Role.ADMIN;
}
