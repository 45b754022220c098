import type { Viewer } from '../auth/viewer';
import type { Decision, ReadClass } from '../authz/authz';
import { ALLOW, can, deny, Denial, readClassesSql } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import type { AssessmentRow } from '../assessment/assessment.policy';
import { assessmentPolicy } from '../assessment/assessment.policy';
import type { CycleStatus } from '../cycle/cycle.enums';
import { Confidentiality } from './evidence.enums';

/**
 * Which evidence a viewer reads and changes. Evidence follows its assessment: it is read only with an assessment
 * the viewer reads, and then as its confidentiality allows (the reviewer and admins all of it, a partner all of its
 * own countries' and the PUBLIC and PARTNERS evidence of others, everyone else only PUBLIC evidence); it changes
 * only while its assessment may be edited.
 */

export interface EvidenceRow {
  countryCode: string;
  confidentiality: Confidentiality;
}

const READ_CLASSES: readonly ReadClass[] = [
  { values: [Confidentiality.INTERNAL], capability: Capability.EVIDENCE_READ_INTERNAL },
  { values: [Confidentiality.PARTNERS], capability: Capability.EVIDENCE_READ_PARTNERS },
  { values: [Confidentiality.PUBLIC], capability: Capability.EVIDENCE_READ_PUBLIC },
];

export type EvidenceAction = 'read' | 'edit';

/** The one answer about a piece of evidence: hidden (NOT_FOUND) unless readable, then its assessment's edit rule. */
export function evidencePolicy(
  viewer: Viewer,
  action: EvidenceAction,
  evidence: EvidenceRow,
  assessment: AssessmentRow,
  cycleStatus: CycleStatus,
): Decision {
  const read = assessmentPolicy(viewer, 'read', assessment, cycleStatus);
  if (!read.allowed) return read;
  if (!canReadEvidenceOf(viewer, evidence)) return deny(Denial.NOT_FOUND);
  return action === 'read' ? ALLOW : assessmentPolicy(viewer, 'edit', assessment, cycleStatus);
}

/** The confidentiality half of the read rule, for evidence of an assessment the viewer reads. */
export function canReadEvidenceOf(viewer: Viewer, evidence: EvidenceRow): boolean {
  const byConfidentiality = READ_CLASSES.find((c) => c.values.includes(evidence.confidentiality));
  return (
    byConfidentiality !== undefined &&
    can(viewer, byConfidentiality.capability, { countryCode: evidence.countryCode })
  );
}

/** The confidentiality half as SQL on `alias`, a row of `evidence` (join the assessment's rule beside it). */
export function evidenceVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  return readClassesSql(viewer, READ_CLASSES, `${alias}.confidentiality`, `${alias}.country_code`, params)
    .sql;
}
