import type { RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import type { I18nText } from '../../common/i18n';
import { LOCALE_TAGS, resolveText } from '../../common/i18n';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import { evidenceVisibilitySql } from '../evidence/evidence.policy';
import { followUpVisibilitySql, recommendationVisibilitySql } from '../recommendation/recommendation.policy';
import { calendarDate, type Cell, type ExportDocument } from './export.write';
import { RECOMMENDATION_COLUMNS, RECOMMENDATION_SHEET } from './recommendation.columns';

export interface RecommendationsExportParams {
  cycleId: string;
  countryCode: string;
}

interface Row {
  id: string;
  country_code: string;
  source_body: string;
  source_year: number;
  source_published_on: string | null;
  source_title: I18nText;
  reference: string;
  strength: string | null;
  text: Partial<I18nText>;
  implementation_status: string | null;
  review_status: string | null;
  version: number | null;
  narrative: Partial<I18nText> | null;
  evidence_ids: string[] | null;
  updated_at: Date | null;
}

function perLocale(field: string, text: Partial<I18nText> | null): Record<string, Cell> {
  return Object.fromEntries(LOCALE_TAGS.map((tag) => [`${field}_${tag}`, text?.[tag] ?? null]));
}

/**
 * Every recommendation to a country that the reader may read, each with its follow-up in the cycle when the reader
 * may read it, and the evidence of that follow-up the reader may see: the read rules of the `recommendations`,
 * `followUps` and `evidence` fields, as the same SQL filters, in one statement. Null for an unknown cycle;
 * NOT_FOUND naming the country for an unknown country.
 */
export async function exportRecommendations(
  ctx: RequestContext,
  params: RecommendationsExportParams,
): Promise<ExportDocument | null> {
  const [cycle, country] = await Promise.all([
    ctx.loaders.cycle.byId.load(params.cycleId),
    ctx.loaders.country.byCode.load(params.countryCode),
  ]);
  if (!country) throw notFound('The country', params.countryCode);
  if (!cycle) return null;

  const sqlParams: unknown[] = [cycle.id, country.code];
  const visibleRecommendation = recommendationVisibilitySql(ctx.viewer, 't', sqlParams);
  const visibleFollowUp = followUpVisibilitySql(ctx.viewer, 'f', sqlParams);
  const visibleEvidence = evidenceVisibilitySql(ctx.viewer, 'e', sqlParams);
  const visibleAssessment = assessmentVisibilitySql(ctx.viewer, 'a', sqlParams);
  const rows: Row[] = await ctx.db.query(
    `SELECT t.id, t.country_code, t.source_body, rs.year AS source_year,
       to_char(rs.published_on, 'YYYY-MM-DD') AS source_published_on, rs.title AS source_title, t.reference,
       t.strength, t.text, f.implementation_status, f.status AS review_status, f.version, f.narrative,
       f.updated_at,
       (SELECT array_agg(e.id::text ORDER BY x.created_at, e.id) FROM follow_up_evidence x
          JOIN evidence e ON e.id = x.evidence_id JOIN assessment a ON a.id = e.assessment_id
          WHERE x.follow_up_id = f.id AND ${visibleEvidence} AND ${visibleAssessment}) AS evidence_ids
     FROM recommendation t JOIN recommendation_source rs ON rs.id = t.source_id
     LEFT JOIN recommendation_follow_up f ON f.recommendation_id = t.id AND f.cycle_id = $1 AND ${visibleFollowUp}
     WHERE t.country_code = $2 AND ${visibleRecommendation}
     ORDER BY rs.year DESC, rs.id, (substring(t.reference from '[0-9]+'))::int NULLS LAST, t.reference, t.id`,
    sqlParams,
  );

  const records = rows.map((row) => {
    const record: Record<string, Cell> = {
      recommendation_id: row.id,
      country_code: row.country_code,
      source_body: row.source_body,
      source_year: row.source_year,
      source_published_on: row.source_published_on === null ? null : calendarDate(row.source_published_on),
      source_title: resolveText(row.source_title, 'en').text,
      reference: row.reference,
      strength: row.strength,
      ...perLocale('text', row.text),
      has_follow_up: row.implementation_status !== null,
      implementation_status: row.implementation_status,
      review_status: row.review_status,
      version: row.version,
      ...perLocale('narrative', row.narrative),
      evidence_ids: row.evidence_ids?.length ? row.evidence_ids.join('; ') : null,
      updated_at: row.updated_at,
    };
    return RECOMMENDATION_COLUMNS.map((column) => record[column.header] ?? null);
  });
  const followUps = rows.filter((row) => row.implementation_status !== null).length;

  const countryName = resolveText(country.name, 'en').text;
  return {
    baseName: `recommendations-${cycle.code}-${country.code}`,
    title: `Recommendations to ${countryName}, with their follow-ups in cycle ${cycle.code}`,
    details: [
      ['Cycle', `${cycle.code} – ${resolveText(cycle.title, 'en').text} (${cycle.status})`],
      ['Edition', 'none: live data as of the time the file was made'],
      ['Country', `${country.code} – ${countryName}`],
      ['Recommendations', records.length],
      ['Follow-ups', followUps],
      [
        'Import',
        'Edit implementation_status, the narrative columns and evidence_ids and import the file back; keep the ' +
          'version column as exported (empty for a recommendation without a follow-up in the cycle).',
      ],
    ],
    tables: [{ sheet: RECOMMENDATION_SHEET, columns: RECOMMENDATION_COLUMNS, rows: records }],
  };
}
