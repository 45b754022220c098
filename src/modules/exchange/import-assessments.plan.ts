import { UserErrorCode } from '../../common/errors';
import { isEditableStatus } from '../assessment/assessment.policy';
import type { AnswerType } from '../indicator/indicator.enums';
import { SHEETS } from './exchange.columns';
import {
  changesRow,
  evidenceKey,
  indicatorCode,
  readAssessmentRow,
  readEvidenceRow,
  type Report,
} from './import-assessments.rows';
import type { ImportTarget, LockedAssessment, PlannedAssessment } from './import-assessments.write';
import type { ImportProblem } from './import.errors';
import type { SheetRow } from './import.parse';

export interface Indicator {
  id: string;
  code: string;
  answer_type: AnswerType;
}

export interface PlannedEvidence {
  row: number;
  code: string;
  columns: Record<string, unknown>;
}

/** What the checks of the rows found: the problems, or what to write. */
export class ImportPlan {
  readonly problems: ImportProblem[] = [];
  /**
   * Rows of assessments that changed since the file was made (STALE_VERSION), with the version the row expected
   * and the one found. Problems like any other by default; with `skipStale` they are left out and reported, and
   * so is the evidence of those assessments.
   */
  readonly stale: ImportProblem[] = [];
  readonly assessments: PlannedAssessment[] = [];
  readonly evidence: PlannedEvidence[] = [];
  /** The row each indicator code first appears on in the Assessments sheet. */
  readonly assessmentRowOf = new Map<string, number>();
  /** The stale problem of each indicator code whose Assessments row is stale. */
  readonly staleOf = new Map<string, ImportProblem>();
  evidenceUnchanged = 0;

  constructor(
    readonly indicators: Map<string, Indicator>,
    readonly existing: Map<string, LockedAssessment>,
    readonly skipStale: boolean,
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

  private staleRow(
    row: SheetRow,
    code: string,
    expectedVersion: number | null,
    foundVersion: number | null,
    message: string,
  ): void {
    const problem: ImportProblem = {
      sheet: SHEETS.assessments,
      row: row.row,
      column: 'version',
      code: UserErrorCode.STALE_VERSION,
      message,
      expectedVersion,
      foundVersion,
    };
    this.stale.push(problem);
    this.staleOf.set(code, problem);
  }

  /** Checks the row's version against the stored assessment; false when the row is stale (recorded). */
  checkVersion(row: SheetRow, code: string, given: number | undefined, current: LockedAssessment | null) {
    const found = current?.entity.version ?? null;
    if (current && given === undefined) {
      this.staleRow(
        row,
        code,
        null,
        found,
        `The row gives no version, but the assessment exists at version ${found}: give the version it was exported at.`,
      );
    } else if (current && given !== found) {
      this.staleRow(
        row,
        code,
        given as number,
        found,
        `The row expected version ${given}, but the assessment is now version ${found}: it changed since the file ` +
          'was made. Export it again.',
      );
    } else if (!current && given !== undefined) {
      this.staleRow(
        row,
        code,
        given,
        null,
        `The row expected version ${given}, but the assessment does not exist yet: leave version empty to create it.`,
      );
    } else return true;
    return false;
  }
}

export function planAssessment(plan: ImportPlan, row: SheetRow, target: ImportTarget): void {
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
  // A version that is not a number is a problem already reported.
  if (input.version === null) return;
  if (!plan.checkVersion(row, code, input.version, current)) return;
  if (current && input.columns && !isEditableStatus(current.entity.status)) {
    // A row that changes nothing is left alone, so an exported file can be imported back whole.
    if (changesRow(current.row, input.columns))
      report(
        'status',
        UserErrorCode.NOT_EDITABLE,
        `The assessment is ${current.entity.status} and cannot be changed.`,
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

export function planEvidence(plan: ImportPlan, row: SheetRow, stored: Map<string, number>): void {
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
  const stale = plan.staleOf.get(indicator.code);
  if (stale && plan.skipStale) {
    plan.stale.push({
      ...stale,
      sheet: SHEETS.evidence,
      row: row.row,
      column: 'indicator_code',
      message: `Left out with the stale row ${stale.row} of the ${SHEETS.assessments} sheet: ${stale.message}`,
    });
    return;
  }
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
    plan.evidence.push({ row: row.row, code: indicator.code, columns });
  }
}
