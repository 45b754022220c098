/**
 * Deterministic generator of recorded answers (country × indicator × cycle year) for the demo database.
 *
 * Everything is derived from a small hash-based PRNG keyed by the arguments and `seed`, so the same call
 * always returns the same answer. A cycle year Y reports on the calendar year Y − 1 (the "reporting year").
 */
import type { CountryCode, I18n, Level, SeedAnswer, SeedEvidence, SeedIndicator } from './types';
import { countryProfiles, type CountryProfile, type Role } from './answers-countries';
import type { DocRef } from './answers-documents';
import {
  booleanTruth,
  gapsFor,
  localTemplates,
  numberSpecs,
  percentSpecs,
  positives,
  scoreDifficulty,
  zeroPhrases,
} from './answers-text';

// ---------------------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------------------

/** FNV-1a 32-bit hash. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One draw of mulberry32 seeded by the hash of the key parts: a float in [0, 1). */
function rand(...parts: Array<string | number>): number {
  let t = (hash(parts.join('|')) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function pick<T>(items: readonly T[], r: number): T {
  const item = items[Math.min(items.length - 1, Math.floor(r * items.length))];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

// ---------------------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------------------

interface Ctx {
  cc: CountryCode;
  p: CountryProfile;
  ind: SeedIndicator;
  year: number;
  /** Reporting year: the calendar year the cycle reports on. */
  py: number;
  seed: number;
  role: Role;
}

const roleBySubTheme: Record<string, Role> = {
  'PREV-AWR': 'coordinator',
  'PREV-VUL': 'social',
  'PREV-DEM': 'labour',
  'PROT-ID': 'identification',
  'PROT-AST': 'shelter',
  'PROT-CHD': 'social',
  'PROT-MIG': 'police',
  'PROS-LEG': 'justice',
  'PROS-INV': 'prosecution',
  'PROS-JUD': 'court',
  'PROS-REM': 'court',
  'PART-COORD': 'coordinator',
  'PART-CSO': 'coordinator',
  'PART-DATA': 'data',
  'PART-INT': 'police',
};

const roleByIndicator: Record<string, Role> = {
  'PREV-1.4': 'police',
  'PREV-2.4': 'police',
  'PREV-3.1': 'justice',
  'PROT-2.1': 'identification',
  'PROT-3.3': 'identification',
  'PROS-2.1': 'prosecution',
  'PROS-4.1': 'justice',
  'PROS-4.2': 'prosecution',
  'PROS-4.5': 'justice',
  'PART-1.4': 'rapporteur',
  'PART-3.3': 'coordinator',
  'PART-4.2': 'prosecution',
  'PART-4.3': 'coordinator',
};

function roleFor(ind: SeedIndicator): Role {
  return roleByIndicator[ind.code] ?? roleBySubTheme[ind.areaCode] ?? 'coordinator';
}

// ---------------------------------------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------------------------------------

/** Change of score in `year` relative to the year before: mostly 0, sometimes +1, rarely −1. */
function scoreDelta(cc: CountryCode, code: string, year: number, seed: number): number {
  const r = rand(seed, cc, code, year, 'trend');
  if (r < 0.22) return 1;
  if (r < 0.26) return -1;
  return 0;
}

/** Underlying 0–3 score (before any NO_DATA / NOT_APPLICABLE decision); 2024 is the base year. */
function scoreIn(cc: CountryCode, ind: SeedIndicator, year: number, seed: number): number {
  const difficulty = scoreDifficulty[ind.code] ?? (rand(seed, ind.code, 'difficulty') - 0.5) * 0.8;
  const noise = (rand(seed, cc, ind.code, 'level') - 0.5) * 2;
  let s = Math.round(clamp(1.4 + countryProfiles[cc].scoreBias + difficulty + noise, 0, 3));
  for (let y = 2025; y <= year; y++) s = clamp(s + scoreDelta(cc, ind.code, y, seed), 0, 3);
  for (let y = 2024; y > year; y--) s = clamp(s - scoreDelta(cc, ind.code, y, seed), 0, 3);
  return s;
}

/** Indicators (or sub-themes) that can be NOT_APPLICABLE, with the reason given in the narrative. */
const notApplicableWhy: Record<string, string> = {
  'PROT-MIG': 'no foreign victims were identified and no victims were returned in {py}',
  'PROT-3.1': 'no unaccompanied or separated child victims were identified in {py}',
};

function notScored(ctx: Ctx): 'NOT_APPLICABLE' | 'NO_DATA' | null {
  const r = rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'not-scored');
  const pNa = (notApplicableWhy[ctx.ind.code] ?? notApplicableWhy[ctx.ind.areaCode]) !== undefined ? 0.12 : 0;
  const pNoData = ctx.ind.type === 'OUTCOME' ? 0.12 : ctx.ind.type === 'PROCESS' ? 0.07 : 0.03;
  if (r < pNa) return 'NOT_APPLICABLE';
  if (r < pNa + pNoData) return 'NO_DATA';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers and percentages
// ---------------------------------------------------------------------------------------------------------

const genericNumberRange: [number, number] = [5, 60];
const genericPercentRange: [number, number] = [20, 80];

function numberValue(cc: CountryCode, code: string, year: number, seed: number): number {
  const [lo, hi] = numberSpecs[code]?.range[cc] ?? genericNumberRange;
  const level = lo + (hi - lo) * rand(seed, cc, code, 'level');
  const yearly = 1 + (rand(seed, cc, code, year, 'yearly') - 0.5) * 0.3;
  return Math.round(clamp(level * yearly, lo, hi));
}

function percentValue(cc: CountryCode, code: string, year: number, seed: number): number {
  const spec = percentSpecs[code];
  const [lo, hi] = spec?.range[cc] ?? genericPercentRange;
  const level = lo + (hi - lo) * rand(seed, cc, code, 'level');
  const yearly = (rand(seed, cc, code, year, 'yearly') - 0.5) * 0.15 * (hi - lo);
  const trend = (spec?.trendPerYear ?? 0) * (year - 2024);
  return Math.round(clamp(level + yearly + trend, Math.max(0, lo), Math.min(100, hi)) * 10) / 10;
}

// ---------------------------------------------------------------------------------------------------------
// Narratives
// ---------------------------------------------------------------------------------------------------------

/** The indicator title as quoted in a narrative. */
const topicOf = (ind: SeedIndicator): string => `"${ind.title.en}"`;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    values[name] === undefined ? match : String(values[name]),
  );
}

function scoreNarrativeEn(ctx: Ctx, score: number): string {
  const { p, ind, py } = ctx;
  const inst = p.institutions[ctx.role];
  const topic = topicOf(ind);
  const r = rand(ctx.seed, ctx.cc, ind.code, ctx.year, 'phrase');
  const gap = pick(gapsFor(ind), r);
  let text: string;
  if (score === 3) {
    text = `As regards ${topic}, ${p.name} is fully in line with the standard: the relevant rules are applied consistently by the ${inst}, and ${fill(pick(positives, r), { py, ngo: p.ngoRef })}.`;
  } else if (score === 2) {
    text = `As regards ${topic}, ${p.name} is largely in line with the standard; the rules are applied by the ${inst} in most cases, but ${gap}.`;
  } else if (score === 1) {
    text = `As regards ${topic}, ${p.name} is only partially in line with the standard: provisions exist, but their application by the ${inst} is inconsistent, and ${gap}.`;
  } else {
    text = `As regards ${topic}, nothing is in place in ${p.name}: the ${inst} could not point to any operational measure in ${py}, and ${pick(zeroPhrases, r)}.`;
  }
  if (ctx.year > 2024) {
    const previous = scoreIn(ctx.cc, ind, ctx.year - 1, ctx.seed);
    if (score > previous) text += ' This is an improvement compared with the previous monitoring cycle.';
    if (score < previous) text += ' This is a deterioration compared with the previous monitoring cycle.';
  }
  return text;
}

/** Local-language narrative, for about 70 % of answers. */
function localNarrative(ctx: Ctx, kind: keyof typeof localTemplates.sr, value?: string): Partial<I18n> {
  if (rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'local') >= 0.7) return {};
  const { p } = ctx;
  const t = localTemplates[p.dialect];
  const localTitle = p.dialect === 'ije' ? undefined : ctx.ind.title[p.locale];
  const body = fill(t[kind], {
    inst: p.localInstitutions[ctx.role],
    py: ctx.py,
    v: value ?? '',
  });
  return { [p.locale]: `${localTitle ?? t.prefix}: ${body}` };
}

const formatLocal = (v: number): string => String(v).replace('.', ',');

// ---------------------------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------------------------

type EvidenceId =
  | 'criminalCode'
  | 'foreignersLaw'
  | 'procedures'
  | 'strategy'
  | 'coordinatorReport'
  | 'rapporteurReport'
  | 'statistics'
  | 'policeStatistics'
  | 'courtStatistics'
  | 'labourReport'
  | 'courtDecision'
  | 'shelterVisit'
  | 'survivorInterview'
  | 'officialInterview'
  | 'caseFiles'
  | 'greta'
  | 'tip'
  | 'ecReport';

const evidenceBySubTheme: Record<string, EvidenceId[]> = {
  'PREV-AWR': ['coordinatorReport', 'strategy', 'officialInterview'],
  'PREV-VUL': ['rapporteurReport', 'officialInterview', 'coordinatorReport'],
  'PREV-DEM': ['labourReport', 'officialInterview', 'rapporteurReport'],
  'PROT-ID': ['procedures', 'statistics', 'officialInterview'],
  'PROT-AST': ['shelterVisit', 'survivorInterview', 'statistics'],
  'PROT-CHD': ['statistics', 'officialInterview', 'rapporteurReport'],
  'PROT-MIG': ['foreignersLaw', 'policeStatistics', 'officialInterview'],
  'PROS-LEG': ['criminalCode', 'officialInterview'],
  'PROS-INV': ['policeStatistics', 'courtDecision', 'officialInterview'],
  'PROS-JUD': ['courtStatistics', 'courtDecision', 'survivorInterview'],
  'PROS-REM': ['courtDecision', 'caseFiles', 'survivorInterview'],
  'PART-COORD': ['coordinatorReport', 'strategy', 'officialInterview'],
  'PART-CSO': ['officialInterview', 'coordinatorReport', 'strategy'],
  'PART-DATA': ['statistics', 'coordinatorReport', 'rapporteurReport'],
  'PART-INT': ['policeStatistics', 'officialInterview', 'coordinatorReport'],
};

const evidenceByIndicator: Record<string, EvidenceId[]> = {
  'PART-3.3': ['coordinatorReport', 'strategy', 'rapporteurReport'],
  'PART-4.3': ['greta', 'coordinatorReport', 'officialInterview'],
  'PROS-4.1': ['criminalCode', 'caseFiles'],
  'PROS-4.3': ['courtDecision', 'caseFiles', 'officialInterview'],
};

const primaryEvidence: Record<string, EvidenceId> = {
  'PREV-3.1': 'criminalCode',
  'PROT-1.3': 'statistics',
  'PROT-1.4': 'statistics',
  'PROT-2.1': 'statistics',
  'PROT-2.4': 'foreignersLaw',
  'PROT-4.1': 'foreignersLaw',
  'PROS-3.1': 'courtStatistics',
  'PROS-4.1': 'criminalCode',
  'PART-1.4': 'rapporteurReport',
  'PART-4.3': 'greta',
};

const generalEvidence: EvidenceId[] = ['greta', 'tip', 'ecReport'];

/** A date in the reporting year, as YYYY-MM-DD. */
function dateIn(py: number, r: number, fromMonth = 1, toMonth = 12): string {
  const month = fromMonth + Math.floor(r * (toMonth - fromMonth + 1));
  const day = 1 + Math.floor(rand(r, 'day') * 28);
  return `${py}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromDoc(
  kind: SeedEvidence['kind'],
  doc: DocRef,
  date: string | null,
  reliability: Level,
): SeedEvidence {
  return { kind, ...doc, date, reliability, confidentiality: 'PUBLIC' };
}

function buildEvidence(ctx: Ctx, id: EvidenceId, r: number): SeedEvidence {
  const { p, py, cc } = ctx;
  switch (id) {
    case 'criminalCode':
      return fromDoc('LAW', p.criminalCode, null, 'HIGH');
    case 'foreignersLaw':
      return fromDoc('LAW', p.foreignersLaw, null, 'HIGH');
    case 'procedures':
      return fromDoc(p.procedures.kind, p.procedures, null, 'HIGH');
    case 'strategy':
      return fromDoc('POLICY', p.strategy, null, 'HIGH');
    case 'coordinatorReport':
      return fromDoc('REPORT', p.coordinatorReport(py - 1), dateIn(py, r, 3, 7), 'MEDIUM');
    case 'rapporteurReport':
      return fromDoc('REPORT', p.rapporteurReport(py - 1), dateIn(py, r, 3, 6), 'HIGH');
    case 'statistics':
      return fromDoc('STATISTICS', p.statistics(py), `${py}-12-31`, r < 0.6 ? 'HIGH' : 'MEDIUM');
    case 'policeStatistics':
      return fromDoc('STATISTICS', p.policeStatistics(py), `${py}-12-31`, 'MEDIUM');
    case 'courtStatistics':
      return fromDoc('STATISTICS', p.courtStatistics(py - 1), dateIn(py, r, 4, 9), 'HIGH');
    case 'labourReport':
      return fromDoc('REPORT', p.labourReport(py - 1), dateIn(py, r, 2, 5), 'MEDIUM');
    case 'courtDecision': {
      const court = pick(p.courts, r);
      const caseYear = r < 0.5 ? py - 1 : py;
      const n = 10 + Math.floor(rand(r, 'case') * 480);
      return {
        kind: 'COURT_DECISION',
        title: `${court}, judgment in a trafficking case (anonymised)`,
        citation: `${court}, ${p.caseNumber(n, caseYear % 100)}`,
        url: null,
        date: dateIn(py, rand(r, 'date')),
        language: p.docLanguage,
        issuingInstitution: court,
        reliability: 'HIGH',
        confidentiality: 'PARTNERS',
      };
    }
    case 'shelterVisit':
      return {
        kind: 'MONITORING_VISIT',
        title: `Monitoring visit to ${p.shelterVisited}`,
        citation: `Visit notes, ${p.ngo}`,
        url: null,
        date: dateIn(py, r),
        language: p.locale,
        issuingInstitution: p.ngo,
        reliability: 'MEDIUM',
        confidentiality: 'PARTNERS',
      };
    case 'survivorInterview':
      return {
        kind: 'INTERVIEW',
        title: 'Interview with a survivor of trafficking (anonymised)',
        citation: `Interview record ${cc}-S-${String(1 + Math.floor(r * 40)).padStart(2, '0')}/${py}`,
        url: null,
        date: dateIn(py, r),
        language: p.locale,
        issuingInstitution: p.ngo,
        reliability: 'MEDIUM',
        confidentiality: 'INTERNAL',
      };
    case 'officialInterview':
      return {
        kind: 'INTERVIEW',
        title: `Interview with representatives of the ${p.institutions[ctx.role]}`,
        citation: `Interview notes, ${p.ngo}`,
        url: null,
        date: dateIn(py, r),
        language: p.locale,
        issuingInstitution: p.ngo,
        reliability: 'MEDIUM',
        confidentiality: 'PARTNERS',
      };
    case 'caseFiles':
      return {
        kind: 'OTHER',
        title: `Case files of the legal aid programme of ${p.ngo} (anonymised summary)`,
        citation: null,
        url: null,
        date: `${py}-12-31`,
        language: p.locale,
        issuingInstitution: p.ngo,
        reliability: 'MEDIUM',
        confidentiality: 'INTERNAL',
      };
    case 'greta':
      return {
        kind: 'REPORT',
        title: `GRETA Evaluation Report on ${p.name}: third evaluation round`,
        citation:
          'Council of Europe, GRETA, third evaluation round report (thematic focus: access to justice and effective remedies for victims of trafficking)',
        url: p.gretaPage,
        date: null,
        language: 'en',
        issuingInstitution:
          'Council of Europe – Group of Experts on Action against Trafficking in Human Beings (GRETA)',
        reliability: 'HIGH',
        confidentiality: 'PUBLIC',
      };
    case 'tip':
      return {
        kind: 'REPORT',
        title: `${py} Trafficking in Persons Report: ${p.name}`,
        citation: `U.S. Department of State, ${py} Trafficking in Persons Report, country narrative`,
        url: `https://www.state.gov/reports/${py}-trafficking-in-persons-report/${p.tipSlug}/`,
        date: tipDates[py] ?? null,
        language: 'en',
        issuingInstitution: 'U.S. Department of State',
        reliability: 'MEDIUM',
        confidentiality: 'PUBLIC',
      };
    case 'ecReport':
      return {
        kind: 'REPORT',
        title: `${p.name} ${py} Report (Commission Staff Working Document)`,
        citation: 'European Commission, enlargement package, chapter 24: justice, freedom and security',
        url: 'https://neighbourhood-enlargement.ec.europa.eu/',
        date: enlargementPackageDates[py] ?? null,
        language: 'en',
        issuingInstitution: 'European Commission',
        reliability: 'MEDIUM',
        confidentiality: 'PUBLIC',
      };
  }
}

/** Release dates of the U.S. Trafficking in Persons Report. */
const tipDates: Record<number, string> = { 2023: '2023-06-15', 2024: '2024-06-24' };
/** Adoption dates of the European Commission's enlargement package. */
const enlargementPackageDates: Record<number, string> = { 2023: '2023-11-08', 2024: '2024-10-30' };

function evidenceFor(ctx: Ctx): SeedEvidence[] {
  const pool = evidenceByIndicator[ctx.ind.code] ??
    evidenceBySubTheme[ctx.ind.areaCode] ?? ['officialInterview', 'coordinatorReport'];
  const primary = primaryEvidence[ctx.ind.code] ?? pool[0] ?? 'officialInterview';
  const candidates = [...pool, ...generalEvidence].filter((id) => id !== primary);
  const count = 1 + Math.floor(rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'evidence-count') * 3);
  const chosen: EvidenceId[] = [primary];
  for (let i = 0; chosen.length < count && i < 10; i++) {
    const id = pick(candidates, rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'evidence', i));
    if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen.map((id, i) => buildEvidence(ctx, id, rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, id, i)));
}

// ---------------------------------------------------------------------------------------------------------
// Answer
// ---------------------------------------------------------------------------------------------------------

function confidenceFor(ctx: Ctx, notScoredReason: string | null): Level {
  if (notScoredReason === 'NO_DATA') return 'LOW';
  if (notScoredReason === 'NOT_APPLICABLE') return 'MEDIUM';
  const r = rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'confidence');
  switch (ctx.ind.answerType) {
    case 'BOOLEAN':
      return 'HIGH';
    case 'TEXT':
      return 'MEDIUM';
    case 'NUMBER':
    case 'PERCENT':
      return r < 0.65 ? 'HIGH' : 'MEDIUM';
    case 'SCORE':
      if (ctx.ind.type === 'STRUCTURAL') return r < 0.55 ? 'HIGH' : r < 0.9 ? 'MEDIUM' : 'LOW';
      return r < 0.35 ? 'HIGH' : r < 0.8 ? 'MEDIUM' : 'LOW';
  }
}

const emptyValues = {
  score: null,
  notScoredReason: null,
  valueNumber: null,
  valueBoolean: null,
  valueText: null,
} satisfies Pick<SeedAnswer, 'score' | 'notScoredReason' | 'valueNumber' | 'valueBoolean' | 'valueText'>;

export function answerFor(
  countryCode: CountryCode,
  indicator: SeedIndicator,
  year: number,
  seed: number,
): SeedAnswer {
  const p = countryProfiles[countryCode];
  const ctx: Ctx = { cc: countryCode, p, ind: indicator, year, py: year - 1, seed, role: roleFor(indicator) };
  const inst = p.institutions[ctx.role];
  const evidence = evidenceFor(ctx);

  switch (indicator.answerType) {
    case 'SCORE': {
      const reason = notScored(ctx);
      if (reason === 'NO_DATA') {
        return {
          ...emptyValues,
          notScoredReason: reason,
          narrative: {
            en: `No score could be given for ${topicOf(indicator)}: the ${inst} did not reply to the request for information submitted by ${p.ngoRef}, and no other reliable source covering ${ctx.py} was available.`,
            ...localNarrative(ctx, 'noData'),
          },
          confidence: confidenceFor(ctx, reason),
          evidence: evidence.slice(0, 1),
        };
      }
      if (reason === 'NOT_APPLICABLE') {
        return {
          ...emptyValues,
          notScoredReason: reason,
          narrative: {
            en: `The indicator ${topicOf(indicator)} was not applicable in ${p.name} in this cycle, as ${fill(
              notApplicableWhy[indicator.code] ??
                notApplicableWhy[indicator.areaCode] ??
                'no relevant cases arose in {py}',
              { py: ctx.py },
            )}.`,
            ...localNarrative(ctx, 'notApplicable'),
          },
          confidence: confidenceFor(ctx, reason),
          evidence: evidence.slice(0, 1),
        };
      }
      const score = scoreIn(countryCode, indicator, year, seed);
      return {
        ...emptyValues,
        score,
        narrative: {
          en: scoreNarrativeEn(ctx, score),
          ...localNarrative(ctx, (['score0', 'score1', 'score2', 'score3'] as const)[score] ?? 'score1'),
        },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
    case 'NUMBER': {
      const v = numberValue(countryCode, indicator.code, year, seed);
      const spec = numberSpecs[indicator.code];
      const en = spec
        ? spec.narrative(v, {
            inst,
            py: ctx.py,
            ngo: p.ngoRef,
            r: rand(seed, countryCode, indicator.code, year, 'detail'),
            forms: p.frequentForms,
            childShare: percentValue(countryCode, 'PROT-3.3', year, seed),
          })
        : `In ${ctx.py}, the ${inst} reported a value of ${v} for this indicator.`;
      return {
        ...emptyValues,
        valueNumber: v,
        narrative: { en, ...localNarrative(ctx, 'number', String(v)) },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
    case 'PERCENT': {
      const v = percentValue(countryCode, indicator.code, year, seed);
      const spec = percentSpecs[indicator.code];
      const en = spec
        ? spec.narrative(v, { inst, py: ctx.py, ngo: p.ngoRef })
        : `In ${ctx.py}, the value recorded by the ${inst} was ${v}%.`;
      return {
        ...emptyValues,
        valueNumber: v,
        narrative: { en, ...localNarrative(ctx, 'percent', formatLocal(v)) },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
    case 'BOOLEAN': {
      const truth = booleanTruth[indicator.code];
      const known = truth?.values[countryCode];
      const v = known ?? rand(seed, countryCode, indicator.code, 'boolean') < 0.5 + p.scoreBias * 0.5;
      const en = truth
        ? fill(v ? truth.yes : truth.no, {
            inst,
            country: p.name,
            criminalCode: p.criminalCode.title,
            foreignersLaw: p.foreignersLaw.title,
            coordinator: p.institutions.coordinator,
            rapporteur: p.institutions.rapporteur,
          })
        : `${indicator.title.en}: ${v ? 'yes' : 'no'}, according to the ${inst}.`;
      return {
        ...emptyValues,
        valueBoolean: v,
        narrative: { en, ...localNarrative(ctx, v ? 'yes' : 'no') },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
    case 'TEXT': {
      const valueText = textValue(ctx);
      return {
        ...emptyValues,
        valueText,
        narrative: {
          en: `Summary prepared by ${p.ngoRef} on the basis of official documents and interviews with the ${inst}; see the recorded text for details.`,
          ...localNarrative(ctx, 'text'),
        },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
  }
}

/** Two or three items from the country's pool, in a stable order. */
function textValue(ctx: Ctx): string {
  const { p, py } = ctx;
  const pool = ctx.ind.code === 'PART-4.3' ? p.gretaPending : p.developments;
  const ranked = pool
    .map((item, i) => ({ item, r: rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'text', i) }))
    .sort((a, b) => a.r - b.r)
    .slice(0, 2 + Math.floor(rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'text-count') * 2))
    .map((x) => x.item);
  if (ctx.ind.code === 'PART-4.3') {
    const list = ranked.map((item, i) => `(${i + 1}) ${item}`).join('; ');
    return `Monitoring in ${py} found that the following GRETA recommendations to ${p.name} remained largely unimplemented: ${list}.`;
  }
  return ranked.join(' ');
}
