/** Indicators of the PARTNERSHIP pillar. */
import type { SeedIndicator } from './types';

export const partnership: SeedIndicator[] = [
  {
    code: 'PART-1.1',
    areaCode: 'PART-COORD',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'National anti-trafficking co-ordinator and co-ordinating body with a clear mandate and resources',
      'sr-Latn':
        'Nacionalni koordinator za borbu protiv trgovine ljudima i koordinaciono telo sa jasnim mandatom i resursima',
    },
    guidance: {
      en: 'Assess the legal basis, seniority, staffing and budget of the national co-ordinator, and how often the co-ordinating body met and took decisions in the reporting period.',
    },
    meansOfVerification: {
      en: 'Government decisions; minutes of the co-ordinating body; budget law.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-29'],
  },
  {
    code: 'PART-1.2',
    areaCode: 'PART-COORD',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Current national strategy and action plan with a dedicated budget',
      'sr-Latn': 'Važeća nacionalna strategija i akcioni plan sa namenskim budžetom',
    },
    guidance: {
      en: 'Check whether a strategy and action plan are in force for the whole cycle year without a gap, cover all four pillars, and contain costed measures with budget lines.',
    },
    meansOfVerification: {
      en: 'Strategy and action plan; budget law; government website.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-29', 'coe-5'],
  },
  {
    code: 'PART-1.3',
    areaCode: 'PART-COORD',
    type: 'OUTCOME',
    answerType: 'PERCENT',
    title: {
      en: 'Share of action plan activities implemented as planned',
      'sr-Latn': 'Udeo aktivnosti akcionog plana sprovedenih u skladu sa planom',
    },
    guidance: {
      en: "Use the government's implementation report, verify a sample of activities, and report the percentage of activities due in the year that were fully implemented.",
    },
    meansOfVerification: {
      en: 'Action plan implementation report; NGO verification of selected activities.',
    },
    expectedBreakdowns: ['pillar', 'responsible institution'],
    standardKeys: ['coe-29'],
  },
  {
    code: 'PART-1.4',
    areaCode: 'PART-COORD',
    type: 'STRUCTURAL',
    answerType: 'BOOLEAN',
    title: {
      en: 'Independent national rapporteur or equivalent mechanism established',
      'sr-Latn': 'Uspostavljen nezavisni nacionalni izvestilac ili ekvivalentni mehanizam',
    },
    guidance: {
      en: 'Answer yes if a body separate from the national co-ordinator has a formal mandate to monitor anti-trafficking policy and report publicly.',
    },
    meansOfVerification: {
      en: 'Legal act establishing the mechanism; its published reports.',
    },
    expectedBreakdowns: [],
    standardKeys: ['eu-19', 'coe-29'],
  },
  {
    code: 'PART-1.5',
    areaCode: 'PART-COORD',
    type: 'OUTCOME',
    answerType: 'NUMBER',
    title: {
      en: 'Number of professionals trained on identification of and assistance to victims',
      'sr-Latn': 'Broj stručnjaka obučenih za identifikaciju žrtava i pružanje pomoći',
    },
    guidance: {
      en: 'Sum the participants of training delivered or accredited by state bodies in the calendar year (police, social work, health, labour inspection, judiciary), counting each person once.',
    },
    meansOfVerification: {
      en: 'Training records; action plan implementation report.',
    },
    expectedBreakdowns: ['sector', 'sex'],
    standardKeys: ['palermo-10', 'coe-29'],
  },
  {
    code: 'PART-2.1',
    areaCode: 'PART-CSO',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Formal co-operation agreements between state institutions and specialist NGOs',
      'sr-Latn': 'Formalni sporazumi o saradnji između državnih institucija i specijalizovanih organizacija',
    },
    guidance: {
      en: "Check whether memoranda or agreements define NGOs' roles in identification, assistance and monitoring, and whether they are in force and applied.",
    },
    meansOfVerification: {
      en: 'Memoranda of understanding; referral mechanism documents; interviews with NGOs and officials.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-35', 'coe-12'],
  },
  {
    code: 'PART-2.2',
    areaCode: 'PART-CSO',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Sustainable public funding for NGO-run victim services',
      'sr-Latn': 'Održivo javno finansiranje usluga za žrtve koje pružaju organizacije civilnog društva',
    },
    guidance: {
      en: 'Assess whether NGO shelters, helplines and reintegration services receive multi-year state funding covering core costs, and whether payments were delayed in the reporting period.',
    },
    meansOfVerification: {
      en: 'Budget documents; funding contracts; NGO financial reports.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-35', 'eu-11'],
  },
  {
    code: 'PART-2.3',
    areaCode: 'PART-CSO',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Participation of civil society in the co-ordinating body and in drafting and monitoring policy',
      'sr-Latn': 'Učešće civilnog društva u radu koordinacionog tela i u izradi i praćenju javnih politika',
    },
    guidance: {
      en: 'Check whether NGOs are members of the co-ordinating body with voting rights, were consulted on the strategy and action plan, and whether their comments were reflected.',
    },
    meansOfVerification: {
      en: 'Composition of the co-ordinating body; reports on public consultations.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-35', 'palermo-9'],
  },
  {
    code: 'PART-3.1',
    areaCode: 'PART-DATA',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Centralised and disaggregated data collection on trafficking',
      'sr-Latn': 'Centralizovano i razvrstano prikupljanje podataka o trgovini ljudima',
    },
    guidance: {
      en: 'Assess whether a single database or harmonised system links data on victims, investigations, prosecutions and convictions, respects data protection and allows the listed breakdowns.',
    },
    meansOfVerification: {
      en: 'Description of the database; statistical reports; data protection impact assessment.',
    },
    expectedBreakdowns: ['sex', 'age', 'form of exploitation', 'citizenship'],
    standardKeys: ['eu-19', 'coe-29'],
  },
  {
    code: 'PART-3.2',
    areaCode: 'PART-DATA',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Regular publication of official statistics and reports on trafficking',
      'sr-Latn': 'Redovno objavljivanje zvanične statistike i izveštaja o trgovini ljudima',
    },
    guidance: {
      en: 'Check whether statistics for the previous year were published on time and in an accessible format, and whether the national rapporteur or co-ordinator published an analytical report.',
    },
    meansOfVerification: {
      en: 'Government and institutional websites.',
    },
    expectedBreakdowns: [],
    standardKeys: ['eu-19'],
  },
  {
    code: 'PART-3.3',
    areaCode: 'PART-DATA',
    type: 'STRUCTURAL',
    answerType: 'TEXT',
    title: {
      en: 'Key legal and policy developments in the reporting period',
      'sr-Latn': 'Ključne promene u zakonodavstvu i javnim politikama u izveštajnom periodu',
    },
    guidance: {
      en: 'Summarise in a few sentences the laws, by-laws, strategies and institutional changes adopted or pending in the year before the cycle, and their relevance to the standards.',
    },
    meansOfVerification: {
      en: 'Official gazettes; government websites; minutes of the co-ordinating body.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-29', 'eu-19'],
  },
  {
    code: 'PART-4.1',
    areaCode: 'PART-INT',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Bilateral and regional agreements on identification, referral and return of victims',
      'sr-Latn': 'Bilateralni i regionalni sporazumi o identifikaciji, upućivanju i povratku žrtava',
    },
    guidance: {
      en: 'List agreements or protocols in force with neighbouring and destination countries and check whether they were used in individual cases in the reporting period.',
    },
    meansOfVerification: {
      en: 'Treaty register of the ministry of foreign affairs; protocols; case examples.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-32', 'coe-16', 'palermo-10'],
  },
  {
    code: 'PART-4.2',
    areaCode: 'PART-INT',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Joint investigations and mutual legal assistance in trafficking cases',
      'sr-Latn': 'Zajedničke istrage i međunarodna pravna pomoć u predmetima trgovine ljudima',
    },
    guidance: {
      en: 'Assess joint investigation teams, co-operation through Europol, Eurojust and SELEC, and mutual legal assistance requests in trafficking cases in the reporting period.',
    },
    meansOfVerification: {
      en: 'Prosecution reports; Ministry of Justice data on mutual legal assistance; interviews with prosecutors.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-32', 'palermo-10'],
  },
  {
    code: 'PART-4.3',
    areaCode: 'PART-INT',
    type: 'OUTCOME',
    answerType: 'TEXT',
    title: {
      en: 'GRETA recommendations still pending implementation',
      'sr-Latn': 'Preporuke GRETA koje još nisu sprovedene',
    },
    guidance: {
      en: 'Summarise the main recommendations of the latest GRETA evaluation report and of the Committee of the Parties that remain unimplemented according to the monitoring findings.',
    },
    meansOfVerification: {
      en: 'Latest GRETA evaluation report; Committee of the Parties recommendation; government report on implementation.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-36', 'coe-29'],
  },
];
