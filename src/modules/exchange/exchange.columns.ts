/**
 * The spreadsheet layouts of exports and imports. One definition serves both, so a file exported from the
 * database can be edited and imported back. Sheet names and column headers are part of the public interface:
 * docs/exchange.md documents them and changing one is a breaking change for the partners' spreadsheets.
 */

import { LOCALE_TAGS } from '../../common/i18n';

export interface ColumnSpec {
  header: string;
  description: string;
  /** An import reads a file without this column as if every cell of it were empty. */
  optional?: boolean;
}

const LANGUAGE_NAMES: Record<(typeof LOCALE_TAGS)[number], string> = {
  en: 'English',
  sq: 'Albanian',
  bs: 'Bosnian',
  hr: 'Croatian',
  cnr: 'Montenegrin',
  mk: 'Macedonian',
  'sr-Latn': 'Serbian (Latin script)',
  'sr-Cyrl': 'Serbian (Cyrillic script)',
};

/** The header of a text's column in one language, e.g. `title_sr-Cyrl`. */
export function textColumn(field: string, tag: string): string {
  return `${field}_${tag}`;
}

/**
 * One column per language of a multilingual framework text, English first and required. The other languages are
 * optional columns, so that a workbook written before they were exported still imports, in English only.
 */
function translatedColumns(field: string, what: string): ColumnSpec[] {
  return LOCALE_TAGS.map((tag) =>
    tag === 'en'
      ? { header: textColumn(field, tag), description: `${what} in English (required).` }
      : {
          header: textColumn(field, tag),
          description: `${what} in ${LANGUAGE_NAMES[tag]}; empty when not translated.`,
          optional: true,
        },
  );
}

const POSITION_COLUMN: ColumnSpec = {
  header: 'position',
  description:
    'Order among its siblings, a whole number from 0; empty: its place in the file. Optional column on import.',
  optional: true,
};

/** A country's assessments: one row per assessment (`Assessments` sheet / assessments CSV). */
export const ASSESSMENT_COLUMNS = [
  { header: 'indicator_code', description: 'Code of the indicator, e.g. PROT-2.1.' },
  { header: 'indicator_title', description: 'Title of the indicator in English (ignored on import).' },
  { header: 'answer_type', description: 'SCORE, NUMBER, PERCENT, BOOLEAN or TEXT (ignored on import).' },
  { header: 'score', description: '0–3 for SCORE indicators; empty otherwise.' },
  { header: 'not_scored_reason', description: 'NOT_APPLICABLE or NO_DATA for an unscored SCORE indicator.' },
  {
    header: 'value',
    description:
      'For other indicators: a number, a percentage (a percent cell in a workbook, 0–100 in CSV), TRUE/FALSE or a text.',
  },
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
  {
    header: 'narrative_hr',
    description: 'The narrative in Croatian. Optional column on import (files made before it was added).',
    optional: true,
  },
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
  { header: 'document_date', description: 'A date cell in a workbook; YYYY-MM-DD in CSV.' },
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
  {
    header: 'value',
    description:
      'The answer: the score (or NOT_APPLICABLE, NO_DATA), a number, a percentage, TRUE/FALSE or a text, as the indicator takes it.',
  },
  { header: 'status', description: 'Status of the assessment.' },
  { header: 'confidence', description: 'HIGH, MEDIUM or LOW.' },
  { header: 'evidence_count', description: 'How many pieces of evidence the reader may see.' },
  {
    header: 'trend',
    description: 'IMPROVED, NO_CHANGE, DETERIORATED or NOT_COMPARABLE against the previous cycle.',
  },
] as const satisfies readonly ColumnSpec[];

/** A framework version: areas, score levels, indicators and the standards they measure. */
export const AREA_COLUMNS: readonly ColumnSpec[] = [
  { header: 'code', description: 'Area code, unique in the version, e.g. PROT or PROT-ID.' },
  { header: 'parent_code', description: 'Code of the pillar a sub-theme belongs to; empty for a pillar.' },
  {
    header: 'pillar',
    description: 'PREVENTION, PROTECTION, PROSECUTION or PARTNERSHIP (required for pillars).',
  },
  POSITION_COLUMN,
  ...translatedColumns('title', 'Title'),
  ...translatedColumns('description', 'Description'),
];

export const INDICATOR_COLUMNS: readonly ColumnSpec[] = [
  { header: 'code', description: 'Indicator code, unique in the version, e.g. PROT-2.1.' },
  { header: 'area_code', description: 'Code of its area.' },
  { header: 'type', description: 'STRUCTURAL, PROCESS or OUTCOME.' },
  { header: 'answer_type', description: 'SCORE, NUMBER, PERCENT, BOOLEAN or TEXT.' },
  POSITION_COLUMN,
  ...translatedColumns('title', 'Title'),
  ...translatedColumns('guidance', 'Guidance'),
  ...translatedColumns('means_of_verification', 'Means of verification'),
  { header: 'expected_breakdowns', description: 'Disaggregations separated by ";", e.g. "sex; age".' },
  {
    header: 'breakdowns',
    optional: true,
    description:
      'The breakdowns an answer gives, by dimension code, separated by ";"; two dimensions crossed are joined by ' +
      '"*", e.g. "sex; age; sex*age". A code is a standard dimension, one of the framework, or one of the ' +
      'Dimensions sheet.',
  },
  {
    header: 'standards',
    description:
      'Standards measured, separated by ";", each as INSTRUMENT:reference (e.g. "COE_CONVENTION:Art. 10; PALERMO_PROTOCOL:Art. 6") or INSTRUMENT:CC:reference for a national action plan measure.',
  },
];

/** The score scale of a version (`ScoreLevels` sheet); a workbook without it gets the default scale. */
export const SCORE_LEVEL_COLUMNS: readonly ColumnSpec[] = [
  { header: 'code', description: '0, 1, 2, 3, NOT_APPLICABLE or NO_DATA: each once.' },
  {
    header: 'value',
    description: 'The score, a number equal to the code; empty for NOT_APPLICABLE and NO_DATA.',
  },
  ...translatedColumns('label', 'Label'),
  ...translatedColumns('descriptor', 'Descriptor'),
];

/**
 * The dimensions a framework defines that its indicators use (`Dimensions` sheet, optional): a row per dimension
 * (category empty), then a row per category.
 */
export const DIMENSION_COLUMNS: readonly ColumnSpec[] = [
  {
    header: 'dimension',
    description: 'Dimension code, e.g. disability (small letters, digits, underscores).',
  },
  {
    header: 'category',
    description: 'Category code within the dimension; empty on the dimension’s own row.',
  },
  {
    header: 'exhaustive',
    description: 'On the dimension’s row: true when every person falls in exactly one category, else false.',
  },
  {
    header: 'unknown',
    description: 'On a category’s row: true for the category of people whose value is not known.',
  },
  ...translatedColumns('title', 'Name'),
  ...translatedColumns('description', 'On the dimension’s row: what it records').map((c) => ({
    ...c,
    description: c.description.replace(' (required)', ' (required on the dimension’s row)'),
  })),
];

export const SHEETS = {
  assessments: 'Assessments',
  evidence: 'Evidence',
  comparison: 'Comparison',
  matrix: 'Matrix',
  citation: 'Citation',
  areas: 'Areas',
  scoreLevels: 'ScoreLevels',
  indicators: 'Indicators',
  dimensions: 'Dimensions',
  about: 'About',
} as const;
