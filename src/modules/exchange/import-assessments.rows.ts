import { LOCALE_TAGS, type Locale } from '../../common/i18n';
import type { UserError } from '../../common/errors';
import { UserErrorCode } from '../../common/errors';
import { toI18nText } from '../../common/translation-input';
import { parseAnswer } from '../assessment/assessment-answer';
import { ConfidenceLevel, NotScoredReason } from '../assessment/assessment.enums';
import type { AssessmentSaveInput } from '../assessment/assessment.types';
import { evidenceColumns, type EvidenceFields } from '../evidence/evidence-validation';
import { Confidentiality, EvidenceKind, Reliability } from '../evidence/evidence.enums';
import type { AnswerType } from '../indicator/indicator.enums';
import type { SheetRow } from './import.parse';

/** The same limit a narrative saved through the API has. */
const MAX_NARRATIVE_LENGTH = 20000;

/** Reports a problem in a column of the row at hand. */
export type Report = (column: string | null, code: string, message: string) => void;

/** What an Assessments row asks for, once its cells are read. */
export interface AssessmentRowInput {
  /** The columns to write: only those the row gives; null when a cell has a problem (reported). */
  columns: Record<string, unknown> | null;
  /** The version the row was exported at; undefined when the cell is empty, null when it is not a number. */
  version: number | undefined | null;
}

const ANSWER_FIELD_COLUMNS: Record<string, string> = {
  score: 'score',
  notScoredReason: 'not_scored_reason',
  value: 'value',
};

const EVIDENCE_FIELD_COLUMNS: Record<keyof EvidenceFields, string> = {
  kind: 'kind',
  title: 'title',
  citation: 'citation',
  url: 'url',
  documentDate: 'document_date',
  language: 'language',
  issuingInstitution: 'issuing_institution',
  reliability: 'reliability',
  confidentiality: 'confidentiality',
};

/** An indicator code as written by hand: codes are capitals, so case is forgiven. */
export function indicatorCode(row: SheetRow): string {
  return row.values.indicator_code.trim().toUpperCase();
}

function enumCell<T extends string>(
  text: string,
  values: Record<string, T>,
  column: string,
  report: Report,
): T | undefined {
  if (text === '') return undefined;
  const value = text.trim().toUpperCase();
  if (!(Object.values(values) as string[]).includes(value)) {
    report(
      column,
      UserErrorCode.INVALID_INPUT,
      `${column} must be one of ${Object.values(values).join(', ')}.`,
    );
    return undefined;
  }
  return value as T;
}

/** The narrative column a toI18nText message is about: it names the language, English when none. */
function narrativeColumn(error: UserError): string {
  const tag = LOCALE_TAGS.find((t) => error.message.startsWith(`The ${t} text`));
  return `narrative_${tag ?? 'en'}`;
}

/**
 * Reads an Assessments row the way `assessmentSave` reads its input: an empty cell is a field not given (the
 * stored value stays), and the answer is parsed against the indicator's answer type by the same function.
 */
export function readAssessmentRow(
  row: SheetRow,
  target: { cycleId: string; countryCode: string; indicatorId: string; answerType: AnswerType },
  report: Report,
): AssessmentRowInput {
  const v = row.values;
  let ok = true;
  const fail: Report = (column, code, message) => {
    ok = false;
    report(column, code, message);
  };
  const input: AssessmentSaveInput = {
    cycleId: target.cycleId,
    countryCode: target.countryCode,
    indicatorId: target.indicatorId,
  };
  // The answer is parsed only when its cells could be read, so that one bad cell is reported once.
  let answerReadable = true;
  const answerFail: Report = (column, code, message) => {
    answerReadable = false;
    fail(column, code, message);
  };
  if (v.score !== '') {
    if (/^-?\d+(\.\d+)?$/.test(v.score)) input.score = Number(v.score);
    else
      answerFail(
        'score',
        UserErrorCode.INVALID_INPUT,
        `A score is a whole number 0–3, got "${v.score.slice(0, 40)}".`,
      );
  }
  const reason = enumCell(v.not_scored_reason, NotScoredReason, 'not_scored_reason', answerFail);
  if (reason) input.notScoredReason = reason;
  if (v.value !== '') input.value = v.value;
  const parsed = answerReadable ? parseAnswer(input, target.answerType) : null;
  for (const error of parsed?.errors ?? [])
    fail(ANSWER_FIELD_COLUMNS[error.field?.[1] ?? ''] ?? null, error.code, error.message);
  const confidence = enumCell(v.confidence, ConfidenceLevel, 'confidence', fail);
  if (confidence) input.confidence = confidence;
  let version: number | undefined | null;
  if (v.version !== '') {
    if (/^\d{1,9}$/.test(v.version)) version = Number(v.version);
    else {
      version = null;
      report(
        'version',
        UserErrorCode.INVALID_INPUT,
        `The version is a whole number, got "${v.version.slice(0, 40)}".`,
      );
    }
  }
  const translations = LOCALE_TAGS.filter((tag) => v[`narrative_${tag}`] !== '').map((tag) => ({
    locale: tag as Locale,
    text: v[`narrative_${tag}`],
  }));
  const narrative =
    translations.length > 0 ? toI18nText(translations, ['narrative'], MAX_NARRATIVE_LENGTH) : null;
  for (const error of narrative?.errors ?? []) fail(narrativeColumn(error), error.code, error.message);
  if (!ok || !parsed) return { columns: null, version };

  const columns: Record<string, unknown> = { ...(parsed.answer ?? {}) };
  if (narrative?.value) columns.narrative = narrative.value;
  if (input.confidence) columns.confidence = input.confidence;
  return { columns, version };
}

/** Reads an Evidence row with the checks `evidenceCreate` applies; null when it has a problem (reported). */
export function readEvidenceRow(row: SheetRow, report: Report): Record<string, unknown> | null {
  const v = row.values;
  let ok = true;
  const fail: Report = (column, code, message) => {
    ok = false;
    report(column, code, message);
  };
  const given = (text: string) => (text === '' ? undefined : text);
  const fields: EvidenceFields = {
    kind: enumCell(v.kind, EvidenceKind, 'kind', fail) ?? given(v.kind),
    title: given(v.title),
    citation: given(v.citation),
    url: given(v.url),
    documentDate: given(v.document_date),
    language: given(v.language),
    issuingInstitution: given(v.issuing_institution),
    reliability: enumCell(v.reliability, Reliability, 'reliability', fail) ?? given(v.reliability),
    confidentiality:
      enumCell(v.confidentiality, Confidentiality, 'confidentiality', fail) ?? given(v.confidentiality),
  };
  const { columns, errors } = evidenceColumns(fields, true);
  for (const error of errors) {
    const field = error.field?.[1] as keyof EvidenceFields | undefined;
    const column = field ? EVIDENCE_FIELD_COLUMNS[field] : null;
    fail(column, error.code, error.message);
  }
  return ok ? columns : null;
}

/** The columns that make two pieces of evidence the same: a re-imported export adds no copies. */
const EVIDENCE_KEY = [
  'kind',
  'title',
  'citation',
  'url',
  'document_date',
  'language',
  'issuing_institution',
  'reliability',
  'confidentiality',
] as const;

export function evidenceKey(columns: Record<string, unknown>): string {
  return JSON.stringify(EVIDENCE_KEY.map((name) => columns[name] ?? null));
}

/** JSON with sorted keys, so that a stored jsonb object and a new one compare by content. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Whether writing `columns` would change the stored row. */
export function changesRow(stored: Record<string, unknown>, columns: Record<string, unknown>): boolean {
  return Object.keys(columns).some((name) => canonical(stored[name]) !== canonical(columns[name]));
}
