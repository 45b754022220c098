/**
 * The spreadsheet layout of a country's recommendations with their follow-ups in one cycle: one row per
 * recommendation, its follow-up in the cycle beside it. The export writes it and the follow-up import reads it
 * back; docs/exchange.md documents it, and changing a header breaks the partners' spreadsheets.
 */

import { LOCALE_TAGS } from '../../common/i18n';
import type { ColumnSpec } from './exchange.columns';

export const RECOMMENDATION_SHEET = 'Recommendations';

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

function perLocale(field: string, what: (language: string) => string, optional = false): ColumnSpec[] {
  return LOCALE_TAGS.map((tag) => ({
    header: `${field}_${tag}`,
    description: what(LANGUAGE_NAMES[tag]),
    ...(optional ? { optional } : {}),
  }));
}

export const RECOMMENDATION_COLUMNS: readonly ColumnSpec[] = [
  {
    header: 'recommendation_id',
    description: 'Stable identifier of the recommendation (the import finds the row’s recommendation by it).',
  },
  {
    header: 'country_code',
    description:
      'ISO code of the country the recommendation is addressed to; on import, empty or the country imported.',
    optional: true,
  },
  {
    header: 'source_body',
    description: 'GRETA, TIP, UPR, CEDAW, NATIONAL_ACTION_PLAN or OTHER (ignored on import).',
    optional: true,
  },
  { header: 'source_year', description: 'Year of the source, a number (ignored on import).', optional: true },
  {
    header: 'source_published_on',
    description:
      'When the source was published: a date cell in a workbook, YYYY-MM-DD in CSV (ignored on import).',
    optional: true,
  },
  {
    header: 'source_title',
    description: 'Title of the source in English (ignored on import).',
    optional: true,
  },
  {
    header: 'reference',
    description: 'Where the recommendation is in its source, e.g. para. 112 (ignored on import).',
    optional: true,
  },
  {
    header: 'strength',
    description: 'GRETA’s wording: URGE, CONSIDER or INVITE; empty for other sources (ignored on import).',
    optional: true,
  },
  ...perLocale(
    'text',
    (language) => `The recommendation in ${language}; empty when not translated (ignored on import).`,
  ),
  {
    header: 'has_follow_up',
    description:
      'TRUE when the recommendation has a follow-up in the cycle that the reader may see (ignored on import).',
    optional: true,
  },
  {
    header: 'implementation_status',
    description:
      'NOT_STARTED, IN_PROGRESS, PARTIALLY_IMPLEMENTED, IMPLEMENTED or NO_LONGER_RELEVANT; empty: no follow-up.',
  },
  {
    header: 'review_status',
    description: 'DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED or PUBLISHED (ignored on import).',
    optional: true,
  },
  {
    header: 'version',
    description:
      'Version of the follow-up when exported; on import, a row of an existing follow-up must carry its current version, a new one none.',
  },
  ...perLocale(
    'narrative',
    (language) => `The follow-up’s narrative in ${language}; empty when not translated.`,
  ),
  {
    header: 'evidence_ids',
    description:
      'Identifiers of the evidence the follow-up cites, separated by ";" (evidence of the same country and cycle).',
  },
  {
    header: 'updated_at',
    description: 'When the follow-up was last changed, in UTC (ignored on import).',
    optional: true,
  },
];
