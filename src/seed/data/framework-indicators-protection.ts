/** Indicators of the PROTECTION pillar. */
import type { SeedIndicator } from './types';

export const protection: SeedIndicator[] = [
  {
    code: 'PROT-1.1',
    areaCode: 'PROT-ID',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Formal identification procedure set out in law or by-law and independent of criminal proceedings',
      'sr-Latn':
        'Postupak formalne identifikacije propisan zakonom ili podzakonskim aktom i nezavisan od krivičnog postupka',
    },
    guidance: {
      en: 'Check which body formally identifies victims, whether identification is a separate procedure not conditional on a criminal complaint or on co-operation with the police, and whether written indicators are used.',
    },
    meansOfVerification: {
      en: 'Laws and by-laws; standard operating procedures; GRETA reports; interviews with the identification body.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-10', 'eu-11', 'palermo-6'],
  },
  {
    code: 'PROT-1.2',
    areaCode: 'PROT-ID',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Functioning national referral mechanism with standard operating procedures',
      'sr-Latn': 'Funkcionalan nacionalni mehanizam upućivanja sa standardnim operativnim procedurama',
    },
    guidance: {
      en: 'Assess whether the referral mechanism is formalised, defines the roles of state bodies and NGOs, is known to first-line professionals and is reviewed. Score 3 only if NGOs are formal members and referrals work in practice nationwide.',
    },
    meansOfVerification: {
      en: 'Referral mechanism agreement or decision; SOPs; minutes of referral mechanism meetings; interviews with NGOs and first-line professionals.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-10', 'eu-11', 'coe-35'],
  },
  {
    code: 'PROT-1.3',
    areaCode: 'PROT-ID',
    type: 'OUTCOME',
    answerType: 'NUMBER',
    title: {
      en: 'Number of formally identified victims of trafficking',
      'sr-Latn': 'Broj formalno identifikovanih žrtava trgovine ljudima',
    },
    guidance: {
      en: 'Record the total number of persons formally identified as victims in the calendar year before the cycle, from the official identification body; note any discrepancy with NGO data in the narrative.',
    },
    meansOfVerification: {
      en: "Statistics of the identification body; national co-ordinator's annual report; NGO case data.",
    },
    expectedBreakdowns: ['sex', 'age', 'form of exploitation', 'citizenship'],
    standardKeys: ['coe-10', 'eu-19'],
  },
  {
    code: 'PROT-1.4',
    areaCode: 'PROT-ID',
    type: 'OUTCOME',
    answerType: 'NUMBER',
    title: {
      en: 'Number of presumed victims referred for formal identification',
      'sr-Latn': 'Broj pretpostavljenih žrtava upućenih na formalnu identifikaciju',
    },
    guidance: {
      en: 'Count persons referred for identification by any actor (police, social services, NGOs, labour inspection, health services) during the year and compare with the number formally identified.',
    },
    meansOfVerification: {
      en: 'Statistics of the identification body; referral records of NGOs; Ministry of Interior statistics.',
    },
    expectedBreakdowns: ['sex', 'age', 'referring institution', 'form of exploitation'],
    standardKeys: ['coe-10', 'eu-11'],
  },
  {
    code: 'PROT-1.5',
    areaCode: 'PROT-ID',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Involvement of specialist NGOs and mobile teams in proactive identification',
      'sr-Latn': 'Uključenost specijalizovanih organizacija i mobilnih timova u proaktivnu identifikaciju',
    },
    guidance: {
      en: 'Check whether NGOs take part in outreach and identification (for example in mobile teams), whether their referrals are accepted by the identification body and whether they are funded for this role.',
    },
    meansOfVerification: {
      en: 'Co-operation agreements; mobile team reports; interviews with NGO outreach workers.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-10', 'coe-35'],
  },
  {
    code: 'PROT-2.1',
    areaCode: 'PROT-AST',
    type: 'OUTCOME',
    answerType: 'PERCENT',
    title: {
      en: 'Share of identified victims who received assistance',
      'sr-Latn': 'Udeo identifikovanih žrtava koje su dobile pomoć',
    },
    guidance: {
      en: 'Divide the number of identified victims who received at least one assistance service (accommodation, medical, psychological, legal or material) by the total identified in the same year, and explain the denominator used.',
    },
    meansOfVerification: {
      en: 'Statistics of the identification body and service providers; NGO case records.',
    },
    expectedBreakdowns: ['sex', 'age', 'type of assistance', 'service provider'],
    standardKeys: ['coe-12', 'eu-11'],
  },
  {
    code: 'PROT-2.2',
    areaCode: 'PROT-AST',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Availability of specialised, safe accommodation for women, men and children',
      'sr-Latn': 'Dostupnost specijalizovanog, bezbednog smeštaja za žene, muškarce i decu',
    },
    guidance: {
      en: 'Assess the number, capacity, geographic coverage and licensing of shelters, and whether separate, appropriate accommodation exists for men, for children and for victims with disabilities.',
    },
    meansOfVerification: {
      en: 'Register of licensed social protection services; monitoring visits to shelters; budget documents.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-12', 'eu-11'],
  },
  {
    code: 'PROT-2.3',
    areaCode: 'PROT-AST',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: "Assistance not conditional on the victim's co-operation in criminal proceedings",
      'sr-Latn': 'Pomoć koja nije uslovljena saradnjom žrtve u krivičnom postupku',
    },
    guidance: {
      en: 'Check the law and practice: whether victims who decline to testify keep their accommodation and services, and whether any cases of withdrawal of assistance were documented in the reporting period.',
    },
    meansOfVerification: {
      en: 'Social protection legislation and SOPs; interviews with survivors; NGO case files.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-12', 'eu-11'],
  },
  {
    code: 'PROT-2.4',
    areaCode: 'PROT-AST',
    type: 'STRUCTURAL',
    answerType: 'BOOLEAN',
    title: {
      en: 'Recovery and reflection period of at least 30 days guaranteed in law',
      'sr-Latn': 'Period za oporavak i razmišljanje od najmanje 30 dana zagarantovan zakonom',
    },
    guidance: {
      en: 'Answer yes if legislation grants presumed victims a recovery and reflection period of at least 30 days during which no expulsion order is enforced; describe in the narrative whether it is granted in practice.',
    },
    meansOfVerification: {
      en: 'Law on foreigners and by-laws; Ministry of Interior statistics on reflection periods granted.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-13'],
  },
  {
    code: 'PROT-2.5',
    areaCode: 'PROT-AST',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Long-term reintegration support: education, employment and housing',
      'sr-Latn': 'Dugoročna podrška reintegraciji: obrazovanje, zapošljavanje i stanovanje',
    },
    guidance: {
      en: 'Assess whether victims have individual reintegration plans and access to vocational training, employment programmes and social housing beyond the emergency phase, and for how long support continues.',
    },
    meansOfVerification: {
      en: 'Reintegration programme documents; employment service data; interviews with survivors and case managers.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-12', 'palermo-6'],
  },
  {
    code: 'PROT-2.6',
    areaCode: 'PROT-AST',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: "Protection of victims' private life and personal data",
      'sr-Latn': 'Zaštita privatnog života i podataka o ličnosti žrtava',
    },
    guidance: {
      en: 'Check data protection rules for victim records, media reporting practice (disclosure of identity, especially of children) and any sanctions for breaches in the reporting period.',
    },
    meansOfVerification: {
      en: 'Data protection legislation; media monitoring; complaints to the data protection authority or press council.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-11', 'palermo-6'],
  },
  {
    code: 'PROT-3.1',
    areaCode: 'PROT-CHD',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Guardian appointed without delay for unaccompanied and separated child victims',
      'sr-Latn': 'Staratelj postavljen bez odlaganja za decu žrtve bez pratnje i odvojenu decu',
    },
    guidance: {
      en: 'Verify the legal basis and practice of appointing a guardian within days of identification, the caseload of guardians and whether they are trained on trafficking.',
    },
    meansOfVerification: {
      en: 'Family law; data of centres for social work; interviews with guardians and child protection NGOs.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-10', 'eu-16', 'eu-14'],
  },
  {
    code: 'PROT-3.2',
    areaCode: 'PROT-CHD',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Child-sensitive assistance and best-interests assessment for child victims',
      'sr-Latn': 'Pomoć prilagođena deci i procena najboljeg interesa deteta žrtve',
    },
    guidance: {
      en: 'Check whether a formal best-interests assessment is carried out for each child victim, whether specialised accommodation and access to education are provided, and whether children are heard.',
    },
    meansOfVerification: {
      en: 'Child protection procedures; case files reviewed with consent; monitoring visits to accommodation for children.',
    },
    expectedBreakdowns: [],
    standardKeys: ['eu-13', 'eu-14', 'coe-12'],
  },
  {
    code: 'PROT-3.3',
    areaCode: 'PROT-CHD',
    type: 'OUTCOME',
    answerType: 'PERCENT',
    title: {
      en: 'Share of children among identified victims',
      'sr-Latn': 'Udeo dece među identifikovanim žrtvama',
    },
    guidance: {
      en: 'Compute the percentage of persons under 18 among all victims identified in the year. This is a context indicator: interpret it together with PROT-3.1 and PROT-3.2.',
    },
    meansOfVerification: {
      en: 'Statistics of the identification body.',
    },
    expectedBreakdowns: ['sex', 'age group', 'form of exploitation'],
    standardKeys: ['eu-13', 'coe-10'],
  },
  {
    code: 'PROT-4.1',
    areaCode: 'PROT-MIG',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Residence permits for foreign victims on personal-situation or co-operation grounds',
      'sr-Latn': 'Dozvole boravka za strane žrtve po osnovu lične situacije ili saradnje',
    },
    guidance: {
      en: 'Check whether the law on foreigners provides renewable residence permits on personal or humanitarian grounds and not only for co-operation with the authorities, and how many permits were issued.',
    },
    meansOfVerification: {
      en: 'Law on foreigners; Ministry of Interior statistics on permits issued to victims.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-14', 'palermo-7'],
  },
  {
    code: 'PROT-4.2',
    areaCode: 'PROT-MIG',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Safe and preferably voluntary return with risk assessment and reintegration',
      'sr-Latn': 'Bezbedan i po mogućstvu dobrovoljan povratak uz procenu rizika i reintegraciju',
    },
    guidance: {
      en: 'Assess whether returns of victims (foreign victims leaving and nationals returning from abroad) are preceded by a risk assessment, co-ordinated with the country of return and followed by reintegration support.',
    },
    meansOfVerification: {
      en: 'Bilateral protocols; IOM and NGO return data; case files.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-16', 'palermo-8'],
  },
];
