import type { Viewer } from '../auth/viewer';
import type { Decision, ReadClass } from '../authz/authz';
import { ALLOW, can, deny, Denial, firstDenial, holds, joinOr, readClassesSql } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import { CycleStatus } from '../cycle/cycle.enums';
import { AssessmentStatus } from './assessment.enums';

/**
 * Who may read and change which assessment: `assessmentPolicy` answers every question about one row, from the
 * capability table (authz/capabilities.ts) and the row's state; the SQL form filters lists in the database from
 * the same grants, so that a page holds only what the reader may see and its size and statement count do not
 * depend on what is hidden. The row-level security policy on `assessment` must agree with both
 * (test/read-rule-drift.test.ts).
 */

export interface AssessmentRow {
  countryCode: string;
  status: AssessmentStatus;
}

export type AssessmentAction = 'read' | 'edit' | 'submit' | 'review' | 'reopen' | 'readWork';

/** Which capability reads an assessment in each status (PUBLISHED also by everyone once its cycle is). */
const READ_CLASSES: readonly ReadClass[] = [
  { values: [AssessmentStatus.DRAFT], capability: Capability.ASSESSMENT_READ_DRAFT },
  {
    values: [AssessmentStatus.SUBMITTED, AssessmentStatus.CHANGES_REQUESTED],
    capability: Capability.ASSESSMENT_READ_IN_REVIEW,
  },
  {
    values: [AssessmentStatus.APPROVED, AssessmentStatus.PUBLISHED],
    capability: Capability.ASSESSMENT_READ_APPROVED,
  },
];

const EDITABLE: readonly AssessmentStatus[] = [AssessmentStatus.DRAFT, AssessmentStatus.CHANGES_REQUESTED];

export function isEditableStatus(status: AssessmentStatus): boolean {
  return EDITABLE.includes(status);
}

function readable(viewer: Viewer, assessment: AssessmentRow, cycleStatus: CycleStatus): boolean {
  const target = { countryCode: assessment.countryCode };
  const byStatus = READ_CLASSES.find((c) => c.values.includes(assessment.status));
  if (byStatus && can(viewer, byStatus.capability, target)) return true;
  return (
    assessment.status === AssessmentStatus.PUBLISHED &&
    cycleStatus === CycleStatus.PUBLISHED &&
    can(viewer, Capability.ASSESSMENT_READ_PUBLISHED, target)
  );
}

/** The one answer to "may the viewer do this to this assessment now?": allowed, or why not, in check order. */
export function assessmentPolicy(
  viewer: Viewer,
  action: AssessmentAction,
  assessment: AssessmentRow,
  cycleStatus: CycleStatus,
): Decision {
  const target = { countryCode: assessment.countryCode };
  const open = cycleStatus === CycleStatus.OPEN;
  switch (action) {
    case 'read':
      return readable(viewer, assessment, cycleStatus) ? ALLOW : deny(Denial.NOT_FOUND);
    case 'readWork':
      return can(viewer, Capability.ASSESSMENT_WORK_READ, target) ? ALLOW : deny(Denial.FORBIDDEN);
    case 'edit':
      return firstDenial(
        [can(viewer, Capability.ASSESSMENT_EDIT, target), Denial.FORBIDDEN],
        [open, Denial.CYCLE_NOT_OPEN],
        [isEditableStatus(assessment.status), Denial.NOT_EDITABLE],
      );
    case 'submit':
      return firstDenial(
        [can(viewer, Capability.ASSESSMENT_SUBMIT, target), Denial.FORBIDDEN],
        [open, Denial.CYCLE_NOT_OPEN],
        [isEditableStatus(assessment.status), Denial.INVALID_TRANSITION],
      );
    case 'review':
    case 'reopen':
      return firstDenial(
        [can(viewer, Capability.ASSESSMENT_REVIEW, target), Denial.FORBIDDEN],
        [
          assessment.status ===
            (action === 'review' ? AssessmentStatus.SUBMITTED : AssessmentStatus.APPROVED) &&
            cycleStatus !== CycleStatus.PUBLISHED,
          Denial.INVALID_TRANSITION,
        ],
      );
  }
}

/** The read rule as SQL on `alias`, a row of `assessment`. */
export function assessmentVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  const { sql, everywhere } = readClassesSql(
    viewer,
    READ_CLASSES,
    `${alias}.status`,
    `${alias}.country_code`,
    params,
  );
  if (sql === 'true' || everywhere.has(AssessmentStatus.PUBLISHED)) return sql;
  if (!holds(viewer, Capability.ASSESSMENT_READ_PUBLISHED)) return sql;
  const published = `(${alias}.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM monitoring_cycle vc
    WHERE vc.id = ${alias}.cycle_id AND vc.status = 'PUBLISHED'))`;
  return sql === 'false' ? published : joinOr([sql, published]);
}

export function canReadAssessment(
  viewer: Viewer,
  assessment: AssessmentRow,
  cycleStatus: CycleStatus,
): boolean {
  return assessmentPolicy(viewer, 'read', assessment, cycleStatus).allowed;
}

/**
 * The people behind a country's work in progress: the users who work on the country, the reviewer and admins.
 * They read an assessment's whole history and who did what on it; everyone else (other countries' partners, API
 * keys, which are not people, and the public) reads at most what was published, and no names.
 */
export function seesWorkOn(viewer: Viewer, countryCode: string): boolean {
  return can(viewer, Capability.ASSESSMENT_WORK_READ, { countryCode });
}

/** May change the answer, narrative and evidence now (role, country, open cycle and editable state). */
export function canEditAssessment(
  viewer: Viewer,
  assessment: AssessmentRow,
  cycleStatus: CycleStatus,
): boolean {
  return assessmentPolicy(viewer, 'edit', assessment, cycleStatus).allowed;
}

export function canSubmitAssessment(
  viewer: Viewer,
  assessment: AssessmentRow,
  cycleStatus: CycleStatus,
): boolean {
  return assessmentPolicy(viewer, 'submit', assessment, cycleStatus).allowed;
}

export function canReviewAssessment(
  viewer: Viewer,
  assessment: AssessmentRow,
  cycleStatus: CycleStatus,
): boolean {
  return assessmentPolicy(viewer, 'review', assessment, cycleStatus).allowed;
}

export function canReopenAssessment(
  viewer: Viewer,
  assessment: AssessmentRow,
  cycleStatus: CycleStatus,
): boolean {
  return assessmentPolicy(viewer, 'reopen', assessment, cycleStatus).allowed;
}

/** The statuses the viewer could move the assessment to now. */
export function allowedTransitions(
  viewer: Viewer,
  assessment: AssessmentRow,
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
