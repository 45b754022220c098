/**
 * Shapes of the demo content. Kept free of ORM and GraphQL imports so the content files read as data.
 */
export type LocaleTag = 'en' | 'sq' | 'bs' | 'hr' | 'cnr' | 'mk' | 'sr-Latn' | 'sr-Cyrl';

/** A text that users read: English is always present, the region's locales where translated. */
export type I18n = { en: string } & Partial<Record<Exclude<LocaleTag, 'en'>, string>>;

export type CountryCode = 'AL' | 'BA' | 'ME' | 'MK' | 'RS';

export type Instrument =
  'COE_CONVENTION' | 'EU_DIRECTIVE_2011_36' | 'PALERMO_PROTOCOL' | 'NATIONAL_ACTION_PLAN';

export interface SeedStandard {
  /** Stable key used by indicators to refer to this standard, e.g. "coe-art-10". */
  key: string;
  instrument: Instrument;
  /** Article or measure reference as cited, e.g. "Art. 10(1)" or "Measure 2.3". */
  reference: string;
  /** Only for NATIONAL_ACTION_PLAN measures: the country whose plan it is. */
  countryCode?: CountryCode;
  title: I18n;
  summary: I18n;
}

export type Pillar = 'PREVENTION' | 'PROTECTION' | 'PROSECUTION' | 'PARTNERSHIP';

export interface SeedArea {
  /** e.g. "PREV" for a pillar, "PREV-AWR" for a sub-theme. */
  code: string;
  pillar: Pillar;
  title: I18n;
  description: I18n;
  subThemes: Array<{ code: string; title: I18n; description: I18n }>;
}

export type IndicatorType = 'STRUCTURAL' | 'PROCESS' | 'OUTCOME';
export type AnswerType = 'SCORE' | 'NUMBER' | 'PERCENT' | 'BOOLEAN' | 'TEXT';

export interface SeedIndicator {
  /** e.g. "PREV-1.2"; stable across framework versions so trends can be compared. */
  code: string;
  /** Code of the sub-theme (or pillar area) it belongs to. */
  areaCode: string;
  type: IndicatorType;
  answerType: AnswerType;
  title: I18n;
  guidance: I18n;
  meansOfVerification: I18n;
  /** Disaggregations the answer should give, e.g. ["sex", "age", "form of exploitation"]. */
  expectedBreakdowns: string[];
  /** Keys of SeedStandard entries this indicator measures (at least one). */
  standardKeys: string[];
}

export interface SeedScoreLevel {
  /** 0..3 for the scale, null for NOT_APPLICABLE and NO_DATA. */
  value: number | null;
  code: '0' | '1' | '2' | '3' | 'NOT_APPLICABLE' | 'NO_DATA';
  label: I18n;
  descriptor: I18n;
}

export type EvidenceKind =
  | 'LAW'
  | 'BYLAW'
  | 'POLICY'
  | 'SOP'
  | 'COURT_DECISION'
  | 'STATISTICS'
  | 'INTERVIEW'
  | 'MONITORING_VISIT'
  | 'REPORT'
  | 'MEDIA'
  | 'OTHER';
export type Level = 'HIGH' | 'MEDIUM' | 'LOW';
export type Confidentiality = 'PUBLIC' | 'PARTNERS' | 'INTERNAL';

export interface SeedEvidence {
  kind: EvidenceKind;
  title: string;
  citation: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) of the document, decision or visit. */
  date: string | null;
  /** Language tag of the document itself, e.g. "sr-Latn", "en". */
  language: string;
  issuingInstitution: string | null;
  reliability: Level;
  confidentiality: Confidentiality;
}

/** What the seed records for one country × indicator in one cycle. */
export interface SeedAnswer {
  score: number | null;
  notScoredReason: 'NOT_APPLICABLE' | 'NO_DATA' | null;
  valueNumber: number | null;
  valueBoolean: boolean | null;
  valueText: string | null;
  narrative: I18n;
  confidence: Level;
  evidence: SeedEvidence[];
}
