import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { hydrate } from '../../common/paging';
import { queryRows } from '../../common/sql';
import { auditView } from '../assessment/assessment-save.service';
import { Assessment } from '../assessment/assessment.entity';
import { changedFields, recordAudit } from '../audit/audit.service';
import { CycleStatus } from '../cycle/cycle.enums';
import { Evidence } from '../evidence/evidence.entity';
import { changesRow, evidenceKey } from './import-assessments.rows';
import { ImportError } from './import.errors';

/** A stored assessment as read under lock: the raw row to compare cells with, and the entity. */
export interface LockedAssessment {
  row: Record<string, unknown>;
  entity: Assessment;
}

export interface PlannedAssessment {
  row: number;
  code: string;
  indicatorId: string;
  existing: LockedAssessment | null;
  columns: Record<string, unknown>;
}

export interface ImportTarget {
  cycleId: string;
  countryCode: string;
  userId: string | null;
}

/**
 * Holds the cycle in its status until the import commits: a concurrent transition waits for it. Returns the
 * cycle's framework version.
 */
export async function lockOpenCycle(m: EntityManager, cycleId: string): Promise<string> {
  const [cycle] = await m.query(
    `SELECT status, framework_version_id FROM monitoring_cycle WHERE id = $1 FOR SHARE`,
    [cycleId],
  );
  if (!cycle) throw new ImportError('NOT_FOUND', 'There is no such monitoring cycle.');
  if (cycle.status !== CycleStatus.OPEN)
    throw new ImportError(
      'CYCLE_NOT_OPEN',
      `The cycle is ${cycle.status}: assessments change only while it is OPEN.`,
    );
  return cycle.framework_version_id;
}

/** Locks the country's assessments the file names, in id order so that two imports cannot deadlock. */
export async function lockAssessments(
  m: EntityManager,
  ctx: RequestContext,
  target: ImportTarget,
  codes: string[],
): Promise<Map<string, LockedAssessment>> {
  const byCode = new Map<string, LockedAssessment>();
  if (codes.length === 0) return byCode;
  const rows: Array<Record<string, unknown>> = await m.query(
    `SELECT a.*, i.code AS "__code" FROM assessment a JOIN indicator i ON i.id = a.indicator_id
     WHERE a.country_code = $1 AND a.cycle_id = $2 AND i.code = ANY($3) ORDER BY a.id FOR UPDATE OF a`,
    [target.countryCode, target.cycleId, codes],
  );
  for (const row of rows) byCode.set(String(row.__code), { row, entity: hydrate(ctx.db, Assessment, row) });
  return byCode;
}

/** How many copies of each piece of evidence the assessments hold, keyed by assessment and content. */
export async function storedEvidence(
  m: EntityManager,
  assessmentIds: string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (assessmentIds.length === 0) return counts;
  const rows: Array<Record<string, unknown>> = await m.query(
    `SELECT assessment_id, kind, title, citation, url, document_date, language, issuing_institution, reliability,
       confidentiality FROM evidence WHERE assessment_id = ANY($1)`,
    [assessmentIds],
  );
  for (const row of rows) {
    const key = `${row.assessment_id}|${evidenceKey(row)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Creates or updates one assessment as `assessmentSave` does (version + 1, the changed fields in the audit
 * trail). 'conflict' when someone created it after the rows were locked.
 */
export async function writeAssessment(
  m: EntityManager,
  ctx: RequestContext,
  plan: PlannedAssessment,
  target: ImportTarget,
): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; id: string } | 'conflict'> {
  const columns = Object.fromEntries(
    Object.entries(plan.columns).map(([name, value]) => [
      name,
      name === 'narrative' ? JSON.stringify(value) : value,
    ]),
  );
  const names = Object.keys(columns);
  if (plan.existing) {
    const before = plan.existing.entity;
    if (!changesRow(plan.existing.row, plan.columns)) return { outcome: 'unchanged', id: before.id };
    const [row] = await queryRows(
      m,
      `UPDATE assessment SET ${names.map((n, i) => `${n} = $${i + 3}`).join(', ')},
         version = version + 1, updated_by = $${names.length + 3}, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *`,
      [before.id, before.version, ...names.map((n) => columns[n]), target.userId],
    );
    const saved = hydrate(ctx.db, Assessment, row);
    await recordAudit(m, ctx, {
      entityType: 'assessment',
      entityId: saved.id,
      assessmentId: saved.id,
      countryCode: target.countryCode,
      action: 'import_update',
      ...changedFields(auditView(before), auditView(saved)),
    });
    return { outcome: 'updated', id: saved.id };
  }
  const all = ['country_code', 'cycle_id', 'indicator_id', 'created_by', 'updated_by', ...names];
  const values = [target.countryCode, target.cycleId, plan.indicatorId, target.userId, target.userId];
  const rows = await m.query(
    `INSERT INTO assessment (${all.join(', ')}) VALUES (${all.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (country_code, cycle_id, indicator_id) DO NOTHING RETURNING *`,
    [...values, ...names.map((n) => columns[n])],
  );
  if (rows.length === 0) return 'conflict';
  const saved = hydrate(ctx.db, Assessment, rows[0]);
  await recordAudit(m, ctx, {
    entityType: 'assessment',
    entityId: saved.id,
    assessmentId: saved.id,
    countryCode: target.countryCode,
    action: 'import_create',
    after: auditView(saved),
  });
  return { outcome: 'created', id: saved.id };
}

/** Adds a piece of evidence to an assessment, as `evidenceCreate` does. */
export async function writeEvidence(
  m: EntityManager,
  ctx: RequestContext,
  assessmentId: string,
  columns: Record<string, unknown>,
  target: ImportTarget,
): Promise<void> {
  const all: Record<string, unknown> = {
    ...columns,
    assessment_id: assessmentId,
    country_code: target.countryCode,
    created_by: target.userId,
  };
  const names = Object.keys(all);
  const [row] = await m.query(
    `INSERT INTO evidence (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    names.map((n) => all[n]),
  );
  const e = hydrate(ctx.db, Evidence, row);
  await recordAudit(m, ctx, {
    entityType: 'evidence',
    entityId: e.id,
    assessmentId,
    countryCode: target.countryCode,
    action: 'import_create',
    after: {
      kind: e.kind,
      title: e.title,
      citation: e.citation,
      url: e.url,
      documentDate: e.documentDate,
      language: e.language,
      issuingInstitution: e.issuingInstitution,
      reliability: e.reliability,
      confidentiality: e.confidentiality,
    },
  });
}
