import type { RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import type { I18nText } from '../../common/i18n';
import { LOCALE_TAGS, resolveText } from '../../common/i18n';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import { evidenceVisibilitySql } from '../evidence/evidence.policy';
import { AnswerType } from '../indicator/indicator.enums';
import { ASSESSMENT_COLUMNS, EVIDENCE_COLUMNS, SHEETS } from './exchange.columns';
import { calendarDate, percent, tableOf, type Cell, type ExportDocument } from './export.write';

export interface AssessmentsExportParams {
  cycleId: string;
  countryCode: string;
}

interface AssessmentRow {
  indicator_code: string;
  indicator_title: I18nText;
  answer_type: AnswerType;
  score: number | null;
  not_scored_reason: string | null;
  value_number: number | null;
  value_boolean: boolean | null;
  value_text: string | null;
  narrative: Partial<I18nText> | null;
  confidence: string | null;
  status: string;
  version: number;
}

interface EvidenceRow {
  indicator_code: string;
  kind: string;
  title: string;
  citation: string | null;
  url: string | null;
  document_date: string | null;
  language: string;
  issuing_institution: string | null;
  reliability: string;
  confidentiality: string;
}

/** The answer of a non-SCORE indicator in its own type, as the `value` column holds it and the import reads it. */
function valueCell(row: AssessmentRow): Cell {
  if (row.value_number !== null)
    return row.answer_type === AnswerType.PERCENT ? percent(row.value_number) : row.value_number;
  if (row.value_boolean !== null) return row.value_boolean;
  return row.value_text;
}

function narrativeCells(narrative: Partial<I18nText> | null): Record<string, Cell> {
  return Object.fromEntries(LOCALE_TAGS.map((tag) => [`narrative_${tag}`, narrative?.[tag] ?? null]));
}

/**
 * Every assessment of a country in a cycle that the reader may read, with the evidence of them the reader may
 * see, in two statements and without a page limit. The read rules are the SQL filters the GraphQL lists use, so
 * the file holds no more than the API shows. Null for an unknown cycle; NOT_FOUND naming the country for an
 * unknown country (the file is the country's).
 */
export async function exportAssessments(
  ctx: RequestContext,
  params: AssessmentsExportParams,
): Promise<ExportDocument | null> {
  const [cycle, country] = await Promise.all([
    ctx.loaders.cycle.byId.load(params.cycleId),
    ctx.loaders.country.byCode.load(params.countryCode),
  ]);
  if (!country) throw notFound('The country', params.countryCode);
  if (!cycle) return null;

  const assessmentParams: unknown[] = [cycle.id, country.code];
  const assessments: AssessmentRow[] = await ctx.db.query(
    `SELECT i.code AS indicator_code, i.title AS indicator_title, i.answer_type, a.score, a.not_scored_reason,
       a.value_number, a.value_boolean, a.value_text, a.narrative, a.confidence, a.status, a.version
     FROM assessment a JOIN indicator i ON i.id = a.indicator_id
     WHERE a.cycle_id = $1 AND a.country_code = $2 AND ${assessmentVisibilitySql(ctx.viewer, 'a', assessmentParams)}
     ORDER BY i.position, i.code`,
    assessmentParams,
  );
  const evidenceParams: unknown[] = [cycle.id, country.code];
  const visibleAssessment = assessmentVisibilitySql(ctx.viewer, 'a', evidenceParams);
  const visibleEvidence = evidenceVisibilitySql(ctx.viewer, 'e', evidenceParams);
  const evidence: EvidenceRow[] = await ctx.db.query(
    `SELECT i.code AS indicator_code, e.kind, e.title, e.citation, e.url, e.document_date, e.language,
       e.issuing_institution, e.reliability, e.confidentiality
     FROM evidence e JOIN assessment a ON a.id = e.assessment_id JOIN indicator i ON i.id = a.indicator_id
     WHERE a.cycle_id = $1 AND a.country_code = $2 AND ${visibleAssessment} AND ${visibleEvidence}
     ORDER BY i.position, i.code, e.created_at, e.id`,
    evidenceParams,
  );

  const assessmentRecords = assessments.map((row) => {
    const scored = row.answer_type === AnswerType.SCORE;
    return {
      indicator_code: row.indicator_code,
      indicator_title: row.indicator_title.en,
      answer_type: row.answer_type,
      score: scored ? row.score : null,
      not_scored_reason: scored ? row.not_scored_reason : null,
      value: scored ? null : valueCell(row),
      confidence: row.confidence,
      status: row.status,
      version: row.version,
      ...narrativeCells(row.narrative),
    } as Record<(typeof ASSESSMENT_COLUMNS)[number]['header'], Cell>;
  });
  const evidenceRecords = evidence.map((row) => ({
    indicator_code: row.indicator_code,
    kind: row.kind,
    title: row.title,
    citation: row.citation,
    url: row.url,
    document_date: row.document_date === null ? null : calendarDate(row.document_date),
    language: row.language,
    issuing_institution: row.issuing_institution,
    reliability: row.reliability,
    confidentiality: row.confidentiality,
  }));

  const countryName = resolveText(country.name, 'en').text;
  return {
    baseName: `assessments-${cycle.code}-${country.code}`,
    title: `Assessments of ${countryName} in cycle ${cycle.code}, with their evidence`,
    details: [
      ['Cycle', `${cycle.code} – ${resolveText(cycle.title, 'en').text} (${cycle.status})`],
      ['Edition', 'none: live data as of the time the file was made'],
      ['Country', `${country.code} – ${countryName}`],
      ['Assessments', assessmentRecords.length],
      ['Evidence', evidenceRecords.length],
      [
        'Import',
        'Edit the Assessments and Evidence sheets and import the file back; keep the version column as exported ' +
          '(empty it to copy the rows into a cycle that does not have them yet).',
      ],
    ],
    tables: [
      tableOf(SHEETS.assessments, ASSESSMENT_COLUMNS, assessmentRecords),
      tableOf(SHEETS.evidence, EVIDENCE_COLUMNS, evidenceRecords),
    ],
  };
}
