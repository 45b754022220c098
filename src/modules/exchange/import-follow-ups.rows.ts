import type { I18nText } from '../../common/i18n';
import { LOCALE_TAGS } from '../../common/i18n';
import { isId } from '../../common/validation';
import { ImplementationStatus } from '../recommendation/recommendation.enums';
import type { ImportProblem } from './import.errors';
import type { SheetRow } from './import.parse';
import { RECOMMENDATION_SHEET } from './recommendation.columns';

/** As many as `recommendationFollowUpSave` takes. */
export const MAX_EVIDENCE = 50;
const MAX_NARRATIVE = 20000;

/** What a row of the Recommendations sheet asks for: the whole follow-up, or nothing when it has none. */
export interface FollowUpRow {
  row: number;
  recommendationId: string;
  /** Null: the row gives no follow-up (a recommendation without one in the cycle). */
  status: ImplementationStatus | null;
  narrative: I18nText | null;
  evidenceIds: string[];
  version: number | null;
}

const STATUSES = new Set<string>(Object.values(ImplementationStatus));

/**
 * Reads one row, reporting every problem of its cells. The row is the follow-up as a whole: the narrative
 * columns together are its narrative (an empty cell is a missing translation) and `evidence_ids` is the full
 * list of the evidence it cites, so that an exported file imports back unchanged.
 */
export function readFollowUpRow(
  row: SheetRow,
  countryCode: string,
  problems: ImportProblem[],
): FollowUpRow | null {
  const before = problems.length;
  const v = row.values;
  const report = (column: string, code: string, message: string) =>
    problems.push({ sheet: RECOMMENDATION_SHEET, row: row.row, column, code, message });

  const recommendationId = v.recommendation_id.toLowerCase();
  if (!isId(recommendationId))
    report('recommendation_id', 'INVALID_VALUE', 'recommendation_id must be the id of a recommendation.');
  if (v.country_code !== '' && v.country_code.toUpperCase() !== countryCode)
    report(
      'country_code',
      'WRONG_COUNTRY',
      `The row is of ${v.country_code.slice(0, 10)}; this import is of ${countryCode}.`,
    );

  let status: ImplementationStatus | null = null;
  if (v.implementation_status !== '') {
    const given = v.implementation_status.toUpperCase();
    if (STATUSES.has(given)) status = given as ImplementationStatus;
    else
      report(
        'implementation_status',
        'INVALID_VALUE',
        `implementation_status must be one of ${[...STATUSES].join(', ')}.`,
      );
  }

  let version: number | null = null;
  if (v.version !== '') {
    if (/^\d{1,9}$/.test(v.version) && Number(v.version) >= 1) version = Number(v.version);
    else report('version', 'INVALID_VALUE', 'version must be a whole number from 1, as exported.');
  }

  const narrative: Record<string, string> = {};
  for (const tag of LOCALE_TAGS) {
    const text = v[`narrative_${tag}`];
    if (text === '') continue;
    if (text.length > MAX_NARRATIVE)
      report(`narrative_${tag}`, 'TOO_LONG', `The narrative is longer than ${MAX_NARRATIVE} characters.`);
    narrative[tag] = text;
  }
  const hasNarrative = Object.keys(narrative).length > 0;
  if (hasNarrative && narrative.en === undefined)
    report('narrative_en', 'REQUIRED', 'A narrative needs its English text.');

  const evidenceIds = [
    ...new Set(
      v.evidence_ids
        .split(/[;,\s]+/)
        .map((id) => id.trim().toLowerCase())
        .filter((id) => id !== ''),
    ),
  ];
  const badIds = evidenceIds.filter((id) => !isId(id));
  if (badIds.length)
    report(
      'evidence_ids',
      'INVALID_VALUE',
      `Not evidence ids: ${badIds.slice(0, 3).join(', ').slice(0, 120)}.`,
    );
  if (evidenceIds.length > MAX_EVIDENCE)
    report('evidence_ids', 'INVALID_VALUE', `At most ${MAX_EVIDENCE} items of evidence.`);

  if (v.implementation_status === '' && (hasNarrative || evidenceIds.length > 0))
    report(
      'implementation_status',
      'REQUIRED',
      'A follow-up needs its implementation status; leave the narrative and evidence empty for none.',
    );
  if (problems.length > before) return null;
  return {
    row: row.row,
    recommendationId,
    status,
    narrative: hasNarrative ? (narrative as I18nText) : null,
    evidenceIds,
    version,
  };
}

/** Whether the row holds what is stored, so that nothing is written for it. */
export function sameFollowUp(
  stored: { implementation_status: string; narrative: Partial<I18nText> | null; evidence_ids: string[] },
  row: FollowUpRow,
): boolean {
  const narrativeOf = (text: Partial<I18nText> | null) =>
    JSON.stringify(LOCALE_TAGS.map((tag) => text?.[tag] ?? null));
  return (
    stored.implementation_status === row.status &&
    narrativeOf(stored.narrative) === narrativeOf(row.narrative) &&
    [...stored.evidence_ids].sort().join() === [...row.evidenceIds].sort().join()
  );
}
