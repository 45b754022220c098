import type { Viewer } from '../auth/viewer';
import type { Decision } from '../authz/authz';
import { ALLOW, can, canSql, deny, Denial, firstDenial } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import type { AssessmentRow } from '../assessment/assessment.policy';
import { assessmentPolicy, assessmentVisibilitySql } from '../assessment/assessment.policy';
import { CycleStatus } from '../cycle/cycle.enums';

/**
 * Comments are the reviewer's and the country's partner's working notes: nobody else reads them, and they follow
 * their assessment, so a note on a draft stays with the draft's country (the reviewer reads none until it is
 * submitted). The reviewer comments anywhere it reads; a country's editors and lead on their own countries.
 */

export type CommentAction = 'read' | 'write';

/** The one answer about the comments of an assessment: hidden (NOT_FOUND), refused (FORBIDDEN), or closed. */
export function commentPolicy(
  viewer: Viewer,
  action: CommentAction,
  assessment: AssessmentRow,
  cycleStatus: CycleStatus,
): Decision {
  const read = assessmentPolicy(viewer, 'read', assessment, cycleStatus);
  if (!read.allowed) return read;
  const target = { countryCode: assessment.countryCode };
  if (action === 'read') {
    return can(viewer, Capability.COMMENT_READ, target) ? ALLOW : deny(Denial.NOT_FOUND);
  }
  // A published cycle is frozen, its working notes included.
  return firstDenial(
    [can(viewer, Capability.COMMENT_WRITE, target), Denial.FORBIDDEN],
    [cycleStatus !== CycleStatus.PUBLISHED, Denial.CYCLE_NOT_OPEN],
  );
}

/** The comment half of the read rule as SQL on `alias`, a row of `review_comment` of a readable assessment. */
export function commentVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  return canSql(viewer, Capability.COMMENT_READ, `${alias}.country_code`, params);
}

/**
 * The whole read rule as SQL: the comment half on `alias` and its assessment's rule on `assessmentAlias`, a row
 * of `assessment` joined on the comment's assessment.
 */
export function commentReadSql(
  viewer: Viewer,
  alias: string,
  assessmentAlias: string,
  params: unknown[],
): string {
  return `(${commentVisibilitySql(viewer, alias, params)} AND ${assessmentVisibilitySql(viewer, assessmentAlias, params)})`;
}

export function canReadCommentsOf(viewer: Viewer, countryCode: string): boolean {
  return can(viewer, Capability.COMMENT_READ, { countryCode });
}

export function canComment(viewer: Viewer, countryCode: string): boolean {
  return can(viewer, Capability.COMMENT_WRITE, { countryCode });
}
