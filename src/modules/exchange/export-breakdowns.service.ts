import type { RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import { resolveText } from '../../common/i18n';
import { assessmentVisibilitySql, seesWorkOn } from '../assessment/assessment.policy';
import { buildTables } from '../breakdown/breakdown-tables';
import { disclosureMinCount, findCellsOfAssessments, loadDimensions } from '../breakdown/breakdown.service';
import { AnswerType } from '../indicator/indicator.enums';
import type { ColumnSpec } from './exchange.columns';
import { percent, tableOf, type Cell, type ExportDocument } from './export.write';

/** The sheet of a workbook (and the table of a CSV file) holding breakdowns. */
export const BREAKDOWN_SHEET = 'Breakdowns';

/** Codes of a cell's dimensions and categories are joined with this in one column each. */
export const CODE_SEPARATOR = '|';

/** A country's breakdowns: one row per cell (`Breakdowns` sheet / breakdowns CSV). */
export const BREAKDOWN_COLUMNS = [
  { header: 'indicator_code', description: 'Code of the indicator, e.g. PROT-2.1.' },
  {
    header: 'country_code',
    description: 'ISO 3166-1 alpha-2 code of the country; on import, the country imported into.',
  },
  { header: 'cycle_code', description: 'Code of the monitoring cycle; on import, the cycle imported into.' },
  {
    header: 'dimension_codes',
    description: 'The dimensions of the cell\'s table, joined with "|", e.g. sex|age.',
  },
  {
    header: 'category_codes',
    description:
      'The cell\'s category of each dimension, in the same order, joined with "|", e.g. female|child.',
  },
  {
    header: 'value',
    description:
      'The count (or, for a PERCENT indicator, the percentage: a percent cell in a workbook, 0–100 in CSV); empty when suppressed.',
  },
  {
    header: 'suppressed',
    description:
      'TRUE when the cell is withheld so that no small group of victims can be told apart (see docs/breakdowns.md); FALSE otherwise. A suppressed row cannot be imported.',
  },
  {
    header: 'version',
    description:
      "Version of the cell's assessment when exported; on import, every row of an assessment must carry its current version.",
  },
] as const satisfies readonly ColumnSpec[];

export interface BreakdownsExportParams {
  cycleId: string;
  countryCode: string;
  /** Only this indicator's breakdown; null: every indicator's. */
  indicatorCode: string | null;
}

interface AssessmentRow {
  id: string;
  indicator_code: string;
  answer_type: AnswerType;
  version: number;
}

/**
 * The breakdowns of a country's assessments in a cycle as a long table, one row per cell, under the same
 * disclosure rule as `Assessment.breakdown`: the country's partners and the reviewer get exact values, every other
 * reader the tables with small counts (and what would give them away) suppressed, exported as an empty value with
 * `suppressed` TRUE. Three statements, whatever the number of cells. Null for an unknown cycle.
 */
export async function exportBreakdowns(
  ctx: RequestContext,
  params: BreakdownsExportParams,
): Promise<ExportDocument | null> {
  const [cycle, country] = await Promise.all([
    ctx.loaders.cycle.byId.load(params.cycleId),
    ctx.loaders.country.byCode.load(params.countryCode),
  ]);
  if (!country) throw notFound('The country', params.countryCode);
  if (!cycle) return null;

  const queryParams: unknown[] = [cycle.id, country.code, params.indicatorCode];
  const assessments: AssessmentRow[] = await ctx.db.query(
    `SELECT a.id, i.code AS indicator_code, i.answer_type, a.version
     FROM assessment a JOIN indicator i ON i.id = a.indicator_id
     WHERE a.cycle_id = $1 AND a.country_code = $2 AND ($3::text IS NULL OR i.code = $3)
       AND i.answer_type IN ('NUMBER', 'PERCENT')
       AND ${assessmentVisibilitySql(ctx.viewer, 'a', queryParams)}
     ORDER BY i.position, i.code`,
    queryParams,
  );
  const [cells, dimensions] = await Promise.all([
    findCellsOfAssessments(
      ctx.db,
      assessments.map((a) => a.id),
    ),
    loadDimensions(ctx.db),
  ]);
  const exact = seesWorkOn(ctx.viewer, country.code);
  const minCount = disclosureMinCount(ctx);
  const records: Array<Record<(typeof BREAKDOWN_COLUMNS)[number]['header'], Cell>> = [];
  for (const assessment of assessments) {
    const recorded = cells.filter((c) => c.assessmentId === assessment.id).map((c) => c.cell);
    if (recorded.length === 0) continue;
    const tables = buildTables(recorded, dimensions, { answerType: assessment.answer_type, exact, minCount });
    for (const table of tables) {
      for (const cell of table.cells) {
        const value =
          cell.value === null
            ? null
            : assessment.answer_type === AnswerType.PERCENT
              ? percent(cell.value)
              : cell.value;
        records.push({
          indicator_code: assessment.indicator_code,
          country_code: country.code,
          cycle_code: cycle.code,
          dimension_codes: table.dimensionCodes.join(CODE_SEPARATOR),
          category_codes: cell.categories.map((c) => c.code).join(CODE_SEPARATOR),
          value,
          suppressed: cell.suppressed,
          version: assessment.version,
        });
      }
    }
  }
  const countryName = resolveText(country.name, 'en').text;
  const suppressedCount = records.filter((r) => r.suppressed === true).length;
  return {
    baseName: `breakdowns-${cycle.code}-${country.code}${params.indicatorCode ? `-${params.indicatorCode}` : ''}`,
    title: `Breakdowns of ${countryName}'s indicators in cycle ${cycle.code}`,
    details: [
      ['Cycle', `${cycle.code} – ${resolveText(cycle.title, 'en').text} (${cycle.status})`],
      ['Edition', 'none: live data as of the time the file was made'],
      ['Country', `${country.code} – ${countryName}`],
      ['Indicator', params.indicatorCode ?? 'every indicator with a breakdown'],
      ['Cells', records.length],
      [
        'Disclosure',
        exact
          ? 'Exact values: the file is made for a partner of the country or the reviewer. Do not pass it on.'
          : `${suppressedCount} cell(s) suppressed: counts from 1 to ${minCount - 1}, and cells that would give them away.`,
      ],
      [
        'Import',
        'Edit the values and import the file back into draft assessments of your country; keep the version column ' +
          'as exported. The rows of an indicator replace its whole breakdown.',
      ],
    ],
    tables: [tableOf(BREAKDOWN_SHEET, BREAKDOWN_COLUMNS, records)],
  };
}
