/**
 * Phrases, value ranges and templates used by the answer generator (answers.ts and its answers-*.ts parts).
 */
import type { CountryCode, SeedIndicator } from './types';
import type { Dialect } from './answers-countries';

/** How hard an indicator is to meet, shared by all countries (added to the score baseline). */
export const scoreDifficulty: Record<string, number> = {
  'PREV-1.1': -0.3,
  'PREV-1.2': -0.1,
  'PREV-1.3': -0.2,
  'PREV-1.4': -0.5,
  'PREV-2.1': -0.2,
  'PREV-2.2': -0.3,
  'PREV-2.3': 0.2,
  'PREV-2.4': 0,
  'PREV-3.1': -0.6,
  'PREV-3.3': 0.1,
  'PREV-3.4': -1.2,
  'PROT-1.1': 0.6,
  'PROT-1.2': 0.4,
  'PROT-1.5': 0,
  'PROT-2.2': 0.1,
  'PROT-2.3': 0.2,
  'PROT-2.5': -0.5,
  'PROT-2.6': 0.1,
  'PROT-3.1': 0,
  'PROT-3.2': -0.2,
  'PROT-4.1': 0.3,
  'PROT-4.2': -0.1,
  'PROS-1.1': 0.9,
  'PROS-1.2': 0.8,
  'PROS-1.3': 0.2,
  'PROS-2.1': 0.3,
  'PROS-2.3': -0.5,
  'PROS-2.4': -0.1,
  'PROS-3.3': -0.2,
  'PROS-3.4': 0.3,
  'PROS-4.2': -0.8,
  'PROS-4.3': -0.9,
  'PROS-4.5': -0.3,
  'PART-1.1': 0.5,
  'PART-1.2': 0.2,
  'PART-2.1': 0.3,
  'PART-2.2': -0.6,
  'PART-2.3': 0.1,
  'PART-3.1': -0.3,
  'PART-3.2': 0,
  'PART-4.1': 0.3,
  'PART-4.2': 0.1,
};

const gapsBySubTheme: Record<string, string[]> = {
  'PREV-AWR': [
    'campaigns are short, donor-funded and not evaluated',
    'activities rarely reach rural areas and young people outside the education system',
  ],
  'PREV-VUL': [
    'programmes depend on short-term projects and do not reach Roma settlements consistently',
    'children who go missing from care are not systematically followed up',
  ],
  'PREV-DEM': [
    'inspections seldom look for indicators of forced labour and rarely lead to referrals',
    'sanctions against abusive employers and recruitment agencies remain rare',
  ],
  'PROT-ID': [
    'victims of labour exploitation and presumed victims among migrants are rarely identified',
    'first-line professionals outside the capital are not familiar with the procedure',
  ],
  'PROT-AST': [
    'services are concentrated in the capital and there is no specialised accommodation for men',
    'support usually ends after the emergency phase, before reintegration is achieved',
  ],
  'PROT-CHD': [
    'guardians have high caseloads and little training on trafficking',
    'best-interests assessments are not documented in every case',
  ],
  'PROT-MIG': [
    'residence permits are in practice linked to co-operation with the police',
    'risk assessments before return are not carried out systematically',
  ],
  'PROS-LEG': [
    'not all forms of exploitation listed in the amended EU Directive are covered',
    'the offence is still confused in practice with related offences such as mediation in prostitution',
  ],
  'PROS-INV': [
    'investigations still rely heavily on the testimony of victims',
    'financial investigations are rarely conducted in parallel with criminal investigations',
  ],
  'PROS-JUD': [
    'proceedings last several years and sentences often fall below the statutory minimum',
    'victims are still questioned repeatedly and meet the defendants in court corridors',
  ],
  'PROS-REM': [
    'victims are routinely referred to civil litigation to claim compensation',
    'awards that are made are rarely paid because offenders have no registered assets',
  ],
  'PART-COORD': [
    'the co-ordinating body meets irregularly and has no budget of its own',
    'the action plan was adopted late and its measures are not costed',
  ],
  'PART-CSO': [
    'funding for NGO services is annual and often paid late',
    'NGO comments made in consultations receive no feedback',
  ],
  'PART-DATA': [
    'police, prosecution and court data cannot be linked to each other',
    'statistics are published late and without breakdowns by form of exploitation',
  ],
  'PART-INT': [
    'agreements are rarely used in individual cases',
    'responses to requests for mutual legal assistance take many months',
  ],
};

const gapsByIndicator: Record<string, string[]> = {
  'PREV-1.4': [
    'online monitoring is ad hoc and depends on individual officers',
    'there is no co-operation protocol with internet platforms',
  ],
  'PREV-2.3': [
    'late birth registration remains slow and costly for persons without documents',
    'legally invisible persons still cannot access health care and social assistance',
  ],
  'PREV-2.4': [
    'screening is applied inconsistently in reception and asylum centres',
    'border police do not use written indicators',
  ],
  'PREV-3.4': [
    'procurement rules do not allow bidders linked to forced labour to be excluded',
    'no guidance on supply-chain due diligence exists',
  ],
  'PROT-2.6': [
    'media still publish details that allow victims to be identified',
    'access to victim records is not logged or audited',
  ],
  'PROS-1.3': [
    'no legal person has ever been prosecuted for trafficking',
    'the available sanctions for legal persons are limited to fines',
  ],
  'PROS-4.2': [
    'victims continued to be fined for prostitution or irregular border crossing committed while exploited',
    'prosecutors have no written guidance on the non-punishment principle',
  ],
  'PROS-4.5': [
    'free legal aid is provided mainly by NGOs with short-term project funding',
    'victims are often without a lawyer during the investigation phase',
  ],
};

export function gapsFor(ind: SeedIndicator): string[] {
  return gapsByIndicator[ind.code] ?? gapsBySubTheme[ind.areaCode] ?? ['implementation remains uneven'];
}

export const positives: string[] = [
  'NGO partners confirmed consistent practice throughout {py}',
  'monitoring by {ngo} did not reveal significant gaps in {py}',
  'the illustrative demo data show no gap here',
];

export const zeroPhrases: string[] = [
  'the issue is not addressed in the current action plan',
  'no budget has been allocated for it',
  'no institution has been given responsibility for it',
];

// ---------------------------------------------------------------------------------------------------------
// Numbers and percentages
// ---------------------------------------------------------------------------------------------------------

export interface NumberDetail {
  inst: string;
  py: number;
  ngo: string;
  /** A deterministic random number for details of the narrative. */
  r: number;
  forms: string[];
  /** Share of children among identified victims (%), consistent with PROT-3.3. */
  childShare: number;
}

type Ranges = Record<CountryCode, [number, number]>;

export const numberSpecs: Record<
  string,
  { range: Ranges; narrative: (v: number, d: NumberDetail) => string }
> = {
  'PREV-3.2': {
    range: { RS: [150, 600], AL: [100, 400], BA: [80, 300], MK: [50, 200], ME: [30, 120] },
    narrative: (v, d) =>
      `In ${d.py}, the ${d.inst} carried out ${v} inspections in agriculture, construction, hospitality and other high-risk sectors that included checks for trafficking indicators; ${Math.floor(d.r * 4)} presumed victims were referred for identification as a result.`,
  },
  'PROT-1.3': {
    // MK: between two and nine formally identified victims a year, 2017–2021 but for 39 in 2021 (GRETA third
    // report on North Macedonia, 2023). ME: 67 in 2021–2024, some 17 a year (GRETA report on Montenegro, 2025).
    // The other ranges are illustrative, not checked. Sources: docs/demo-data.md.
    range: { RS: [40, 110], AL: [80, 150], BA: [50, 90], MK: [2, 9], ME: [10, 25] },
    narrative: (v, d) => {
      const children = Math.round((v * d.childShare) / 100);
      const women = 55 + Math.round(d.r * 30);
      const form =
        d.forms[Math.min(d.forms.length - 1, Math.floor(d.r * d.forms.length))] ?? 'sexual exploitation';
      return `In ${d.py}, the ${d.inst} formally identified ${v} victims of trafficking. About ${women}% were women and girls and ${children} were children; ${form} was the most frequently recorded form of exploitation.`;
    },
  },
  'PROT-1.4': {
    range: { RS: [100, 200], AL: [120, 250], BA: [60, 130], MK: [50, 120], ME: [10, 40] },
    narrative: (v, d) =>
      `In ${d.py}, ${v} presumed victims were referred for formal identification, according to the ${d.inst}; most referrals came from the police and centres for social work, and only a few from the labour inspectorate.`,
  },
  'PROS-2.2': {
    range: { RS: [20, 50], AL: [40, 90], BA: [10, 35], MK: [5, 20], ME: [2, 10] },
    narrative: (v, d) =>
      `In ${d.py}, the ${d.inst} initiated ${v} criminal investigations for trafficking in human beings; further cases with trafficking indicators were pursued under related offences such as exploitation of prostitution or smuggling of migrants.`,
  },
  'PROS-3.1': {
    range: { RS: [15, 40], AL: [5, 25], BA: [5, 20], MK: [3, 15], ME: [1, 6] },
    narrative: (v, d) =>
      `In ${d.py}, ${v} persons were convicted of trafficking by final judgment before the ${d.inst}; ${d.ngo} notes that several other cases ended with convictions for lesser offences.`,
  },
  'PART-1.5': {
    range: { RS: [300, 900], AL: [250, 700], BA: [200, 600], MK: [120, 400], ME: [60, 250] },
    narrative: (v, d) =>
      `In ${d.py}, ${v} professionals from the police, social welfare, health, labour inspection and the judiciary attended training on identification of and assistance to victims, according to the ${d.inst}.`,
  },
};

interface PercentDetail {
  inst: string;
  py: number;
  ngo: string;
}

export const percentSpecs: Record<
  string,
  { range: Ranges; trendPerYear?: number; narrative: (v: number, d: PercentDetail) => string }
> = {
  'PROT-2.1': {
    range: { RS: [75, 95], AL: [80, 98], BA: [65, 90], MK: [70, 95], ME: [60, 100] },
    trendPerYear: 2,
    narrative: (v, d) =>
      `In ${d.py}, ${v}% of the victims identified by the ${d.inst} received at least one assistance service; victims who declined accommodation mostly received only counselling.`,
  },
  'PROT-3.3': {
    // ME: 79% of the victims identified in 2021–2024 were children (GRETA report on Montenegro, 2025). The
    // other ranges are illustrative, not checked. Sources: docs/demo-data.md.
    range: { RS: [30, 55], AL: [35, 60], BA: [45, 75], MK: [45, 80], ME: [70, 88] },
    narrative: (v, d) =>
      `Children accounted for ${v}% of the victims identified in ${d.py}, according to the ${d.inst}.`,
  },
  'PROS-3.2': {
    range: { RS: [70, 92], AL: [75, 95], BA: [55, 85], MK: [70, 95], ME: [60, 90] },
    narrative: (v, d) =>
      `${v}% of the final trafficking convictions handed down by the ${d.inst} in ${d.py} resulted in unsuspended prison sentences; the others were suspended sentences or sentences below the statutory minimum following plea agreements.`,
  },
  'PROS-4.4': {
    range: { RS: [1, 8], AL: [0, 6], BA: [0, 5], MK: [0, 5], ME: [0, 10] },
    trendPerYear: 0.5,
    narrative: (v, d) =>
      `Only ${v}% of the victims identified in ${d.py} were awarded compensation; in most cases the ${d.inst} referred compensation claims to civil litigation.`,
  },
  'PART-1.3': {
    range: { RS: [40, 70], AL: [55, 80], BA: [35, 60], MK: [50, 75], ME: [45, 75] },
    trendPerYear: 3,
    narrative: (v, d) =>
      `According to the implementation report of the ${d.inst}, ${v}% of the action plan activities due in ${d.py} were implemented as planned; verification by ${d.ngo} found several activities reported as implemented to be only partly completed.`,
  },
};

// ---------------------------------------------------------------------------------------------------------
// Yes/no indicators
// ---------------------------------------------------------------------------------------------------------

/** Recorded legal situation per country, and narrative templates for yes and no. */
export const booleanTruth: Record<
  string,
  { values: Partial<Record<CountryCode, boolean>>; yes: string; no: string }
> = {
  'PROT-2.4': {
    values: { RS: true, AL: true, BA: true, ME: true, MK: true },
    yes: 'The {foreignersLaw} provides for a recovery and reflection period for presumed victims; in practice it is rarely granted formally, because most identified victims are nationals of {country}.',
    no: 'The {foreignersLaw} does not provide for a recovery and reflection period of at least 30 days; presumed foreign victims can be removed before identification is completed.',
  },
  'PROS-4.1': {
    // A specific non-punishment provision. BA: in all jurisdictions (GRETA second report 2017; third report,
    // published 28 June 2022). MK: in the Criminal Code (GRETA third report, published 24 March 2023). ME:
    // adopted after GRETA's third report of 2021, welcomed in its 2025 report. RS and AL: not checked, demo values.
    // Sources: docs/demo-data.md.
    values: { RS: false, AL: true, BA: true, ME: true, MK: true },
    yes: 'The criminal legislation explicitly allows victims not to be punished for offences they were compelled to commit, but its application is not monitored by the {inst}.',
    no: 'The criminal legislation contains no specific non-punishment provision for victims of trafficking; victims can rely only on general defences such as extreme necessity or duress.',
  },
  'PART-1.4': {
    values: { RS: true, AL: false, BA: false, ME: false, MK: true },
    yes: 'The {rapporteur} has a formal mandate to monitor anti-trafficking policy independently and reports publicly.',
    no: 'No independent national rapporteur has been designated in {country}; monitoring functions remain with the {coordinator}.',
  },
};

// ---------------------------------------------------------------------------------------------------------
// Local-language narratives
// ---------------------------------------------------------------------------------------------------------

export interface LocalTemplates {
  prefix: string;
  score0: string;
  score1: string;
  score2: string;
  score3: string;
  noData: string;
  notApplicable: string;
  number: string;
  percent: string;
  yes: string;
  no: string;
  text: string;
}

/** Placeholders: {inst} local institution name, {py} reporting year, {v} value. */
export const localTemplates: Record<Dialect, LocalTemplates> = {
  sr: {
    prefix: 'Nalaz monitoringa',
    score0:
      'nije uspostavljeno. Tokom {py}. godine nadležna institucija ({inst}) nije mogla da ukaže ni na jednu operativnu meru.',
    score1:
      'delimično usklađeno sa standardom. Propisi postoje, ali ih nadležna institucija ({inst}) primenjuje nedosledno.',
    score2:
      'uglavnom usklađeno sa standardom. Nadležna institucija ({inst}) primenjuje propisana rešenja u većini slučajeva, ali u praksi i dalje postoje nedostaci.',
    score3:
      'potpuno usklađeno sa standardom. Nadležna institucija ({inst}) dosledno primenjuje propisana rešenja, što je potvrdio monitoring obavljen u {py}. godini.',
    noData:
      'nema podataka. Zahtev za pristup informacijama upućen nadležnoj instituciji ({inst}) ostao je bez odgovora.',
    notApplicable: 'nije primenljivo u ovom ciklusu monitoringa.',
    number: 'prema podacima nadležne institucije ({inst}), vrednost za {py}. godinu iznosi {v}.',
    percent: 'prema podacima nadležne institucije ({inst}), vrednost za {py}. godinu iznosi {v}%.',
    yes: 'da. Rešenje je propisano, a nadležna institucija ({inst}) potvrdila je njegovu primenu.',
    no: 'ne. Rešenje još nije propisano, a nadležna institucija ({inst}) nije najavila izmene.',
    text: 'ilustrativni primer (demo podaci), ne stvarni nalaz.',
  },
  ije: {
    prefix: 'Nalaz monitoringa',
    score0:
      'nije uspostavljeno. Tokom {py}. godine nadležna institucija ({inst}) nije mogla da ukaže ni na jednu operativnu mjeru.',
    score1:
      'djelimično usklađeno sa standardom. Propisi postoje, ali ih nadležna institucija ({inst}) primjenjuje nedosljedno.',
    score2:
      'uglavnom usklađeno sa standardom. Nadležna institucija ({inst}) primjenjuje propisana rješenja u većini slučajeva, ali u praksi i dalje postoje nedostaci.',
    score3:
      'potpuno usklađeno sa standardom. Nadležna institucija ({inst}) dosljedno primjenjuje propisana rješenja, što je potvrdio monitoring obavljen u {py}. godini.',
    noData:
      'nema podataka. Zahtjev za pristup informacijama upućen nadležnoj instituciji ({inst}) ostao je bez odgovora.',
    notApplicable: 'indikator nije primjenjiv u ovom ciklusu monitoringa.',
    number: 'prema podacima nadležne institucije ({inst}), vrijednost za {py}. godinu iznosi {v}.',
    percent: 'prema podacima nadležne institucije ({inst}), vrijednost za {py}. godinu iznosi {v}%.',
    yes: 'da. Rješenje je propisano, a nadležna institucija ({inst}) potvrdila je njegovu primjenu.',
    no: 'ne. Rješenje još nije propisano, a nadležna institucija ({inst}) nije najavila izmjene.',
    text: 'ilustrativni primjer (demo podaci), ne stvarni nalaz.',
  },
  sq: {
    prefix: 'Gjetja e monitorimit',
    score0:
      'nuk është vendosur. Gjatë vitit {py}, institucioni përgjegjës ({inst}) nuk mundi të tregonte asnjë masë operative.',
    score1:
      'pjesërisht në përputhje me standardin. Dispozitat ekzistojnë, por institucioni përgjegjës ({inst}) i zbaton ato në mënyrë jo të njëtrajtshme.',
    score2:
      'kryesisht në përputhje me standardin. Institucioni përgjegjës ({inst}) i zbaton rregullat në shumicën e rasteve, por në praktikë mbeten mangësi.',
    score3:
      'plotësisht në përputhje me standardin. Institucioni përgjegjës ({inst}) i zbaton rregullat në mënyrë të qëndrueshme, siç u konfirmua nga monitorimi i vitit {py}.',
    noData:
      'nuk ka të dhëna. Kërkesa për informacion drejtuar institucionit përgjegjës ({inst}) mbeti pa përgjigje.',
    notApplicable: 'nuk aplikohet në këtë cikël monitorimi.',
    number: 'sipas të dhënave të institucionit përgjegjës ({inst}), vlera për vitin {py} është {v}.',
    percent: 'sipas të dhënave të institucionit përgjegjës ({inst}), vlera për vitin {py} është {v}%.',
    yes: 'po. Zgjidhja është e parashikuar në ligj dhe institucioni përgjegjës ({inst}) konfirmoi zbatimin e saj.',
    no: 'jo. Zgjidhja ende nuk është e parashikuar dhe institucioni përgjegjës ({inst}) nuk ka njoftuar ndryshime.',
    text: 'shembull ilustrues (të dhëna demonstruese), jo gjetje e vërtetë.',
  },
  mk: {
    prefix: 'Наод од мониторингот',
    score0:
      'не е воспоставено. Во текот на {py} година надлежната институција ({inst}) не можеше да укаже на ниту една оперативна мерка.',
    score1:
      'делумно усогласено со стандардот. Прописите постојат, но надлежната институција ({inst}) ги применува недоследно.',
    score2:
      'претежно усогласено со стандардот. Надлежната институција ({inst}) ги применува правилата во повеќето случаи, но во практиката сè уште постојат недостатоци.',
    score3:
      'целосно усогласено со стандардот. Надлежната институција ({inst}) доследно ги применува правилата, што го потврди мониторингот спроведен во {py} година.',
    noData:
      'нема податоци. Барањето за пристап до информации упатено до надлежната институција ({inst}) остана без одговор.',
    notApplicable: 'не е применливо во овој циклус на мониторинг.',
    number: 'според податоците на надлежната институција ({inst}), вредноста за {py} година изнесува {v}.',
    percent: 'според податоците на надлежната институција ({inst}), вредноста за {py} година изнесува {v}%.',
    yes: 'да. Решението е пропишано, а надлежната институција ({inst}) ја потврди неговата примена.',
    no: 'не. Решението сè уште не е пропишано, а надлежната институција ({inst}) не најави измени.',
    text: 'илустративен пример (демо податоци), не вистински наод.',
  },
};
