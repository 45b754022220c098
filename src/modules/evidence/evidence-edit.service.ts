import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { forbidden, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { lockRows, queryRows } from '../../common/sql';
import { assertId } from '../../common/validation';
import { Assessment } from '../assessment/assessment.entity';
import type { AssessmentStatus } from '../assessment/assessment.enums';
import { assessmentPolicy } from '../assessment/assessment.policy';
import { changedFields, recordAudit } from '../audit/audit.service';
import { Denial } from '../authz/authz';
import type { CycleStatus } from '../cycle/cycle.enums';
import { Evidence } from './evidence.entity';
import { evidencePolicy } from './evidence.policy';
import type { EvidenceCreateInput, EvidenceDeleteInput, EvidenceUpdateInput } from './evidence-edit.types';
import { EvidenceCreatePayload, EvidenceDeletePayload, EvidenceUpdatePayload } from './evidence-edit.types';
import { evidenceColumns } from './evidence-validation';

/**
 * Locks the assessment and checks the caller may change its evidence now: its own country (else FORBIDDEN),
 * an OPEN cycle and an editable status (else a userError). The lock orders evidence changes after a concurrent
 * submission, so nothing is added to an assessment that has just left DRAFT.
 */
async function lockEditable(
  m: EntityManager,
  ctx: RequestContext,
  assessmentId: string,
): Promise<Assessment> {
  const { rows, locked } = await lockRows(
    m,
    `SELECT a.*, c.status AS "__cycle_status" FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
     WHERE a.id = $1`,
    'FOR UPDATE OF a',
    [assessmentId],
  );
  if (rows.length === 0)
    throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such assessment.', [
      'input',
      'assessmentId',
    ]);
  const assessment = hydrate(ctx.db, Assessment, rows[0]);
  const cycleStatus = rows[0].__cycle_status as CycleStatus;
  const decision = assessmentPolicy(ctx.viewer, 'edit', assessment, cycleStatus);
  if (!locked || (!decision.allowed && decision.reason === Denial.FORBIDDEN))
    throw forbidden(`You cannot change evidence of ${assessment.countryCode}.`);
  if (!decision.allowed && decision.reason === Denial.CYCLE_NOT_OPEN) {
    throw BusinessRuleError.of(
      UserErrorCode.CYCLE_NOT_OPEN,
      `The cycle is ${cycleStatus}: evidence can only change while it is OPEN.`,
    );
  }
  if (!decision.allowed) {
    throw BusinessRuleError.of(
      UserErrorCode.NOT_EDITABLE,
      `The assessment is ${assessment.status}: its evidence cannot change.`,
    );
  }
  return assessment;
}

function auditView(e: Evidence): Record<string, unknown> {
  return {
    kind: e.kind,
    title: e.title,
    citation: e.citation,
    url: e.url,
    documentDate: e.documentDate,
    language: e.language,
    issuingInstitution: e.issuingInstitution,
    reliability: e.reliability,
    confidentiality: e.confidentiality,
  };
}

/**
 * The evidence to change, if the caller may read it. Evidence the caller may not read (another country's
 * confidential evidence, or any evidence of an assessment hidden from it, such as another country's draft) is
 * answered exactly as evidence that does not exist, so that the answer does not say which ids exist. Evidence it
 * may read but not change goes on to the FORBIDDEN of `lockEditable`.
 */
async function findEvidenceRow(m: EntityManager, ctx: RequestContext, id: string): Promise<Evidence> {
  const rows = await m.query(
    `SELECT e.*, a.status AS "__assessment_status", c.status AS "__cycle_status"
     FROM evidence e LEFT JOIN assessment a ON a.id = e.assessment_id LEFT JOIN monitoring_cycle c ON c.id = a.cycle_id
     WHERE e.id = $1`,
    [id],
  );
  const row = rows[0];
  const evidence = row ? hydrate(ctx.db, Evidence, row) : null;
  const readable =
    evidence !== null &&
    row.__assessment_status !== null &&
    evidencePolicy(
      ctx.viewer,
      'read',
      evidence,
      { countryCode: evidence.countryCode, status: row.__assessment_status as AssessmentStatus },
      row.__cycle_status as CycleStatus,
    ).allowed;
  if (!evidence || !readable)
    throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such evidence.', ['input', 'id']);
  return evidence;
}

export function createEvidence(
  ctx: RequestContext,
  input: EvidenceCreateInput,
): Promise<EvidenceCreatePayload> {
  const assessmentId = assertId(input.assessmentId, 'input.assessmentId');
  return runMutation(
    ctx,
    () => new EvidenceCreatePayload(),
    async (m, result) => {
      const assessment = await lockEditable(m, ctx, assessmentId);
      const { columns, errors } = evidenceColumns(input, true);
      if (errors.length) throw new BusinessRuleError(errors);
      const all: Record<string, unknown> = {
        ...columns,
        assessment_id: assessment.id,
        country_code: assessment.countryCode,
        created_by: ctx.viewer.kind === 'user' ? ctx.viewer.userId : null,
      };
      const names = Object.keys(all);
      const [row] = await m.query(
        `INSERT INTO evidence (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
        names.map((n) => all[n]),
      );
      const evidence = hydrate(ctx.db, Evidence, row);
      await recordAudit(m, ctx, {
        entityType: 'evidence',
        entityId: evidence.id,
        assessmentId: assessment.id,
        countryCode: assessment.countryCode,
        action: 'create',
        after: auditView(evidence),
      });
      result.evidence = evidence;
    },
  );
}

export function updateEvidence(
  ctx: RequestContext,
  input: EvidenceUpdateInput,
): Promise<EvidenceUpdatePayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new EvidenceUpdatePayload(),
    async (m, result) => {
      const existing = await findEvidenceRow(m, ctx, id);
      await lockEditable(m, ctx, existing.assessmentId);
      const { columns, errors } = evidenceColumns(input, false);
      if (errors.length) throw new BusinessRuleError(errors);
      const names = Object.keys(columns);
      if (names.length === 0) {
        result.evidence = existing;
        return;
      }
      const [row] = await queryRows(
        m,
        `UPDATE evidence SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1 RETURNING *`,
        [id, ...names.map((n) => columns[n])],
      );
      const evidence = hydrate(ctx.db, Evidence, row);
      await recordAudit(m, ctx, {
        entityType: 'evidence',
        entityId: id,
        assessmentId: evidence.assessmentId,
        countryCode: evidence.countryCode,
        action: 'update',
        ...changedFields(auditView(existing), auditView(evidence)),
      });
      result.evidence = evidence;
    },
  );
}

/** Deletes evidence; its last values, file reference included, stay in the audit trail. */
export function deleteEvidence(
  ctx: RequestContext,
  input: EvidenceDeleteInput,
): Promise<EvidenceDeletePayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new EvidenceDeletePayload(),
    async (m, result) => {
      const existing = await findEvidenceRow(m, ctx, id);
      await lockEditable(m, ctx, existing.assessmentId);
      await m.query(`DELETE FROM evidence WHERE id = $1`, [id]);
      await recordAudit(m, ctx, {
        entityType: 'evidence',
        entityId: id,
        assessmentId: existing.assessmentId,
        countryCode: existing.countryCode,
        action: 'delete',
        before: {
          ...auditView(existing),
          file: existing.fileKey
            ? { key: existing.fileKey, name: existing.fileName, sha256: existing.fileSha256 }
            : null,
        },
      });
      result.deletedEvidenceId = id;
    },
  );
}
