import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import { isEditableStatus } from '../assessment/assessment.policy';
import type { AssessmentStatus } from '../assessment/assessment.enums';
import { recordAudit } from '../audit/audit.service';
import { auditCells, writeBreakdown } from '../breakdown/breakdown-save';
import { buildTables, type DimensionMap, type StoredCell } from '../breakdown/breakdown-tables';
import { validateBreakdown } from '../breakdown/breakdown-validate';
import { loadDimensions } from '../breakdown/breakdown.service';
import type { BreakdownCellInput } from '../breakdown/breakdown.types';
import type { AnswerType } from '../indicator/indicator.enums';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import { BREAKDOWN_COLUMNS, BREAKDOWN_SHEET, CODE_SEPARATOR } from './export-breakdowns.service';
import { lockOpenCycle } from './import-assessments.write';
import { ImportError, type ImportProblem } from './import.errors';
import { layoutRows, type ParsedBook, type SheetRow } from './import.parse';

export interface BreakdownImportResult {
  /** Assessments whose breakdown the file replaced. */
  updated: number;
  /** Assessments whose breakdown in the file is the stored one: nothing written (an unedited export). */
  unchanged: number;
  /** Cells read from the file. */
  cells: number;
}

interface Target {
  id: string;
  indicator_id: string;
  answer_type: AnswerType;
  status: AssessmentStatus;
  version: number;
  value_number: number | null;
}

interface Group {
  code: string;
  rows: SheetRow[];
  cells: BreakdownCellInput[];
}

interface StoredRow {
  assessment_id: string;
  dimension_codes: string[];
  category_codes: string[];
  value: number;
}

/**
 * Whether two sets of cells give the same tables: a cell left out of a table with an exhaustive dimension counts
 * 0, so an exported table (which lists it as 0) imports back as unchanged.
 */
function sameTables(
  a: StoredCell[],
  b: StoredCell[],
  dimensions: DimensionMap,
  answerType: AnswerType,
): boolean {
  const shown = (cells: StoredCell[]) =>
    JSON.stringify(
      buildTables(cells, dimensions, { answerType, exact: true, minCount: 0 }).map((t) => [
        t.dimensionCodes,
        t.cells.map((c) => [c.categories.map((k) => k.code), c.value]),
      ]),
    );
  return shown(a) === shown(b);
}

/** What validateBreakdown's field path points at, as a column of the file. */
function columnOf(field: readonly string[] | null | undefined): string {
  const last = field?.[3];
  if (last === 'value') return 'value';
  if (last === 'categories') return 'category_codes';
  return field && field.length > 2 ? 'category_codes' : 'value';
}

/**
 * Imports breakdowns (the long table of `/exports/breakdowns`) into the country's assessments of one cycle. Each
 * indicator's rows replace its whole breakdown; indicators without rows keep theirs. The assessment must exist and
 * be editable (DRAFT or CHANGES_REQUESTED), every row must carry its current version, and the cells are checked by
 * the rules of `assessmentSave` (categories of the indicator's dimensions, parts adding up to the total). Any
 * problem refuses the whole file, with every problem named by row and column.
 */
export async function importBreakdowns(
  ctx: RequestContext,
  params: { cycleId: string; countryCode: string; book: ParsedBook },
): Promise<BreakdownImportResult> {
  const { cycleId, countryCode, book } = params;
  if (!can(ctx.viewer, Capability.ASSESSMENT_EDIT, { countryCode }))
    throw new ImportError('FORBIDDEN', `You cannot change assessments of ${countryCode}.`);
  const problems: ImportProblem[] = [];
  const rows = layoutRows(book, BREAKDOWN_SHEET, BREAKDOWN_COLUMNS, true, problems) ?? [];
  const report = (row: number | null, column: string | null, code: string, message: string, extra = {}) =>
    problems.push({ sheet: BREAKDOWN_SHEET, row, column, code, message, ...extra });

  return ctx.db.transaction(async (m) => {
    await lockOpenCycle(m, cycleId);
    const [cycle] = (await m.query(`SELECT code FROM monitoring_cycle WHERE id = $1`, [cycleId])) as Array<{
      code: string;
    }>;
    const groups = new Map<string, Group>();
    for (const row of rows) {
      const v = row.values;
      const code = v.indicator_code.trim().toUpperCase();
      if (code === '')
        report(row.row, 'indicator_code', UserErrorCode.INVALID_INPUT, 'indicator_code is required.');
      if (v.country_code.trim().toUpperCase() !== countryCode)
        report(
          row.row,
          'country_code',
          UserErrorCode.INVALID_INPUT,
          `The file is imported into ${countryCode}.`,
        );
      if (v.cycle_code.trim() !== cycle.code)
        report(
          row.row,
          'cycle_code',
          UserErrorCode.INVALID_INPUT,
          `The file is imported into cycle ${cycle.code}.`,
        );
      const suppressed = v.suppressed.trim().toLowerCase();
      if (suppressed === 'true')
        report(
          row.row,
          'suppressed',
          UserErrorCode.INVALID_INPUT,
          'A suppressed cell has no value to import: import an export with exact values.',
        );
      else if (suppressed !== '' && suppressed !== 'false')
        report(row.row, 'suppressed', UserErrorCode.INVALID_INPUT, 'suppressed must be TRUE or FALSE.');
      const value = v.value.trim() === '' ? NaN : Number(v.value.trim());
      if (!Number.isFinite(value) && suppressed !== 'true')
        report(row.row, 'value', UserErrorCode.INVALID_INPUT, 'value must be a number.');
      const dims = v.dimension_codes.split(CODE_SEPARATOR).map((d) => d.trim());
      const cats = v.category_codes.split(CODE_SEPARATOR).map((c) => c.trim());
      if (dims.length !== cats.length || dims.some((d) => d === '') || cats.some((c) => c === ''))
        report(
          row.row,
          'category_codes',
          UserErrorCode.INVALID_INPUT,
          `Give one category for each of the ${dims.length} dimension(s), joined with "${CODE_SEPARATOR}".`,
        );
      const group = groups.get(code) ?? { code, rows: [], cells: [] };
      group.rows.push(row);
      group.cells.push({
        categories: dims.map((dimension, i) => ({ dimension, category: cats[i] ?? '' })),
        value,
      });
      groups.set(code, group);
    }

    const targets: Array<Target & { code: string }> = await m.query(
      `SELECT a.id, a.indicator_id, i.answer_type, a.status, a.version, a.value_number, i.code
       FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       WHERE a.cycle_id = $1 AND a.country_code = $2 AND i.code = ANY($3::text[])
       ORDER BY a.id FOR UPDATE OF a`,
      [cycleId, countryCode, [...groups.keys()]],
    );
    const [dimensions, combinations] = await Promise.all([
      loadDimensions(m),
      m.query(
        `SELECT indicator_id, dimension_codes FROM indicator_breakdown WHERE indicator_id = ANY($1::uuid[])
         ORDER BY indicator_id, position`,
        [targets.map((t) => t.indicator_id)],
      ) as Promise<Array<{ indicator_id: string; dimension_codes: string[] }>>,
    ]);
    const byCode = new Map(targets.map((t) => [t.code, t]));
    const stored: StoredRow[] = await m.query(
      `SELECT assessment_id, dimension_codes, category_codes, value FROM assessment_breakdown
       WHERE assessment_id = ANY($1::uuid[])`,
      [targets.map((t) => t.id)],
    );
    const storedOf = (id: string): StoredCell[] =>
      stored
        .filter((c) => c.assessment_id === id)
        .map((c) => ({
          dimensionCodes: c.dimension_codes,
          categoryCodes: c.category_codes,
          value: Number(c.value),
        }));
    const planned: Array<{ target: Target; cells: StoredCell[]; unchanged: boolean }> = [];
    for (const group of groups.values()) {
      const first = group.rows[0].row;
      const target = byCode.get(group.code);
      if (!target) {
        if (group.code !== '')
          report(
            first,
            'indicator_code',
            UserErrorCode.NOT_FOUND,
            `${countryCode} has no assessment of ${group.code} in cycle ${cycle.code}: save its total first.`,
          );
        continue;
      }
      let stale = false;
      for (const row of group.rows) {
        const text = row.values.version.trim();
        const given = /^\d+$/.test(text) ? Number(text) : null;
        if (given !== target.version) {
          stale = true;
          report(
            row.row,
            'version',
            UserErrorCode.STALE_VERSION,
            `The assessment of ${group.code} is at version ${target.version}; export it again.`,
            { expectedVersion: given, foundVersion: target.version },
          );
        }
      }
      if (stale || problems.some((p) => group.rows.some((r) => r.row === p.row))) continue;
      const { cells, errors } = validateBreakdown(group.cells, {
        answerType: target.answer_type,
        dimensions,
        total: target.value_number === null ? null : Number(target.value_number),
        countryCode,
        combinations: combinations
          .filter((c) => c.indicator_id === target.indicator_id)
          .map((c) => c.dimension_codes),
      });
      for (const error of errors) {
        const index = error.field && error.field.length > 2 ? Number(error.field[2]) : 0;
        const row = group.rows[index]?.row ?? first;
        report(row, columnOf(error.field), error.code, `${group.code}: ${error.message}`);
      }
      if (errors.length > 0) continue;
      const unchanged = sameTables(storedOf(target.id), cells, dimensions, target.answer_type);
      if (!unchanged && !isEditableStatus(target.status)) {
        report(
          first,
          'indicator_code',
          UserErrorCode.NOT_EDITABLE,
          `The assessment of ${group.code} is ${target.status} and cannot be changed.`,
        );
        continue;
      }
      planned.push({ target, cells, unchanged });
    }
    if (problems.length) throw ImportError.rows(problems, [BREAKDOWN_SHEET]);

    const result: BreakdownImportResult = { updated: 0, unchanged: 0, cells: rows.length };
    for (const { target, cells, unchanged } of planned) {
      if (unchanged) {
        result.unchanged++;
        continue;
      }
      const [was, now] = [auditCells(storedOf(target.id)), auditCells(cells)];
      await writeBreakdown(m, target.id, countryCode, cells);
      await m.query(
        `UPDATE assessment SET version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1`,
        [target.id, ctx.viewer.kind === 'user' ? ctx.viewer.userId : null],
      );
      await recordAudit(m, ctx, {
        entityType: 'assessment',
        entityId: target.id,
        assessmentId: target.id,
        countryCode,
        action: 'import_update',
        before: { breakdown: was },
        after: { breakdown: now },
      });
      result.updated++;
    }
    return result;
  });
}
