/** Evidence attached to the generated answers: which sources back each indicator, and how each is cited. */
import type { Level, SeedEvidence } from './types';
import type { Ctx } from './answers-context';
import type { DocRef } from './answers-documents';
import { pick, rand } from './answers-random';

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

/** A date in a year (the reporting year, or the next one for reports on it), as YYYY-MM-DD. */
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
      return fromDoc('REPORT', p.coordinatorReport(py), dateIn(py + 1, r, 3, 7), 'MEDIUM');
    case 'rapporteurReport':
      return fromDoc('REPORT', p.rapporteurReport(py), dateIn(py + 1, r, 3, 6), 'HIGH');
    case 'statistics':
      return fromDoc('STATISTICS', p.statistics(py), `${py}-12-31`, r < 0.6 ? 'HIGH' : 'MEDIUM');
    case 'policeStatistics':
      return fromDoc('STATISTICS', p.policeStatistics(py), `${py}-12-31`, 'MEDIUM');
    case 'courtStatistics':
      return fromDoc('STATISTICS', p.courtStatistics(py), dateIn(py + 1, r, 4, 9), 'HIGH');
    case 'labourReport':
      return fromDoc('REPORT', p.labourReport(py), dateIn(py + 1, r, 2, 5), 'MEDIUM');
    case 'courtDecision': {
      // Fictitious on its face: a demo judgment must not read as a real court's case.
      const n = 10 + Math.floor(rand(r, 'case') * 480);
      return {
        kind: 'COURT_DECISION',
        title: 'Illustrative judgment in a trafficking case (fictitious, demo data)',
        citation: `Case DEMO-${n} (fictitious)`,
        url: null,
        date: dateIn(py, rand(r, 'date')),
        language: p.docLanguage,
        issuingInstitution: `An illustrative court (${p.institutions.court})`,
        reliability: 'HIGH',
        confidentiality: 'PARTNERS',
      };
    }
    case 'shelterVisit':
      return {
        kind: 'MONITORING_VISIT',
        title: 'An illustrative monitoring visit to a shelter (fictitious, demo data)',
        citation: 'Illustrative visit notes (demo data)',
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
        title: 'An illustrative interview with a survivor of trafficking (fictitious, demo data)',
        citation: `Interview record DEMO-${cc}-${String(1 + Math.floor(r * 40)).padStart(2, '0')} (fictitious)`,
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
        title: `An illustrative interview with officials of the ${p.institutions[ctx.role]} (fictitious, demo data)`,
        citation: 'Illustrative interview notes (demo data)',
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
        title: `Illustrative summary of legal aid case files of ${p.ngo} (fictitious, demo data)`,
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
    case 'tip': {
      // The report of year Y + 1 covers April of Y to March of Y + 1: the one that describes the year Y.
      const edition = py + 1;
      return {
        kind: 'REPORT',
        title: `${edition} Trafficking in Persons Report: ${p.name}`,
        citation: `U.S. Department of State, ${edition} Trafficking in Persons Report, country narrative (reporting period April ${py} – March ${edition})`,
        url: tipUrl(edition, p.tipSlug),
        date: tipDates[edition] ?? null,
        language: 'en',
        issuingInstitution: 'U.S. Department of State',
        reliability: 'MEDIUM',
        confidentiality: 'PUBLIC',
      };
    }
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

/** Release dates of the U.S. Trafficking in Persons Report; a later edition's date and address were not checked. */
const tipDates: Record<number, string> = { 2023: '2023-06-15', 2024: '2024-06-24' };

function tipUrl(edition: number, slug: string): string | null {
  return tipDates[edition]
    ? `https://www.state.gov/reports/${edition}-trafficking-in-persons-report/${slug}/`
    : null;
}
/** Adoption dates of the European Commission's enlargement package. */
const enlargementPackageDates: Record<number, string> = { 2023: '2023-11-08', 2024: '2024-10-30' };

export function evidenceFor(ctx: Ctx): SeedEvidence[] {
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
