import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import type { I18nText } from '../../common/i18n';
import { hydrate } from '../../common/paging';
import { queryRows } from '../../common/sql';
import { isEditableStatus } from '../assessment/assessment.policy';
import { recordAudit } from '../audit/audit.service';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import { CycleStatus } from '../cycle/cycle.enums';
import { RecommendationFollowUp } from '../recommendation/follow-up.entity';
import { followUpAuditView } from '../recommendation/follow-up.service';
import { readFollowUpRow, sameFollowUp, type FollowUpRow } from './import-follow-ups.rows';
import { ImportError, type ImportProblem } from './import.errors';
import { layoutRows, type ParsedBook } from './import.parse';
import { RECOMMENDATION_COLUMNS, RECOMMENDATION_SHEET } from './recommendation.columns';

export interface FollowUpImportResult {
  created: number;
  updated: number;
  /** Rows that match the stored follow-up, or give none where there is none: nothing to write. */
  unchanged: number;
}

interface StoredFollowUp extends Record<string, unknown> {
  id: string;
  recommendation_id: string;
  implementation_status: string;
  narrative: Partial<I18nText> | null;
  status: RecommendationFollowUp['status'];
  version: number;
  evidence_ids: string[];
}

interface Target {
  cycleId: string;
  countryCode: string;
}

async function lockOpenCycle(m: EntityManager, cycleId: string): Promise<void> {
  const [cycle] = await m.query(`SELECT status FROM monitoring_cycle WHERE id = $1 FOR SHARE`, [cycleId]);
  if (!cycle) throw new ImportError('NOT_FOUND', 'There is no such monitoring cycle.');
  if (cycle.status !== CycleStatus.OPEN)
    throw new ImportError(
      'CYCLE_NOT_OPEN',
      `The cycle is ${cycle.status}: follow-ups change only while it is OPEN.`,
    );
}

/** Checks every row against the register and the stored follow-ups; returns the rows to write. */
async function plan(
  m: EntityManager,
  target: Target,
  rows: FollowUpRow[],
  problems: ImportProblem[],
): Promise<{ writes: Array<{ row: FollowUpRow; stored: StoredFollowUp | null }>; unchanged: number }> {
  const ids = rows.map((r) => r.recommendationId);
  const own = new Set<string>(
    (
      await m.query(`SELECT id FROM recommendation WHERE id = ANY($1) AND country_code = $2`, [
        ids,
        target.countryCode,
      ])
    ).map((r: { id: string }) => r.id),
  );
  // Locked in id order, so that two imports of the country cannot deadlock.
  const stored = new Map<string, StoredFollowUp>(
    (
      await m.query(
        `SELECT f.*, ARRAY(SELECT x.evidence_id::text FROM follow_up_evidence x WHERE x.follow_up_id = f.id)
           AS evidence_ids
         FROM recommendation_follow_up f WHERE f.country_code = $1 AND f.cycle_id = $2
           AND f.recommendation_id = ANY($3) ORDER BY f.id FOR UPDATE`,
        [target.countryCode, target.cycleId, ids],
      )
    ).map((f: StoredFollowUp) => [f.recommendation_id, f]),
  );
  const evidence = new Set<string>(
    (
      await m.query(`SELECT id FROM evidence WHERE id = ANY($1) AND country_code = $2`, [
        [...new Set(rows.flatMap((r) => r.evidenceIds))],
        target.countryCode,
      ])
    ).map((r: { id: string }) => r.id),
  );

  const writes: Array<{ row: FollowUpRow; stored: StoredFollowUp | null }> = [];
  let unchanged = 0;
  const seen = new Map<string, number>();
  for (const row of rows) {
    const report = (column: string, code: string, message: string, versions = {}) =>
      problems.push({ sheet: RECOMMENDATION_SHEET, row: row.row, column, code, message, ...versions });
    const first = seen.get(row.recommendationId);
    if (first !== undefined) {
      report('recommendation_id', 'DUPLICATE_ROW', `The recommendation is already in row ${first}.`);
      continue;
    }
    seen.set(row.recommendationId, row.row);
    if (!own.has(row.recommendationId)) {
      report(
        'recommendation_id',
        'NOT_FOUND',
        `There is no recommendation to ${target.countryCode} with this id.`,
      );
      continue;
    }
    const missing = row.evidenceIds.filter((id) => !evidence.has(id));
    if (missing.length)
      report(
        'evidence_ids',
        'NOT_FOUND',
        `No evidence of ${target.countryCode} with the ids ${missing.slice(0, 3).join(', ')}.`,
      );
    const existing = stored.get(row.recommendationId) ?? null;
    if ((existing?.version ?? null) !== row.version) {
      report(
        'version',
        UserErrorCode.STALE_VERSION,
        existing
          ? `The follow-up is at version ${existing.version}, the row says ${row.version ?? 'none'}: export it again.`
          : `The follow-up does not exist (any more), the row says version ${row.version}: empty the version.`,
        { expectedVersion: row.version, foundVersion: existing?.version ?? null },
      );
      continue;
    }
    if (existing === null && row.status === null) {
      unchanged++;
      continue;
    }
    if (existing && row.status === null) {
      report('implementation_status', 'REQUIRED', 'The follow-up exists: give its implementation status.');
      continue;
    }
    if (existing && sameFollowUp(existing, row)) {
      unchanged++;
      continue;
    }
    if (existing && !isEditableStatus(existing.status)) {
      report('implementation_status', UserErrorCode.NOT_EDITABLE, `The follow-up is ${existing.status}.`);
      continue;
    }
    if (!missing.length) writes.push({ row, stored: existing });
  }
  return { writes, unchanged };
}

async function write(
  m: EntityManager,
  ctx: RequestContext,
  target: Target,
  row: FollowUpRow,
  stored: StoredFollowUp | null,
): Promise<void> {
  const userId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  const narrative = row.narrative ? JSON.stringify(row.narrative) : null;
  // An UPDATE through m.query answers [rows, count]; queryRows gives the rows either way.
  const [saved] = stored
    ? await queryRows(
        m,
        `UPDATE recommendation_follow_up SET implementation_status = $2, narrative = $3, version = version + 1,
           updated_by = $4, updated_at = now() WHERE id = $1 RETURNING *`,
        [stored.id, row.status, narrative, userId],
      )
    : await m.query(
        `INSERT INTO recommendation_follow_up (recommendation_id, country_code, cycle_id, implementation_status,
           narrative, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
        [row.recommendationId, target.countryCode, target.cycleId, row.status, narrative, userId],
      );
  const followUp = hydrate(ctx.db, RecommendationFollowUp, saved);
  await m.query(`DELETE FROM follow_up_evidence WHERE follow_up_id = $1`, [followUp.id]);
  await m.query(
    `INSERT INTO follow_up_evidence (follow_up_id, evidence_id, country_code) SELECT $1, unnest($2::uuid[]), $3`,
    [followUp.id, row.evidenceIds, target.countryCode],
  );
  const after = { ...followUpAuditView(followUp), evidenceIds: row.evidenceIds, source: 'import' };
  await recordAudit(m, ctx, {
    entityType: 'recommendation_follow_up',
    entityId: followUp.id,
    countryCode: target.countryCode,
    action: stored ? 'update' : 'create',
    ...(stored
      ? {
          before: {
            implementationStatus: stored.implementation_status,
            narrative: stored.narrative,
            status: stored.status,
            version: stored.version,
            evidenceIds: stored.evidence_ids,
          },
          after,
        }
      : { after: { ...after, recommendationId: row.recommendationId, cycleId: target.cycleId } }),
  });
}

/**
 * Imports a country's follow-ups in one cycle from the Recommendations sheet of its export. Every row is checked
 * first with the rules of `recommendationFollowUpSave` (the country's own recommendations and evidence, the
 * follow-up's current version, an editable status); a single problem refuses the whole file and every problem
 * is reported. The changes, with their audit events, are written in one transaction.
 */
export async function importFollowUps(
  ctx: RequestContext,
  params: Target & { book: ParsedBook },
): Promise<FollowUpImportResult> {
  const target = { cycleId: params.cycleId, countryCode: params.countryCode };
  // The tenant check on the service side: only the country's own leads and editors follow it up.
  if (!can(ctx.viewer, Capability.ASSESSMENT_EDIT, { countryCode: target.countryCode }))
    throw new ImportError('FORBIDDEN', `You cannot follow up recommendations to ${target.countryCode}.`);
  const problems: ImportProblem[] = [];
  const sheetRows = layoutRows(params.book, RECOMMENDATION_SHEET, RECOMMENDATION_COLUMNS, true, problems);
  const rows = (sheetRows ?? [])
    .map((row) => readFollowUpRow(row, target.countryCode, problems))
    .filter((row): row is FollowUpRow => row !== null);

  return ctx.db.transaction(async (m) => {
    await lockOpenCycle(m, target.cycleId);
    const { writes, unchanged } = await plan(m, target, rows, problems);
    if (problems.length) throw ImportError.rows(problems, [RECOMMENDATION_SHEET]);
    for (const { row, stored } of writes) await write(m, ctx, target, row, stored);
    const created = writes.filter((w) => w.stored === null).length;
    return { created, updated: writes.length - created, unchanged };
  });
}
