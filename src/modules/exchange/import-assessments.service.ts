import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import { isEditableStatus } from '../assessment/assessment.policy';
import { editsCountry } from '../auth/viewer';
import type { AnswerType } from '../indicator/indicator.enums';
import { ASSESSMENT_COLUMNS, EVIDENCE_COLUMNS, SHEETS } from './exchange.columns';
import {
  changesRow,
  evidenceKey,
  indicatorCode,
  readAssessmentRow,
  readEvidenceRow,
  type Report,
} from './import-assessments.rows';
import {
  lockAssessments,
  lockOpenCycle,
  storedEvidence,
  writeAssessment,
  writeEvidence,
  type ImportTarget,
  type LockedAssessment,
  type PlannedAssessment,
} from './import-assessments.write';
import { ImportError, type ImportProblem } from './import.errors';
import { layoutRows, type ParsedBook, type SheetRow } from './import.parse';

export interface AssessmentImportResult {
  created: number;
  updated: number;
  /** Rows that match the stored assessment: nothing to write (an unedited row of an exported file). */
  unchanged: number;
  evidenceCreated: number;
  /** Evidence rows identical to evidence the assessment already has, so not added again. */
  evidenceUnchanged: number;
}

const SHEET_ORDER = [SHEETS.assessments, SHEETS.evidence];

interface Indicator {
  id: string;
  code: string;
  answer_type: AnswerType;
}

/** What the checks of the rows found: the problems, or what to write. */
class ImportPlan {
  readonly problems: ImportProblem[] = [];
  readonly assessments: PlannedAssessment[] = [];
  readonly evidence: Array<{ code: string; columns: Record<string, unknown> }> = [];
  /** The row each indicator code first appears on in the Assessments sheet. */
  readonly assessmentRowOf = new Map<string, number>();
  evidenceUnchanged = 0;

  constructor(
    readonly indicators: Map<string, Indicator>,
    readonly existing: Map<string, LockedAssessment>,
  ) {}

  reporter(sheet: string, row: SheetRow): Report {
    return (column, code, message) => this.problems.push({ sheet, row: row.row, column, code, message });
  }

  /** The indicator a row names, or null with a problem. */
  indicator(row: SheetRow, report: Report): Indicator | null {
    const code = indicatorCode(row);
    if (code === '') report('indicator_code', UserErrorCode.INVALID_INPUT, 'indicator_code is required.');
    else if (!this.indicators.has(code))
      report(
        'indicator_code',
        UserErrorCode.NOT_FOUND,
        `Indicator ${code} is not part of the cycle’s framework version.`,
      );
    return this.indicators.get(code) ?? null;
  }
}

function planAssessment(plan: ImportPlan, row: SheetRow, target: ImportTarget): void {
  const report = plan.reporter(SHEETS.assessments, row);
  const code = indicatorCode(row);
  const first = plan.assessmentRowOf.get(code);
  if (first !== undefined) {
    report('indicator_code', UserErrorCode.DUPLICATE, `Indicator ${code} is also on row ${first}.`);
    return;
  }
  const indicator = plan.indicator(row, report);
  if (code !== '') plan.assessmentRowOf.set(code, row.row);
  if (!indicator) return;
  const input = readAssessmentRow(
    row,
    { ...target, indicatorId: indicator.id, answerType: indicator.answer_type },
    report,
  );
  const current = plan.existing.get(code) ?? null;
  if (current && input.version !== null) {
    const { version, status } = current.entity;
    if (input.version === undefined) {
      report(
        'version',
        UserErrorCode.STALE_VERSION,
        `The assessment exists (version ${version}): give its version.`,
      );
    } else if (input.version !== version) {
      report(
        'version',
        UserErrorCode.STALE_VERSION,
        `The assessment changed since version ${input.version}; it is now version ${version}. Export it again.`,
      );
    } else if (input.columns && !isEditableStatus(status) && changesRow(current.row, input.columns)) {
      // A row that changes nothing is left alone, so an exported file can be imported back whole.
      report('status', UserErrorCode.NOT_EDITABLE, `The assessment is ${status} and cannot be changed.`);
    }
  } else if (!current && input.version !== undefined && input.version !== null) {
    report(
      'version',
      UserErrorCode.STALE_VERSION,
      'The assessment does not exist yet: leave version empty to create it.',
    );
  }
  if (input.columns)
    plan.assessments.push({
      row: row.row,
      code,
      indicatorId: indicator.id,
      existing: current,
      columns: input.columns,
    });
}

function planEvidence(plan: ImportPlan, row: SheetRow, stored: Map<string, number>): void {
  const report = plan.reporter(SHEETS.evidence, row);
  const indicator = plan.indicator(row, report);
  const columns = readEvidenceRow(row, report);
  if (!indicator) return;
  const current = plan.existing.get(indicator.code);
  if (!current && !plan.assessmentRowOf.has(indicator.code)) {
    report(
      'indicator_code',
      UserErrorCode.NOT_FOUND,
      `Indicator ${indicator.code} has no assessment yet: add a row for it on the ${SHEETS.assessments} sheet.`,
    );
    return;
  }
  if (!columns) return;
  const key = current ? `${current.entity.id}|${evidenceKey(columns)}` : '';
  const copies = stored.get(key) ?? 0;
  if (current && copies > 0) {
    stored.set(key, copies - 1);
    plan.evidenceUnchanged++;
  } else if (current && !isEditableStatus(current.entity.status)) {
    report(
      'indicator_code',
      UserErrorCode.NOT_EDITABLE,
      `The assessment of ${indicator.code} is ${current.entity.status}: its evidence cannot change.`,
    );
  } else {
    plan.evidence.push({ code: indicator.code, columns });
  }
}

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
 * problems are reported. Changes, with their audit events, are written in one transaction.
 */
export async function importAssessments(
  ctx: RequestContext,
  params: { cycleId: string; countryCode: string; book: ParsedBook },
): Promise<AssessmentImportResult> {
  const { cycleId, countryCode, book } = params;
  // The tenant check on the service side: whatever the route let through, only a country's own editors write.
  if (!editsCountry(ctx.viewer, countryCode))
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
    const plan = new ImportPlan(indicators, existing);
    plan.problems.push(...layoutProblems);
    for (const row of assessmentRows ?? []) planAssessment(plan, row, target);
    const stored = await storedEvidence(
      m,
      [...existing.values()].map((a) => a.entity.id),
    );
    for (const row of evidenceRows ?? []) planEvidence(plan, row, stored);
    if (plan.problems.length) throw ImportError.rows(plan.problems, SHEET_ORDER);

    const result: AssessmentImportResult = {
      created: 0,
      updated: 0,
      unchanged: 0,
      evidenceCreated: 0,
      evidenceUnchanged: plan.evidenceUnchanged,
    };
    const assessmentIds = new Map([...existing].map(([code, a]) => [code, a.entity.id]));
    for (const planned of plan.assessments) {
      const saved = await writeAssessment(m, ctx, planned, target);
      if (saved === 'conflict') {
        plan.problems.push({
          sheet: SHEETS.assessments,
          row: planned.row,
          column: 'indicator_code',
          code: UserErrorCode.STALE_VERSION,
          message: `Someone created the assessment of ${planned.code} at the same moment; export it again.`,
        });
      } else {
        result[saved.outcome]++;
        assessmentIds.set(planned.code, saved.id);
      }
    }
    // Throwing rolls back what was written before the conflict.
    if (plan.problems.length) throw ImportError.rows(plan.problems, SHEET_ORDER);
    for (const evidence of plan.evidence) {
      await writeEvidence(m, ctx, assessmentIds.get(evidence.code) as string, evidence.columns, target);
      result.evidenceCreated++;
    }
    return result;
  });
}
