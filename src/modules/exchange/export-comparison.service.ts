import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import type { I18nText, LocaleTag } from '../../common/i18n';
import { resolveText } from '../../common/i18n';
import { CellState } from '../comparison/comparison.enums';
import { getComparison } from '../comparison/comparison.read';
import { COMPARISON_COLUMNS, SHEETS } from './exchange.columns';
import { tableOf, type Cell, type ExportDocument } from './export.write';

export interface ComparisonExportParams {
  cycleId: string;
  areaCode: string | null;
  countryCodes: string[] | null;
  edition: number | null;
  locale: LocaleTag;
}

interface IndicatorRow {
  id: string;
  code: string;
  title: I18nText;
  area_code: string;
  pillar: string;
}

/** The indicators of the matrix with their areas, in one statement whatever their number. */
async function loadIndicators(ctx: RequestContext, ids: string[]): Promise<Map<string, IndicatorRow>> {
  if (ids.length === 0) return new Map();
  const rows: IndicatorRow[] = await ctx.db.query(
    `SELECT i.id, i.code, i.title, ar.code AS area_code, ar.pillar
     FROM indicator i JOIN area ar ON ar.id = i.area_id WHERE i.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** An area filter that matches nothing is most often a typo, which an empty file would hide. */
async function checkAreaExists(ctx: RequestContext, frameworkVersionId: string, code: string): Promise<void> {
  const rows: unknown[] = await ctx.db.query(
    `SELECT 1 FROM area WHERE framework_version_id = $1 AND code = $2`,
    [frameworkVersionId, code],
  );
  if (rows.length === 0)
    throw badUserInput(`The cycle’s framework version has no area ${code}.`, { argument: 'areaCode' });
}

/**
 * The comparison matrix in long form, one row per indicator and country, exactly as `comparison` answers it for
 * the reader: a cell the reader may not see stays a row, marked HIDDEN and otherwise empty. Null for an unknown
 * cycle or edition.
 */
export async function exportComparison(
  ctx: RequestContext,
  params: ComparisonExportParams,
): Promise<ExportDocument | null> {
  const comparison = await getComparison(ctx, {
    cycleId: params.cycleId,
    areaCode: params.areaCode,
    countryCodes: params.countryCodes,
    edition: params.edition,
  });
  if (!comparison) return null;
  if (params.countryCodes?.length) {
    const found = await ctx.loaders.country.byCode.loadMany(params.countryCodes);
    const unknown = params.countryCodes.filter((_, i) => !found[i] || found[i] instanceof Error);
    if (unknown.length)
      throw badUserInput(`There is no country ${unknown.join(', ')}.`, { argument: 'countryCodes' });
  }
  const cycle = await ctx.loaders.cycle.byId.load(comparison.cycleId);
  if (!cycle) return null;
  if (params.areaCode && comparison.rows.length === 0)
    await checkAreaExists(ctx, cycle.frameworkVersionId, params.areaCode);
  const indicators = await loadIndicators(
    ctx,
    comparison.rows.map((row) => row.indicatorId),
  );

  const records = comparison.rows.flatMap((row) => {
    const indicator = indicators.get(row.indicatorId);
    if (!indicator) throw new Error(`indicator ${row.indicatorId} of the comparison was not found`);
    const title = resolveText(indicator.title, params.locale).text;
    return row.cells.map((cell) => {
      const hidden = cell.state === CellState.HIDDEN;
      const shown = (value: Cell) => (hidden ? null : value);
      return {
        indicator_code: indicator.code,
        indicator_title: title,
        area_code: indicator.area_code,
        pillar: indicator.pillar,
        country_code: cell.countryCode,
        state: cell.state,
        score: shown(cell.score),
        value: shown(cell.value),
        status: shown(cell.status),
        confidence: shown(cell.confidence),
        evidence_count: shown(cell.evidenceCount),
        trend: shown(cell.trend),
      };
    });
  });

  const details: Array<[string, string]> = [
    ['Cycle', `${cycle.code} – ${resolveText(cycle.title, params.locale).text} (${cycle.status})`],
  ];
  let editionNumber: number | null = null;
  if (comparison.editionId) {
    const [edition]: Array<{ number: number; published_at: Date }> = await ctx.db.query(
      `SELECT number, published_at FROM edition WHERE id = $1`,
      [comparison.editionId],
    );
    editionNumber = edition.number;
    details.push([
      'Edition',
      `${edition.number}, published ${new Date(edition.published_at).toISOString()} (frozen at publication)`,
    ]);
  } else {
    details.push(['Edition', 'none: live data as of the time the file was made']);
  }
  details.push(
    ['Area', params.areaCode ?? 'all'],
    ['Countries', comparison.countryCodes.join(', ') || 'none'],
    ['Language of titles', params.locale],
    [
      'Rows',
      `${records.length} (${comparison.rows.length} indicators × ${comparison.countryCodes.length} countries)`,
    ],
    ['HIDDEN', 'A cell the reader may not see yet; it is not empty, and its values are left out.'],
  );

  const nameParts = ['comparison', cycle.code];
  if (params.areaCode) nameParts.push(params.areaCode);
  if (params.countryCodes?.length) nameParts.push(...comparison.countryCodes);
  if (params.edition != null && editionNumber !== null) nameParts.push(`edition-${editionNumber}`);
  return {
    baseName: nameParts.join('-'),
    title: `Comparison of countries per indicator, cycle ${cycle.code}`,
    details,
    tables: [tableOf(SHEETS.comparison, COMPARISON_COLUMNS, records)],
  };
}
