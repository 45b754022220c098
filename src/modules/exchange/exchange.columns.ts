/**
 * The spreadsheet layouts of exports and imports. One definition serves both, so a file exported from the
 * database can be edited and imported back. Sheet names and column headers are part of the public interface:
 * README documents them and changing one is a breaking change for the partners' spreadsheets.
 */

export interface ColumnSpec {
  header: string;
  description: string;
}

/** A country's assessments: one row per assessment (`Assessments` sheet / assessments CSV). */
export const ASSESSMENT_COLUMNS = [
  { header: 'indicator_code', description: 'Code of the indicator, e.g. PROT-2.1.' },
  { header: 'indicator_title', description: 'Title of the indicator in English (ignored on import).' },
  { header: 'answer_type', description: 'SCORE, NUMBER, PERCENT, BOOLEAN or TEXT (ignored on import).' },
  { header: 'score', description: '0–3 for SCORE indicators; empty otherwise.' },
  { header: 'not_scored_reason', description: 'NOT_APPLICABLE or NO_DATA for an unscored SCORE indicator.' },
  { header: 'value', description: 'Number, percentage (0–100), true/false or text for other indicators.' },
  { header: 'confidence', description: 'HIGH, MEDIUM or LOW.' },
  {
    header: 'status',
    description: 'DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED or PUBLISHED (ignored on import).',
  },
  {
    header: 'version',
    description:
      'Version of the assessment when exported; on import, rows of an existing assessment must carry its current version.',
  },
  { header: 'narrative_en', description: 'The narrative in English (required when any narrative is given).' },
  { header: 'narrative_sq', description: 'The narrative in Albanian.' },
  { header: 'narrative_bs', description: 'The narrative in Bosnian.' },
  { header: 'narrative_cnr', description: 'The narrative in Montenegrin.' },
  { header: 'narrative_mk', description: 'The narrative in Macedonian.' },
  { header: 'narrative_sr-Latn', description: 'The narrative in Serbian (Latin script).' },
  { header: 'narrative_sr-Cyrl', description: 'The narrative in Serbian (Cyrillic script).' },
] as const satisfies readonly ColumnSpec[];

/** Evidence: one row per piece of evidence (`Evidence` sheet / evidence CSV). */
export const EVIDENCE_COLUMNS = [
  { header: 'indicator_code', description: 'Code of the indicator whose assessment the evidence supports.' },
  {
    header: 'kind',
    description:
      'LAW, BYLAW, POLICY, SOP, COURT_DECISION, STATISTICS, INTERVIEW, MONITORING_VISIT, REPORT, MEDIA or OTHER.',
  },
  { header: 'title', description: 'Title of the document or source (required).' },
  { header: 'citation', description: 'Formal citation.' },
  { header: 'url', description: 'http(s) address.' },
  { header: 'document_date', description: 'YYYY-MM-DD.' },
  { header: 'language', description: 'BCP 47 tag of the source, e.g. sr-Latn.' },
  { header: 'issuing_institution', description: 'The institution that issued it.' },
  { header: 'reliability', description: 'HIGH, MEDIUM or LOW.' },
  { header: 'confidentiality', description: 'PUBLIC, PARTNERS or INTERNAL.' },
] as const satisfies readonly ColumnSpec[];

/** The comparison matrix, long form: one row per indicator × country (`Comparison` sheet / comparison CSV). */
export const COMPARISON_COLUMNS = [
  { header: 'indicator_code', description: 'Code of the indicator.' },
  { header: 'indicator_title', description: 'Title of the indicator in the requested language.' },
  { header: 'area_code', description: 'Code of the indicator’s area (sub-theme).' },
  { header: 'pillar', description: 'PREVENTION, PROTECTION, PROSECUTION or PARTNERSHIP.' },
  { header: 'country_code', description: 'ISO code of the country.' },
  { header: 'state', description: 'ASSESSED, NOT_ASSESSED or HIDDEN (the reader may not see this cell).' },
  { header: 'score', description: 'Score 0–3, empty when not scored.' },
  { header: 'value', description: 'The answer as text for other indicators.' },
  { header: 'status', description: 'Status of the assessment.' },
  { header: 'confidence', description: 'HIGH, MEDIUM or LOW.' },
  { header: 'evidence_count', description: 'How many pieces of evidence the reader may see.' },
  {
    header: 'trend',
    description: 'IMPROVED, NO_CHANGE, DETERIORATED or NOT_COMPARABLE against the previous cycle.',
  },
] as const satisfies readonly ColumnSpec[];

/** A framework version: areas, indicators and the standards they measure (`Areas`, `Indicators` sheets). */
export const AREA_COLUMNS = [
  { header: 'code', description: 'Area code, unique in the version, e.g. PROT or PROT-ID.' },
  { header: 'parent_code', description: 'Code of the pillar a sub-theme belongs to; empty for a pillar.' },
  {
    header: 'pillar',
    description: 'PREVENTION, PROTECTION, PROSECUTION or PARTNERSHIP (required for pillars).',
  },
  { header: 'title_en', description: 'Title in English (required).' },
  { header: 'description_en', description: 'Description in English (required).' },
] as const satisfies readonly ColumnSpec[];

export const INDICATOR_COLUMNS = [
  { header: 'code', description: 'Indicator code, unique in the version, e.g. PROT-2.1.' },
  { header: 'area_code', description: 'Code of its area.' },
  { header: 'type', description: 'STRUCTURAL, PROCESS or OUTCOME.' },
  { header: 'answer_type', description: 'SCORE, NUMBER, PERCENT, BOOLEAN or TEXT.' },
  { header: 'title_en', description: 'Title in English (required).' },
  { header: 'guidance_en', description: 'Guidance in English (required).' },
  { header: 'means_of_verification_en', description: 'Means of verification in English (required).' },
  { header: 'expected_breakdowns', description: 'Disaggregations separated by ";", e.g. "sex; age".' },
  {
    header: 'standards',
    description:
      'Standards measured, separated by ";", each as INSTRUMENT:reference (e.g. "COE_CONVENTION:Art. 10; PALERMO_PROTOCOL:Art. 6") or INSTRUMENT:CC:reference for a national action plan measure.',
  },
] as const satisfies readonly ColumnSpec[];

export const SHEETS = {
  assessments: 'Assessments',
  evidence: 'Evidence',
  comparison: 'Comparison',
  areas: 'Areas',
  indicators: 'Indicators',
  about: 'About',
} as const;
