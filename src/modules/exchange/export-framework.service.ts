import type { RequestContext } from '../../common/context';
import type { I18nText } from '../../common/i18n';
import { LOCALE_TAGS, resolveText } from '../../common/i18n';
import { FrameworkVersionStatus } from '../framework/framework.enums';
import { seesDraftFrameworks } from '../framework/framework.policy';
import { Instrument } from '../standard/standard.enums';
import {
  AREA_COLUMNS,
  DIMENSION_COLUMNS,
  INDICATOR_COLUMNS,
  SCORE_LEVEL_COLUMNS,
  SHEETS,
  textColumn,
} from './exchange.columns';
import { tableOf, type Cell, type ExportDocument } from './export.write';

interface VersionRow {
  id: string;
  label: string;
  status: FrameworkVersionStatus;
  published_at: Date | null;
  framework_code: string;
  framework_name: I18nText;
}

interface AreaRow {
  code: string;
  parent_code: string | null;
  pillar: string;
  position: number;
  title: I18nText;
  description: I18nText;
}

interface IndicatorRow {
  code: string;
  area_code: string;
  type: string;
  answer_type: string;
  position: number;
  title: I18nText;
  guidance: I18nText;
  means_of_verification: I18nText;
  expected_breakdowns: string[];
  breakdowns: string | null;
  standards: Array<{ instrument: string; country_code: string | null; reference: string }>;
}

interface DimensionRow {
  code: string;
  exhaustive: boolean;
  title: I18nText;
  description: I18nText;
  categories: Array<{ code: string; title: I18nText; unknown: boolean }> | null;
}

interface ScoreLevelRow {
  code: string;
  value: number | null;
  label: I18nText;
  descriptor: I18nText;
}

/** A multilingual text as its columns hold it, one per language: `title_en`, `title_sq`, … */
function textCells(field: string, text: Partial<I18nText>): Record<string, Cell> {
  return Object.fromEntries(LOCALE_TAGS.map((tag) => [textColumn(field, tag), text[tag] ?? null]));
}

/** A standard as the Indicators sheet names it, which the framework import looks up. */
function standardText(standard: IndicatorRow['standards'][number]): string {
  return standard.instrument === Instrument.NATIONAL_ACTION_PLAN
    ? `${standard.instrument}:${standard.country_code ?? ''}:${standard.reference}`
    : `${standard.instrument}:${standard.reference}`;
}

/**
 * A framework version's areas and indicators with the standards they measure, in the layout the framework
 * import reads. A draft version is shown only to those who see drafts in GraphQL; to others it does not exist,
 * so the answer is null, as for an unknown id.
 */
export async function exportFramework(
  ctx: RequestContext,
  versionId: string,
): Promise<ExportDocument | null> {
  const [version]: VersionRow[] = await ctx.db.query(
    `SELECT fv.id, fv.label, fv.status, fv.published_at, f.code AS framework_code, f.name AS framework_name
     FROM framework_version fv JOIN framework f ON f.id = fv.framework_id WHERE fv.id = $1`,
    [versionId],
  );
  if (!version) return null;
  if (version.status !== FrameworkVersionStatus.PUBLISHED && !seesDraftFrameworks(ctx.viewer)) return null;

  // Pillars first, each followed by its sub-themes, as the framework reads.
  const areas: AreaRow[] = await ctx.db.query(
    `SELECT a.code, p.code AS parent_code, a.pillar, a.position, a.title, a.description
     FROM area a LEFT JOIN area p ON p.id = a.parent_id
     WHERE a.framework_version_id = $1
     ORDER BY coalesce(p.position, a.position), coalesce(p.code, a.code), a.parent_id IS NOT NULL, a.position, a.code`,
    [version.id],
  );
  const indicators: IndicatorRow[] = await ctx.db.query(
    `SELECT i.code, ar.code AS area_code, i.type, i.answer_type, i.position, i.title, i.guidance,
       i.means_of_verification,
       i.expected_breakdowns,
       (SELECT string_agg(array_to_string(b.dimension_codes, '*'), '; ' ORDER BY b.position)
         FROM indicator_breakdown b WHERE b.indicator_id = i.id) AS breakdowns,
       coalesce((SELECT jsonb_agg(jsonb_build_object('instrument', s.instrument, 'country_code', s.country_code,
           'reference', s.reference) ORDER BY s.instrument, s.country_code NULLS FIRST, s.reference)
         FROM indicator_standard ist JOIN standard s ON s.id = ist.standard_id
         WHERE ist.indicator_id = i.id), '[]'::jsonb) AS standards
     FROM indicator i JOIN area ar ON ar.id = i.area_id
     WHERE i.framework_version_id = $1
     ORDER BY i.position, i.code`,
    [version.id],
  );

  // The scale in its order: 0 to 3, then the reasons for not scoring.
  const scoreLevels: ScoreLevelRow[] = await ctx.db.query(
    `SELECT code, value, label, descriptor FROM score_level WHERE framework_version_id = $1
     ORDER BY value NULLS LAST, code`,
    [version.id],
  );

  // The framework's own dimensions that the version's indicators use, so that the file imports anywhere.
  const dimensions: DimensionRow[] = await ctx.db.query(
    `SELECT d.code, d.exhaustive, d.title, d.description,
       (SELECT jsonb_agg(jsonb_build_object('code', c.code, 'title', c.title, 'unknown', c.is_unknown)
          ORDER BY c.position, c.code) FROM breakdown_category c WHERE c.dimension_id = d.id) AS categories
     FROM breakdown_dimension d
     WHERE d.framework_id IS NOT NULL AND EXISTS (SELECT 1 FROM indicator_breakdown b JOIN indicator i ON i.id = b.indicator_id
       WHERE i.framework_version_id = $1 AND d.code = ANY(b.dimension_codes))
     ORDER BY d.position, d.code`,
    [version.id],
  );
  const dimensionRecords = dimensions.flatMap((d) => [
    {
      dimension: d.code,
      category: null,
      exhaustive: d.exhaustive,
      unknown: null,
      ...textCells('title', d.title),
      ...textCells('description', d.description),
    },
    ...(d.categories ?? []).map((c) => ({
      dimension: d.code,
      category: c.code,
      exhaustive: null,
      unknown: c.unknown,
      ...textCells('title', c.title),
      ...textCells('description', {}),
    })),
  ]);
  const areaRecords = areas.map((row) => ({
    code: row.code,
    parent_code: row.parent_code,
    pillar: row.pillar,
    position: row.position,
    ...textCells('title', row.title),
    ...textCells('description', row.description),
  }));
  const scoreLevelRecords = scoreLevels.map((row) => ({
    code: row.code,
    value: row.value,
    ...textCells('label', row.label),
    ...textCells('descriptor', row.descriptor),
  }));
  const indicatorRecords = indicators.map((row) => ({
    code: row.code,
    area_code: row.area_code,
    type: row.type,
    answer_type: row.answer_type,
    position: row.position,
    ...textCells('title', row.title),
    ...textCells('guidance', row.guidance),
    ...textCells('means_of_verification', row.means_of_verification),
    expected_breakdowns: row.expected_breakdowns.join('; ') || null,
    breakdowns: row.breakdowns,
    standards: row.standards.map(standardText).join('; ') || null,
  }));

  const name = resolveText(version.framework_name, 'en').text;
  return {
    baseName: `framework-${version.framework_code}-${version.label}`,
    title: `Framework ${version.framework_code} (${name}), version ${version.label}`,
    details: [
      ['Framework', `${version.framework_code} – ${name}`],
      [
        'Version',
        version.published_at
          ? `${version.label} (${version.status}, published ${new Date(version.published_at).toISOString()})`
          : `${version.label} (${version.status})`,
      ],
      ['Areas', areaRecords.length],
      ['Score levels', scoreLevelRecords.length],
      ['Indicators', indicatorRecords.length],
      ['Dimensions', dimensions.length],
      [
        'Languages',
        `Every text in every language it has, one column per language (${LOCALE_TAGS.join(', ')}); an empty cell is a missing translation.`,
      ],
      [
        'Import',
        'Edit the sheets and import the workbook as a new version of the framework; it is read back as it is.',
      ],
    ],
    tables: [
      tableOf(SHEETS.areas, AREA_COLUMNS, areaRecords),
      tableOf(SHEETS.indicators, INDICATOR_COLUMNS, indicatorRecords),
      tableOf(SHEETS.scoreLevels, SCORE_LEVEL_COLUMNS, scoreLevelRecords),
      ...(dimensionRecords.length ? [tableOf(SHEETS.dimensions, DIMENSION_COLUMNS, dimensionRecords)] : []),
    ],
  };
}
