import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { UserErrorCode } from '../../common/errors';
import type { I18nText } from '../../common/i18n';
import { recordAudit } from '../audit/audit.service';
import { combinationKey } from '../breakdown/breakdown-tables';
import { SHEETS } from './exchange.columns';
import type { ImportProblem } from './import.errors';
import type { SheetRow } from './import.parse';

const DIMENSION_CODE_RE = /^[a-z][a-z0-9_]{0,39}$/;
const CATEGORY_CODE_RE = /^[a-z0-9][a-z0-9_]{0,39}$/;
const MAX_COMBINATIONS = 10;

type Report = (column: string, code: string, message: string) => void;

/** What this file needs of the framework rows' checker (import-framework.rows.ts), which imports this file. */
interface RowChecker {
  readonly problems: ImportProblem[];
  check(
    sheet: string,
    row: SheetRow,
  ): {
    v: Record<string, string>;
    report: Report;
    text: (field: string) => I18nText | null;
    clean: () => boolean;
  };
}

/** An indicator of the file with its breakdowns, as the rows' checker plans it. */
interface IndicatorBreakdowns {
  code: string;
  row: number;
  breakdowns: string[][];
}

export interface PlannedDimension {
  row: number;
  code: string;
  exhaustive: boolean;
  title: I18nText;
  description: I18nText;
  categories: Array<{ code: string; title: I18nText; unknown: boolean }>;
}

/** "sex; age; sex*age": one dimension or two crossed per item. Null when the cell is wrong (reported). */
export function readCombinationsCell(cell: string, report: Report): string[][] | null {
  const items = cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const combinations = items.map((item) => item.split(/[*×]/).map((c) => c.trim().toLowerCase()));
  const problem = (message: string) => report('breakdowns', UserErrorCode.INVALID_INPUT, message);
  if (combinations.length > MAX_COMBINATIONS) problem(`At most ${MAX_COMBINATIONS} breakdowns.`);
  else if (combinations.some((c) => c.length > 2 || new Set(c).size !== c.length || c.some((d) => !d)))
    problem('A breakdown is one dimension code, or two different ones joined by "*", e.g. "sex*age".');
  else if (new Set(combinations.map((c) => combinationKey([...c].sort()))).size !== combinations.length)
    problem('A breakdown is given twice.');
  else return combinations;
  return null;
}

const flag = (value: string): boolean | null =>
  /^(true|yes|1)$/i.test(value.trim()) ? true : /^(false|no|0|)$/i.test(value.trim()) ? false : null;

/**
 * The Dimensions sheet: a dimension's row (no category) with its name, description and whether it is
 * exhaustive, followed by its categories' rows. Each problem is reported at its cell.
 */
export function readDimensions(rows: RowChecker, sheetRows: SheetRow[]): PlannedDimension[] {
  const planned = new Map<string, PlannedDimension>();
  for (const row of sheetRows) {
    const c = rows.check(SHEETS.dimensions, row);
    const code = c.v.dimension.trim().toLowerCase();
    if (!DIMENSION_CODE_RE.test(code)) {
      c.report(
        'dimension',
        UserErrorCode.INVALID_INPUT,
        `A dimension code has 1 to 40 small letters, digits or underscores, starting with a letter; got "${code.slice(0, 40)}".`,
      );
      continue;
    }
    const categoryCode = c.v.category.trim().toLowerCase();
    if (categoryCode === '') {
      const exhaustive = flag(c.v.exhaustive);
      if (exhaustive === null)
        c.report('exhaustive', UserErrorCode.INVALID_INPUT, 'exhaustive is true or false.');
      const title = c.text('title');
      const description = c.text('description');
      if (planned.has(code))
        c.report(
          'dimension',
          UserErrorCode.DUPLICATE,
          `The dimension ${code} has two rows without a category.`,
        );
      else if (c.clean() && title && description && exhaustive !== null)
        planned.set(code, { row: row.row, code, exhaustive, title, description, categories: [] });
      continue;
    }
    const dimension = planned.get(code);
    const unknown = flag(c.v.unknown);
    const title = c.text('title');
    if (!dimension)
      c.report(
        'dimension',
        UserErrorCode.NOT_FOUND,
        `The dimension ${code} has no row of its own above this one.`,
      );
    else if (!CATEGORY_CODE_RE.test(categoryCode))
      c.report(
        'category',
        UserErrorCode.INVALID_INPUT,
        `"${categoryCode.slice(0, 40)}" is not a category code.`,
      );
    else if (dimension.categories.some((k) => k.code === categoryCode))
      c.report('category', UserErrorCode.DUPLICATE, `The category ${categoryCode} is given twice.`);
    if (unknown === null)
      c.report('unknown', UserErrorCode.INVALID_INPUT, 'unknown is true, false or empty.');
    if (dimension && c.clean() && title)
      dimension.categories.push({ code: categoryCode, title, unknown: !!unknown });
  }
  for (const dimension of planned.values())
    if (dimension.categories.length === 0 || dimension.categories.filter((k) => k.unknown).length > 1)
      rows.problems.push({
        sheet: SHEETS.dimensions,
        row: dimension.row,
        column: 'category',
        code: UserErrorCode.INVALID_INPUT,
        message: `The dimension ${dimension.code} needs categories, at most one of them the unknown one.`,
      });
  return [...planned.values()];
}

/**
 * Checks the sheet's dimensions against those stored, and every indicator's breakdowns against the dimensions
 * it may use: the standard ones, the framework's own, and the sheet's. A dimension of the sheet that the
 * framework already has is the same dimension and is kept as stored; one whose code a standard dimension or
 * another framework's holds is refused.
 */
export async function checkDimensions(
  m: EntityManager,
  frameworkId: string,
  dimensions: PlannedDimension[],
  indicators: IndicatorBreakdowns[],
  problems: ImportProblem[],
): Promise<PlannedDimension[]> {
  const stored: Array<{ code: string; framework_id: string | null }> = await m.query(
    `SELECT code, framework_id FROM breakdown_dimension`,
  );
  const owner = new Map(stored.map((d) => [d.code, d.framework_id]));
  const toCreate: PlannedDimension[] = [];
  for (const d of dimensions) {
    if (!owner.has(d.code)) toCreate.push(d);
    else if (owner.get(d.code) !== frameworkId)
      problems.push({
        sheet: SHEETS.dimensions,
        row: d.row,
        column: 'dimension',
        code: UserErrorCode.DUPLICATE,
        message: `The code ${d.code} is ${owner.get(d.code) === null ? 'a standard dimension’s' : 'another framework’s dimension’s'}: give this one another code.`,
      });
  }
  const usable = new Set([
    ...stored.filter((d) => d.framework_id === null || d.framework_id === frameworkId).map((d) => d.code),
    ...dimensions.map((d) => d.code),
  ]);
  for (const indicator of indicators) {
    const unknown = [...new Set(indicator.breakdowns.flat())].filter((code) => !usable.has(code));
    if (unknown.length)
      problems.push({
        sheet: SHEETS.indicators,
        row: indicator.row,
        column: 'breakdowns',
        code: UserErrorCode.NOT_FOUND,
        message: `No dimension ${unknown.join(', ')}: not a standard one, the framework’s, or on the ${SHEETS.dimensions} sheet.`,
      });
  }
  return toCreate;
}

/** Creates the new dimensions with their categories, then the indicators' breakdowns. */
export async function writeDimensions(
  m: EntityManager,
  ctx: RequestContext,
  frameworkId: string,
  dimensions: PlannedDimension[],
  indicators: IndicatorBreakdowns[],
  indicatorIds: Map<string, string>,
): Promise<void> {
  for (const d of dimensions) {
    const [{ id }] = await m.query(
      `INSERT INTO breakdown_dimension (code, framework_id, title, description, exhaustive, position)
       SELECT $1, $2, $3, $4, $5, coalesce(max(position) + 1, 0) FROM breakdown_dimension WHERE framework_id = $2
       RETURNING id`,
      [d.code, frameworkId, JSON.stringify(d.title), JSON.stringify(d.description), d.exhaustive],
    );
    await m.query(
      `INSERT INTO breakdown_category (dimension_id, code, title, is_unknown, position)
       SELECT $1, c.code, c.title, c.unknown, c.position
       FROM jsonb_to_recordset($2::jsonb) AS c(code text, title jsonb, unknown boolean, position int)`,
      [id, JSON.stringify(d.categories.map((c, position) => ({ ...c, position })))],
    );
    const { row: _row, ...after } = d;
    await recordAudit(m, ctx, {
      entityType: 'breakdown_dimension',
      entityId: id,
      action: 'import_create',
      after,
    });
  }
  const links = indicators.flatMap((i) =>
    i.breakdowns.map((codes, position) => [indicatorIds.get(i.code), position, codes.join('|')] as const),
  );
  if (links.length === 0) return;
  await m.query(
    `INSERT INTO indicator_breakdown (indicator_id, position, dimension_codes)
     SELECT i, p, string_to_array(d, '|') FROM unnest($1::uuid[], $2::int[], $3::text[]) AS x(i, p, d)`,
    [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
  );
}
