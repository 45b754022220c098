import { UserError, UserErrorCode } from '../../common/errors';

const LANGUAGE_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface EvidenceFields {
  kind?: string | null;
  title?: string | null;
  citation?: string | null;
  url?: string | null;
  documentDate?: string | null;
  language?: string | null;
  issuingInstitution?: string | null;
  reliability?: string | null;
  confidentiality?: string | null;
}

const REQUIRED: ReadonlyArray<keyof EvidenceFields> = [
  'kind',
  'title',
  'language',
  'reliability',
  'confidentiality',
];

function optionalText(
  value: string | null | undefined,
  max: number,
  field: string,
  errors: UserError[],
): string | null {
  if (value == null) return null;
  const text = value.trim();
  if (text.length > max)
    errors.push(UserError.of(UserErrorCode.INVALID_INPUT, `At most ${max} characters.`, ['input', field]));
  return text === '' ? null : text;
}

function validDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks the given evidence fields and returns them as columns. Only fields present in the input are returned,
 * so an update touches just those; `creating` makes the required ones required.
 */
export function evidenceColumns(
  input: EvidenceFields,
  creating: boolean,
): { columns: Record<string, unknown>; errors: UserError[] } {
  const errors: UserError[] = [];
  const columns: Record<string, unknown> = {};
  for (const key of REQUIRED) {
    if ((creating && input[key] == null) || (!creating && input[key] === null)) {
      errors.push(UserError.of(UserErrorCode.INVALID_INPUT, `${key} is required.`, ['input', key]));
    }
  }
  const has = (key: keyof EvidenceFields) => input[key] !== undefined;
  if (has('kind') && input.kind != null) columns.kind = input.kind;
  if (has('reliability') && input.reliability != null) columns.reliability = input.reliability;
  if (has('confidentiality') && input.confidentiality != null)
    columns.confidentiality = input.confidentiality;
  if (has('title') && input.title != null) {
    const title = input.title.trim();
    if (title.length < 1 || title.length > 500) {
      errors.push(
        UserError.of(UserErrorCode.INVALID_INPUT, 'A title has 1 to 500 characters.', ['input', 'title']),
      );
    }
    columns.title = title;
  }
  if (has('citation')) columns.citation = optionalText(input.citation, 1000, 'citation', errors);
  if (has('issuingInstitution'))
    columns.issuing_institution = optionalText(input.issuingInstitution, 300, 'issuingInstitution', errors);
  if (has('url')) {
    const url = optionalText(input.url, 2000, 'url', errors);
    if (url !== null) {
      let ok = false;
      try {
        const parsed = new URL(url);
        ok =
          (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
          parsed.hostname.includes('.') &&
          !/\s/.test(url);
      } catch {
        ok = false;
      }
      if (!ok)
        errors.push(
          UserError.of(UserErrorCode.INVALID_INPUT, 'The URL must be a full http:// or https:// address.', [
            'input',
            'url',
          ]),
        );
    }
    columns.url = url;
  }
  if (has('documentDate')) {
    const date = input.documentDate == null ? null : input.documentDate.trim();
    if (date !== null && !validDate(date)) {
      errors.push(
        UserError.of(
          UserErrorCode.INVALID_INPUT,
          'The date must be a real date written YYYY-MM-DD (1900–2100).',
          ['input', 'documentDate'],
        ),
      );
    }
    columns.document_date = date;
  }
  if (has('language') && input.language != null) {
    const language = input.language.trim();
    if (!LANGUAGE_RE.test(language) || language.length > 35) {
      errors.push(
        UserError.of(
          UserErrorCode.INVALID_INPUT,
          'The language must be a BCP 47 tag such as sr-Latn, sq or en.',
          ['input', 'language'],
        ),
      );
    }
    columns.language = language;
  }
  return { columns, errors };
}
