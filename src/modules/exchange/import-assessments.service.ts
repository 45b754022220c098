import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import { ASSESSMENT_COLUMNS, EVIDENCE_COLUMNS, SHEETS } from './exchange.columns';
import { ImportPlan, planAssessment, planEvidence, type Indicator } from './import-assessments.plan';
import { indicatorCode } from './import-assessments.rows';
import {
  lockAssessments,
  lockOpenCycle,
  storedEvidence,
  writeAssessment,
  writeEvidence,
  type ImportTarget,
} from './import-assessments.write';
import { ImportError, sortProblems, type ImportProblem } from './import.errors';
import { layoutRows, type ParsedBook } from './import.parse';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';

export interface AssessmentImportResult {
  created: number;
  updated: number;
  /** Rows that match the stored assessment: nothing to write (an unedited row of an exported file). */
  unchanged: number;
  evidenceCreated: number;
  /** Evidence rows identical to evidence the assessment already has, so not added again. */
  evidenceUnchanged: number;
  /**
   * With `skipStale`, the rows left out because their assessment changed since the file was made, and the
   * evidence rows of those assessments; empty otherwise (a stale row refuses the file).
   */
  skipped: ImportProblem[];
}

const SHEET_ORDER = [SHEETS.assessments, SHEETS.evidence];

async function loadIndicators(m: EntityManager, versionId: string): Promise<Map<string, Indicator>> {
  const rows: Indicator[] = await m.query(
    `SELECT id, code, answer_type FROM indicator WHERE framework_version_id = $1`,
    [versionId],
  );
  return new Map(rows.map((i) => [i.code, i]));
}

/**
 * Imports a country's assessments (and evidence) of one cycle from a spreadsheet. Every row is checked first
 * with the rules of `assessmentSave` and `evidenceCreate`; a single problem refuses the whole file, and all
 * problems are reported. Changes, with their audit events, are written in one transaction. With `skipStale`, a
 * row whose assessment changed since the file was made is left out with its evidence and reported, and the
 * other rows are imported; any other problem still refuses the whole file.
 */
export async function importAssessments(
  ctx: RequestContext,
  params: { cycleId: string; countryCode: string; book: ParsedBook; skipStale?: boolean },
): Promise<AssessmentImportResult> {
  const { cycleId, countryCode, book } = params;
  const skipStale = params.skipStale ?? false;
  // The tenant check on the service side: whatever the route let through, only a country's own editors write.
  if (!can(ctx.viewer, Capability.ASSESSMENT_EDIT, { countryCode }))
    throw new ImportError('FORBIDDEN', `You cannot change assessments of ${countryCode}.`);
  const target: ImportTarget = {
    cycleId,
    countryCode,
    userId: ctx.viewer.kind === 'user' ? ctx.viewer.userId : null,
  };
  const layoutProblems: ImportProblem[] = [];
  const assessmentRows = layoutRows(book, SHEETS.assessments, ASSESSMENT_COLUMNS, true, layoutProblems);
  const evidenceRows =
    book.format === 'xlsx'
      ? layoutRows(book, SHEETS.evidence, EVIDENCE_COLUMNS, false, layoutProblems)
      : null;

  return ctx.db.transaction(async (m) => {
    const indicators = await loadIndicators(m, await lockOpenCycle(m, cycleId));
    const rows = [...(assessmentRows ?? []), ...(evidenceRows ?? [])];
    const codes = [...new Set(rows.map(indicatorCode))].filter((code) => indicators.has(code));
    const existing = await lockAssessments(m, ctx, target, codes);
    const plan = new ImportPlan(indicators, existing, skipStale);
    plan.problems.push(...layoutProblems);
    for (const row of assessmentRows ?? []) planAssessment(plan, row, target);
    const stored = await storedEvidence(
      m,
      [...existing.values()].map((a) => a.entity.id),
    );
    for (const row of evidenceRows ?? []) planEvidence(plan, row, stored);
    if (!skipStale) plan.problems.push(...plan.stale);
    if (plan.problems.length) throw ImportError.rows(plan.problems, SHEET_ORDER);

    const result: AssessmentImportResult = {
      created: 0,
      updated: 0,
      unchanged: 0,
      evidenceCreated: 0,
      evidenceUnchanged: plan.evidenceUnchanged,
      skipped: skipStale ? [...plan.stale] : [],
    };
    const assessmentIds = new Map([...existing].map(([code, a]) => [code, a.entity.id]));
    const lost = new Map<string, ImportProblem>();
    for (const planned of plan.assessments) {
      const saved = await writeAssessment(m, ctx, planned, target);
      if (saved === 'conflict') {
        const problem: ImportProblem = {
          sheet: SHEETS.assessments,
          row: planned.row,
          column: 'indicator_code',
          code: UserErrorCode.STALE_VERSION,
          message: `Someone created the assessment of ${planned.code} at the same moment; export it again.`,
          expectedVersion: null,
          foundVersion: null,
        };
        if (skipStale) lost.set(planned.code, problem);
        else plan.problems.push(problem);
      } else {
        result[saved.outcome]++;
        assessmentIds.set(planned.code, saved.id);
      }
    }
    // Throwing rolls back what was written before the conflict.
    if (plan.problems.length) throw ImportError.rows(plan.problems, SHEET_ORDER);
    result.skipped.push(...lost.values());
    for (const evidence of plan.evidence) {
      const conflict = lost.get(evidence.code);
      if (conflict) {
        result.skipped.push({
          ...conflict,
          sheet: SHEETS.evidence,
          row: evidence.row,
          message: `Left out with row ${conflict.row} of the ${SHEETS.assessments} sheet: ${conflict.message}`,
        });
        continue;
      }
      await writeEvidence(m, ctx, assessmentIds.get(evidence.code) as string, evidence.columns, target);
      result.evidenceCreated++;
    }
    result.skipped = sortProblems(result.skipped, SHEET_ORDER);
    return result;
  });
}
