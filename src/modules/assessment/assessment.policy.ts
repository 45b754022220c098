import type { Viewer } from '../auth/viewer';
import { editsCountry, hasRole, isCountryRole, roleOf, worksOnCountry } from '../auth/viewer';
import { CycleStatus } from '../cycle/cycle.enums';
import { Role } from '../user/user.enums';
import { AssessmentStatus } from './assessment.enums';

/**
 * Who may read and change which assessment. The SQL form filters lists in the database, so that a page holds
 * only what the reader may see and its size and statement count do not depend on what is hidden.
 */

export function assessmentVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  const role = roleOf(viewer);
  if (role === Role.ADMIN) return 'true';
  if (role === Role.REVIEWER) return `${alias}.status <> 'DRAFT'`;
  if (isCountryRole(role) && viewer.kind !== 'anonymous') {
    params.push(viewer.countries);
    return `(${alias}.country_code = ANY($${params.length}::text[]) OR ${alias}.status IN ('APPROVED', 'PUBLISHED'))`;
  }
  return `(${alias}.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM monitoring_cycle vc
    WHERE vc.id = ${alias}.cycle_id AND vc.status = 'PUBLISHED'))`;
}

export function canReadAssessment(
  viewer: Viewer,
  assessment: { countryCode: string; status: AssessmentStatus },
  cycleStatus: CycleStatus,
): boolean {
  const role = roleOf(viewer);
  if (role === Role.ADMIN) return true;
  if (role === Role.REVIEWER) return assessment.status !== AssessmentStatus.DRAFT;
  if (isCountryRole(role)) {
    return (
      worksOnCountry(viewer, assessment.countryCode) ||
      assessment.status === AssessmentStatus.APPROVED ||
      assessment.status === AssessmentStatus.PUBLISHED
    );
  }
  return assessment.status === AssessmentStatus.PUBLISHED && cycleStatus === CycleStatus.PUBLISHED;
}

/**
 * The people behind a country's work in progress: the users who work on the country, the reviewer and admins.
 * They read an assessment's whole history and who did what on it; everyone else (other countries' partners, API
 * keys, which are not people, and the public) reads at most what was published, and no names.
 */
export function seesWorkOn(viewer: Viewer, countryCode: string): boolean {
  if (viewer.kind !== 'user') return false;
  return viewer.role === Role.ADMIN || viewer.role === Role.REVIEWER || worksOnCountry(viewer, countryCode);
}

const EDITABLE: readonly AssessmentStatus[] = [AssessmentStatus.DRAFT, AssessmentStatus.CHANGES_REQUESTED];

export function isEditableStatus(status: AssessmentStatus): boolean {
  return EDITABLE.includes(status);
}

/** May change the answer, narrative and evidence now (role, country, open cycle and editable state). */
export function canEditAssessment(
  viewer: Viewer,
  assessment: { countryCode: string; status: AssessmentStatus },
  cycleStatus: CycleStatus,
): boolean {
  return (
    editsCountry(viewer, assessment.countryCode) &&
    cycleStatus === CycleStatus.OPEN &&
    isEditableStatus(assessment.status)
  );
}

export function canSubmitAssessment(
  viewer: Viewer,
  assessment: { countryCode: string; status: AssessmentStatus },
  cycleStatus: CycleStatus,
): boolean {
  return (
    viewer.kind === 'user' &&
    viewer.role === Role.COUNTRY_LEAD &&
    viewer.countries.includes(assessment.countryCode) &&
    cycleStatus === CycleStatus.OPEN &&
    isEditableStatus(assessment.status)
  );
}

export function canReviewAssessment(
  viewer: Viewer,
  assessment: { status: AssessmentStatus },
  cycleStatus: CycleStatus,
): boolean {
  return (
    viewer.kind === 'user' &&
    hasRole(viewer, Role.REVIEWER) &&
    assessment.status === AssessmentStatus.SUBMITTED &&
    cycleStatus !== CycleStatus.PUBLISHED
  );
}

export function canReopenAssessment(
  viewer: Viewer,
  assessment: { status: AssessmentStatus },
  cycleStatus: CycleStatus,
): boolean {
  return (
    viewer.kind === 'user' &&
    hasRole(viewer, Role.REVIEWER) &&
    assessment.status === AssessmentStatus.APPROVED &&
    cycleStatus !== CycleStatus.PUBLISHED
  );
}

/** The statuses the viewer could move the assessment to now. */
export function allowedTransitions(
  viewer: Viewer,
  assessment: { countryCode: string; status: AssessmentStatus },
  cycleStatus: CycleStatus,
): AssessmentStatus[] {
  const result: AssessmentStatus[] = [];
  if (canSubmitAssessment(viewer, assessment, cycleStatus)) result.push(AssessmentStatus.SUBMITTED);
  if (canReviewAssessment(viewer, assessment, cycleStatus)) {
    result.push(AssessmentStatus.APPROVED, AssessmentStatus.CHANGES_REQUESTED);
  }
  if (canReopenAssessment(viewer, assessment, cycleStatus)) result.push(AssessmentStatus.CHANGES_REQUESTED);
  return result;
}
