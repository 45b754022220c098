import type { RequestContext } from '../../common/context';
import type { I18nText, LocaleTag } from '../../common/i18n';
import { resolveText } from '../../common/i18n';
import { CellState } from '../comparison/comparison.enums';
import { getComparison } from '../comparison/comparison.read';
import { publicationFacts } from '../deployment/publication';
import { editionCitation } from '../edition/edition.service';
import { COMPARISON_COLUMNS, SHEETS } from './exchange.columns';
import { citationTable, matrixTable, valueCell, type MatrixIndicator } from './export-comparison.sheets';
import { tableOf, type Cell, type ExportDocument } from './export.write';

export interface ComparisonExportParams {
  cycleId: string;
  areaCode: string | null;
  countryCodes: string[] | null;
  edition: number | null;
  locale: LocaleTag;
  /** When the file is made, which its Citation sheet says. */
  madeAt: Date;
}

interface IndicatorRow {
  id: string;
  code: string;
  title: I18nText;
  answer_type: string;
  area_code: string;
  pillar: string;
}

/** The indicators of the matrix with their areas, in one statement whatever their number. */
async function loadIndicators(ctx: RequestContext, ids: string[]): Promise<Map<string, IndicatorRow>> {
  if (ids.length === 0) return new Map();
  const rows: IndicatorRow[] = await ctx.db.query(
    `SELECT i.id, i.code, i.title, i.answer_type, ar.code AS area_code, ar.pillar
     FROM indicator i JOIN area ar ON ar.id = i.area_id WHERE i.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
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
  // An unknown country or area is refused by getComparison, as in GraphQL.
  if (!comparison) return null;
  const cycle = await ctx.loaders.cycle.byId.load(comparison.cycleId);
  if (!cycle) return null;
  const indicators = await loadIndicators(
    ctx,
    comparison.rows.map((row) => row.indicatorId),
  );

  const matrix: MatrixIndicator[] = [];
  const records = comparison.rows.flatMap((row) => {
    const indicator = indicators.get(row.indicatorId);
    if (!indicator) throw new Error(`indicator ${row.indicatorId} of the comparison was not found`);
    const title = resolveText(indicator.title, params.locale).text;
    matrix.push({ code: indicator.code, title, answerType: indicator.answer_type, cells: row.cells });
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
        value: shown(valueCell(cell, indicator.answer_type)),
        status: shown(cell.status),
        confidence: shown(cell.confidence),
        evidence_count: shown(cell.evidenceCount),
        trend: shown(cell.trend),
      };
    });
  });

  const cycleTitle = resolveText(cycle.title, params.locale).text;
  const details: Array<[string, Cell]> = [['Cycle', `${cycle.code} – ${cycleTitle} (${cycle.status})`]];
  let edition: { id: string; number: number; publishedAt: Date } | null = null;
  if (comparison.editionId) {
    const [row]: Array<{ number: number; published_at: Date }> = await ctx.db.query(
      `SELECT number, published_at FROM edition WHERE id = $1`,
      [comparison.editionId],
    );
    edition = { id: comparison.editionId, number: row.number, publishedAt: new Date(row.published_at) };
    details.push([
      'Edition',
      `${edition.number}, published ${edition.publishedAt.toISOString()} (frozen at publication)`,
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
  const countries = await ctx.loaders.country.byCode.loadMany(comparison.countryCodes);
  const citation = citationTable({
    citation: edition ? editionCitation(cycle.code, edition, await publicationFacts(ctx)) : null,
    cycleCode: cycle.code,
    cycleTitle,
    edition,
    countryCodes: comparison.countryCodes,
    countriesAsked: params.countryCodes?.length ? params.countryCodes : null,
    areaCode: params.areaCode,
    locale: params.locale,
    madeAt: params.madeAt,
  });

  const nameParts = ['comparison', cycle.code];
  if (params.areaCode) nameParts.push(params.areaCode);
  if (params.countryCodes?.length) nameParts.push(...comparison.countryCodes);
  if (params.edition != null && edition !== null) nameParts.push(`edition-${edition.number}`);
  return {
    baseName: nameParts.join('-'),
    title: `Comparison of countries per indicator, cycle ${cycle.code}`,
    details,
    tables: [
      tableOf(SHEETS.comparison, COMPARISON_COLUMNS, records),
      matrixTable(
        matrix,
        comparison.countryCodes.map((code, i) => {
          const country = countries[i];
          const name =
            country && !(country instanceof Error) ? resolveText(country.name, params.locale).text : code;
          return { code, name };
        }),
      ),
      citation,
    ],
  };
}
