/** Indicators of the PROSECUTION pillar. */
import type { SeedIndicator } from './types';

export const prosecution: SeedIndicator[] = [
  {
    code: 'PROS-1.1',
    areaCode: 'PROS-LEG',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Criminal offence of trafficking covering all elements and forms of exploitation of the international definition',
      'sr-Latn':
        'Krivično delo trgovine ljudima koje obuhvata sve elemente i oblike eksploatacije iz međunarodne definicije',
    },
    guidance: {
      en: 'Compare the criminal code(s) with Art. 4 CETS 197 and Art. 2 of Directive 2011/36/EU as amended: actions, means, purposes (including forced begging, exploitation of criminal activities, forced marriage, illegal adoption and exploitation of surrogacy) and irrelevance of consent.',
    },
    meansOfVerification: {
      en: 'Criminal code(s); legal commentaries; GRETA evaluation reports.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-18', 'eu-2', 'palermo-3'],
  },
  {
    code: 'PROS-1.2',
    areaCode: 'PROS-LEG',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Proportionate and dissuasive penalties, including aggravating circumstances',
      'sr-Latn': 'Srazmerne i odvraćajuće kazne, uključujući otežavajuće okolnosti',
    },
    guidance: {
      en: 'Check maximum penalties (at least five and ten years under the Directive) and that the aggravating circumstances of a child victim, endangering life, commission by a public official and by an organised group are provided for.',
    },
    meansOfVerification: {
      en: 'Criminal code(s).',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-23', 'coe-24', 'eu-4'],
  },
  {
    code: 'PROS-1.3',
    areaCode: 'PROS-LEG',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Liability of legal persons for trafficking offences',
      'sr-Latn': 'Odgovornost pravnih lica za krivična dela trgovine ljudima',
    },
    guidance: {
      en: 'Verify that legal persons can be held criminally or administratively liable and sanctioned for trafficking offences, and whether any legal person has been prosecuted.',
    },
    meansOfVerification: {
      en: 'Law on liability of legal persons for criminal offences; prosecution statistics.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-22', 'eu-5', 'eu-6'],
  },
  {
    code: 'PROS-2.1',
    areaCode: 'PROS-INV',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Specialised prosecutors and police units for trafficking cases',
      'sr-Latn': 'Specijalizovani tužioci i policijske jedinice za predmete trgovine ljudima',
    },
    guidance: {
      en: 'Check whether designated prosecutors and police units exist at national and regional level, how they are staffed, and whether they also handle labour exploitation cases.',
    },
    meansOfVerification: {
      en: 'Organisational acts of the police and prosecution; interviews with specialised prosecutors and investigators.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-29', 'eu-9'],
  },
  {
    code: 'PROS-2.2',
    areaCode: 'PROS-INV',
    type: 'OUTCOME',
    answerType: 'NUMBER',
    title: {
      en: 'Number of criminal investigations initiated for trafficking in human beings',
      'sr-Latn': 'Broj pokrenutih istraga za krivično delo trgovine ljudima',
    },
    guidance: {
      en: 'Record investigations opened in the calendar year under the trafficking provisions of the criminal code(s); mention in the narrative cases requalified to other offences.',
    },
    meansOfVerification: {
      en: 'Annual reports of the prosecution service; Ministry of Interior statistics.',
    },
    expectedBreakdowns: ['form of exploitation', 'sex of suspects', 'citizenship of suspects'],
    standardKeys: ['eu-9', 'coe-18'],
  },
  {
    code: 'PROS-2.3',
    areaCode: 'PROS-INV',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Proactive and financial investigations, seizure and confiscation of proceeds',
      'sr-Latn': 'Proaktivne i finansijske istrage, privremeno oduzimanje i konfiskacija imovinske koristi',
    },
    guidance: {
      en: 'Assess the use of special investigative techniques, parallel financial investigations and confiscation orders in trafficking cases in the reporting period.',
    },
    meansOfVerification: {
      en: 'Reports of the prosecution and the asset recovery office; court decisions.',
    },
    expectedBreakdowns: [],
    standardKeys: ['eu-7', 'eu-9', 'coe-23'],
  },
  {
    code: 'PROS-2.4',
    areaCode: 'PROS-INV',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: "Investigations and prosecutions not dependent on the victim's report or testimony",
      'sr-Latn': 'Istrage i gonjenje koji ne zavise od prijave ili iskaza žrtve',
    },
    guidance: {
      en: 'Check whether cases proceed ex officio and on other evidence when the victim withdraws or does not testify; review cases dropped after a victim withdrew a statement.',
    },
    meansOfVerification: {
      en: "Court decisions; interviews with prosecutors and victims' lawyers.",
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-27', 'eu-9'],
  },
  {
    code: 'PROS-3.1',
    areaCode: 'PROS-JUD',
    type: 'OUTCOME',
    answerType: 'NUMBER',
    title: {
      en: 'Number of persons convicted of trafficking by final judgment',
      'sr-Latn': 'Broj pravnosnažno osuđenih lica za trgovinu ljudima',
    },
    guidance: {
      en: 'Record persons convicted by final judgment in the calendar year under the trafficking provisions; do not count convictions requalified to lesser offences.',
    },
    meansOfVerification: {
      en: 'Court statistics; national statistical office; NGO trial monitoring.',
    },
    expectedBreakdowns: ['sex', 'citizenship', 'form of exploitation', 'type of sentence'],
    standardKeys: ['coe-23', 'eu-4'],
  },
  {
    code: 'PROS-3.2',
    areaCode: 'PROS-JUD',
    type: 'OUTCOME',
    answerType: 'PERCENT',
    title: {
      en: 'Share of final convictions resulting in unsuspended prison sentences',
      'sr-Latn': 'Udeo pravnosnažnih osuđujućih presuda kojima je izrečena bezuslovna kazna zatvora',
    },
    guidance: {
      en: 'Divide final convictions with unsuspended imprisonment by all final trafficking convictions in the year; comment on sentences below the statutory minimum and on plea agreements.',
    },
    meansOfVerification: {
      en: 'Court statistics; collected judgments.',
    },
    expectedBreakdowns: ['length of sentence', 'form of exploitation'],
    standardKeys: ['coe-23', 'eu-4'],
  },
  {
    code: 'PROS-3.3',
    areaCode: 'PROS-JUD',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Protection of victims in court and prevention of secondary victimisation',
      'sr-Latn': 'Zaštita žrtava pred sudom i sprečavanje sekundarne viktimizacije',
    },
    guidance: {
      en: 'Assess the use of video-link testimony, separate waiting rooms, exclusion of the public, limits on repeated questioning and the status of particularly vulnerable witness.',
    },
    meansOfVerification: {
      en: "Criminal procedure code; trial monitoring; interviews with survivors and victims' lawyers.",
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-28', 'coe-30', 'eu-12'],
  },
  {
    code: 'PROS-3.4',
    areaCode: 'PROS-JUD',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: "Training of judges and prosecutors on trafficking and victims' rights",
      'sr-Latn': 'Obuka sudija i tužilaca o trgovini ljudima i pravima žrtava',
    },
    guidance: {
      en: 'Check whether judicial training institutions run regular, accredited training on trafficking, including labour exploitation, non-punishment and compensation, and how many judges and prosecutors attended.',
    },
    meansOfVerification: {
      en: 'Training programmes and attendance records of the judicial academy or training centre.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-29', 'eu-9', 'palermo-10'],
  },
  {
    code: 'PROS-4.1',
    areaCode: 'PROS-REM',
    type: 'STRUCTURAL',
    answerType: 'BOOLEAN',
    title: {
      en: 'Non-punishment provision for victims established in law',
      'sr-Latn': 'Odredba o nekažnjavanju žrtava propisana zakonom',
    },
    guidance: {
      en: 'Answer yes if criminal or misdemeanour legislation explicitly allows not prosecuting or not punishing victims for offences they were compelled to commit; general defences such as duress or extreme necessity alone do not suffice.',
    },
    meansOfVerification: {
      en: 'Criminal code; law on misdemeanours; GRETA evaluation reports.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-26', 'eu-8'],
  },
  {
    code: 'PROS-4.2',
    areaCode: 'PROS-REM',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Application of the non-punishment principle in practice',
      'sr-Latn': 'Primena načela nekažnjavanja u praksi',
    },
    guidance: {
      en: 'Review documented cases in which victims were prosecuted or fined (e.g. for prostitution, irregular border crossing, use of false documents or theft) and whether prosecutors have guidance on non-punishment.',
    },
    meansOfVerification: {
      en: 'NGO case files; misdemeanour court decisions; prosecutorial guidelines.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-26', 'eu-8'],
  },
  {
    code: 'PROS-4.3',
    areaCode: 'PROS-REM',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Access to compensation from offenders and through a state compensation scheme',
      'sr-Latn': 'Pristup naknadi štete od učinilaca i kroz državni program naknade',
    },
    guidance: {
      en: 'Check whether criminal courts decide on compensation claims rather than referring victims to civil litigation, and whether a state compensation scheme is accessible to trafficking victims.',
    },
    meansOfVerification: {
      en: 'Criminal procedure code; law on compensation of victims of violent crime; court decisions.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-15', 'eu-17', 'palermo-6'],
  },
  {
    code: 'PROS-4.4',
    areaCode: 'PROS-REM',
    type: 'OUTCOME',
    answerType: 'PERCENT',
    title: {
      en: 'Share of identified victims awarded compensation',
      'sr-Latn': 'Udeo identifikovanih žrtava kojima je dosuđena naknada štete',
    },
    guidance: {
      en: 'Divide the number of victims awarded compensation (by criminal or civil courts or a state scheme) in the year by the number identified; state in the narrative how much was actually paid.',
    },
    meansOfVerification: {
      en: 'Court decisions; NGO legal aid records.',
    },
    expectedBreakdowns: ['source of compensation', 'sex', 'age'],
    standardKeys: ['coe-15', 'eu-17'],
  },
  {
    code: 'PROS-4.5',
    areaCode: 'PROS-REM',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Free legal aid and legal representation for victims',
      'sr-Latn': 'Besplatna pravna pomoć i pravno zastupanje žrtava',
    },
    guidance: {
      en: 'Check whether victims receive free legal counselling and representation from the start of proceedings, regardless of their means, and who provides and funds it.',
    },
    meansOfVerification: {
      en: "Law on free legal aid; NGO legal aid data; interviews with victims' lawyers.",
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-15', 'eu-12'],
  },
];
