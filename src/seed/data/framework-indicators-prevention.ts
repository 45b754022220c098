/** Indicators of the PREVENTION pillar. */
import type { SeedIndicator } from './types';

export const prevention: SeedIndicator[] = [
  {
    code: 'PREV-1.1',
    areaCode: 'PREV-AWR',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Awareness-raising campaigns based on research and evaluated for impact',
      'sr-Latn': 'Kampanje za podizanje svesti zasnovane na istraživanjima i sa procenom uticaja',
      sq: 'Fushata ndërgjegjësimi të bazuara në kërkime dhe të vlerësuara për ndikimin e tyre',
      mk: 'Кампањи за подигање на свеста засновани на истражувања и со оценка на влијанието',
    },
    guidance: {
      en: 'Check whether campaigns run in the reporting period were based on research or risk analysis, targeted specific groups and were evaluated. Score 3 only if an impact evaluation exists and informed later campaigns.',
    },
    meansOfVerification: {
      en: "Action plan implementation reports; campaign materials and evaluation reports; interviews with the national co-ordinator's office.",
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-5', 'eu-18', 'palermo-9'],
  },
  {
    code: 'PREV-1.2',
    areaCode: 'PREV-AWR',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Trafficking prevention integrated in school curricula and teacher training',
      'sr-Latn': 'Prevencija trgovine ljudima uključena u školske programe i obuku nastavnika',
      sq: 'Parandalimi i trafikimit i përfshirë në kurrikulat shkollore dhe në trajnimin e mësuesve',
      mk: 'Превенција на трговијата со луѓе вклучена во училишните програми и во обуката на наставниците',
    },
    guidance: {
      en: 'Verify whether trafficking, gender equality and safe internet use are part of compulsory or optional curricula in primary and secondary schools, and whether teachers receive accredited training on recognising and referring children at risk.',
    },
    meansOfVerification: {
      en: 'Curricula of the ministry of education; catalogue of accredited teacher-training programmes; reports of schools and NGOs delivering workshops.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-6', 'coe-5'],
  },
  {
    code: 'PREV-1.3',
    areaCode: 'PREV-AWR',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Information on safe migration and labour rights for persons seeking work abroad',
      'sr-Latn':
        'Informisanje o bezbednim migracijama i radnim pravima za osobe koje traže posao u inostranstvu',
      sq: 'Informimi për migrimin e sigurt dhe të drejtat e punës për personat që kërkojnë punë jashtë vendit',
      mk: 'Информирање за безбедна миграција и работни права за лицата што бараат работа во странство',
    },
    guidance: {
      en: 'Check whether employment services, consular offices or migration service centres provide accessible information on legal migration, recruitment fees, contracts and where to seek help abroad, in the relevant languages.',
    },
    meansOfVerification: {
      en: 'Websites and leaflets of the national employment service; information from migration service centres and consulates; interviews with returnees.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-5', 'palermo-9'],
  },
  {
    code: 'PREV-1.4',
    areaCode: 'PREV-AWR',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Prevention of online recruitment and technology-facilitated trafficking',
      'sr-Latn': 'Sprečavanje regrutovanja putem interneta i trgovine ljudima uz zloupotrebu tehnologija',
      sq: 'Parandalimi i rekrutimit në internet dhe i trafikimit të lehtësuar nga teknologjia',
      mk: 'Спречување на регрутирањето преку интернет и на трговијата со луѓе олеснета со технологија',
    },
    guidance: {
      en: 'Assess whether police cybercrime units monitor online job and dating advertisements for recruitment indicators, whether internet platforms are engaged, and whether young people are informed about online risks.',
    },
    meansOfVerification: {
      en: 'Police reports on online monitoring; co-operation protocols with internet platforms; campaign materials aimed at young people.',
    },
    expectedBreakdowns: [],
    standardKeys: ['eu-18', 'coe-5'],
  },
  {
    code: 'PREV-2.1',
    areaCode: 'PREV-VUL',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Targeted prevention for children in residential care and children in street situations',
      'sr-Latn': 'Ciljana prevencija za decu na domskom smeštaju i decu u situaciji života i rada na ulici',
      sq: 'Parandalim i synuar për fëmijët në institucione rezidenciale dhe fëmijët në situatë rruge',
      mk: 'Насочена превенција за децата во институционална грижа и децата на улица',
    },
    guidance: {
      en: 'Check whether social welfare and child protection services run specific programmes for children in institutions, foster care and street situations, including follow-up of children who go missing from care.',
    },
    meansOfVerification: {
      en: 'Reports of centres for social work; data on children missing from care; monitoring visits to residential institutions and drop-in centres.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-5', 'eu-18', 'palermo-9'],
  },
  {
    code: 'PREV-2.2',
    areaCode: 'PREV-VUL',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Prevention programmes for Roma and Egyptian communities and other marginalised groups',
      'sr-Latn': 'Preventivni programi za romsku i egipćansku zajednicu i druge marginalizovane grupe',
      sq: 'Programe parandalimi për komunitetet rome dhe egjiptiane dhe grupe të tjera të margjinalizuara',
      mk: 'Програми за превенција за ромската и египќанската заедница и за други маргинализирани групи',
    },
    guidance: {
      en: 'Assess whether measures address forced begging, child and forced marriage and labour exploitation in these communities, are designed with community organisations and mediators, and are funded beyond single projects.',
    },
    meansOfVerification: {
      en: 'Action plan reports; Roma inclusion strategy reports; interviews with Roma community organisations and mediators.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-5', 'palermo-9'],
  },
  {
    code: 'PREV-2.3',
    areaCode: 'PREV-VUL',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Access to birth registration and identity documents for groups at risk',
      'sr-Latn': 'Pristup upisu u matičnu knjigu rođenih i ličnim dokumentima za rizične grupe',
      sq: 'Aksesi në regjistrimin e lindjes dhe në dokumentet e identitetit për grupet në rrezik',
      mk: 'Пристап до упис во матичната книга на родените и до лични документи за ризичните групи',
    },
    guidance: {
      en: 'Check whether late birth registration is available through a simple, free procedure and whether persons without documents can access social services, health care and schooling; score low if legally invisible persons remain without an effective remedy.',
    },
    meansOfVerification: {
      en: 'Civil registry legislation and by-laws; ombudsperson reports; UNHCR and NGO data on persons at risk of statelessness.',
    },
    expectedBreakdowns: [],
    // Access to documents is prevention for persons made vulnerable by the lack of them: CoE Convention Art. 5(2)
    // and Palermo Protocol Art. 9(4) (alleviating the factors that make persons vulnerable). Protocol Art. 12 is
    // the security and control of travel and identity documents, a border measure, not access to them.
    // https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent-suppress-and-punish-trafficking-persons
    standardKeys: ['coe-5', 'palermo-9'],
  },
  {
    code: 'PREV-2.4',
    areaCode: 'PREV-VUL',
    type: 'PROCESS',
    answerType: 'SCORE',
    title: {
      en: 'Screening for trafficking indicators at borders and in asylum and reception centres',
      'sr-Latn': 'Provera indikatora trgovine ljudima na granicama i u centrima za azil i prihvat',
      sq: 'Verifikimi i treguesve të trafikimit në kufi dhe në qendrat e azilit dhe të pritjes',
      mk: 'Проверка на индикатори за трговија со луѓе на границите и во центрите за азил и прифат',
    },
    guidance: {
      en: 'Verify whether border police and staff of asylum and reception centres apply written screening indicators, are trained on them and refer presumed victims to the identification body; check the number of such referrals.',
    },
    meansOfVerification: {
      en: 'Border police instructions; screening forms; statistics on referrals from reception centres; interviews with centre staff and NGOs present in the centres.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-7', 'palermo-11', 'coe-10'],
  },
  {
    code: 'PREV-3.1',
    areaCode: 'PREV-DEM',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Measures to discourage demand, including criminalisation of the knowing use of services of victims',
      'sr-Latn':
        'Mere za obeshrabrivanje potražnje, uključujući inkriminisanje svesnog korišćenja usluga žrtava',
      sq: 'Masa për dekurajimin e kërkesës, përfshirë penalizimin e përdorimit me dijeni të shërbimeve të viktimave',
      mk: 'Мерки за обесхрабрување на побарувачката, вклучително инкриминирање на свесното користење услуги од жртви',
    },
    guidance: {
      en: 'Check the criminal code for an offence of knowingly using the services of a trafficking victim, and whether demand-side measures go beyond general campaigns (e.g. engagement of employers and businesses). Score 3 requires both the offence and applied demand measures.',
    },
    meansOfVerification: {
      en: 'Criminal code; case law on the use of services of victims; action plan implementation reports.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-6', 'coe-19', 'eu-18a'],
  },
  {
    code: 'PREV-3.2',
    areaCode: 'PREV-DEM',
    type: 'OUTCOME',
    answerType: 'NUMBER',
    title: {
      en: 'Number of labour inspections in high-risk sectors that included checks for trafficking indicators',
      'sr-Latn':
        'Broj inspekcijskih nadzora rada u sektorima visokog rizika koji su uključili proveru indikatora trgovine ljudima',
      sq: 'Numri i inspektimeve të punës në sektorët me rrezik të lartë që përfshinë verifikimin e treguesve të trafikimit',
      mk: 'Број на инспекциски надзори на трудот во високоризични сектори што вклучувале проверка на индикатори за трговија со луѓе',
    },
    guidance: {
      en: 'Record the number of inspections in agriculture, construction, hospitality, domestic work and similar sectors in the calendar year before the cycle, as reported by the labour inspectorate; state in the narrative whether any presumed victims were referred.',
    },
    meansOfVerification: {
      en: 'Annual report of the labour inspectorate; replies to requests for access to information of public importance.',
    },
    expectedBreakdowns: ['sector', 'region', 'outcome of inspection'],
    standardKeys: ['coe-6', 'eu-18'],
  },
  {
    code: 'PREV-3.3',
    areaCode: 'PREV-DEM',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Licensing and monitoring of private employment and recruitment agencies',
      'sr-Latn': 'Licenciranje i nadzor nad privatnim agencijama za zapošljavanje i posredovanje',
      sq: 'Licencimi dhe monitorimi i agjencive private të punësimit dhe të rekrutimit',
      mk: 'Лиценцирање и надзор над приватните агенции за вработување и посредување',
    },
    guidance: {
      en: 'Assess whether agencies need a licence, are prohibited from charging recruitment fees to workers and are regularly inspected, and whether sanctions were imposed in the reporting period.',
    },
    meansOfVerification: {
      en: 'Employment legislation; register of licensed agencies; labour inspectorate reports.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-5', 'coe-6'],
  },
  {
    code: 'PREV-3.4',
    areaCode: 'PREV-DEM',
    type: 'STRUCTURAL',
    answerType: 'SCORE',
    title: {
      en: 'Due diligence against forced labour in public procurement and business supply chains',
      'sr-Latn': 'Dužna pažnja u pogledu prinudnog rada u javnim nabavkama i lancima snabdevanja',
      sq: 'Kujdesi i duhur kundër punës së detyruar në prokurimin publik dhe në zinxhirët e furnizimit të bizneseve',
      mk: 'Должно внимание против принудната работа во јавните набавки и во синџирите на снабдување',
    },
    guidance: {
      en: 'Check whether procurement rules allow exclusion of bidders convicted of trafficking or forced labour and whether any guidance or obligation on supply-chain due diligence exists. Score 0 if neither exists.',
    },
    meansOfVerification: {
      en: 'Public procurement law; guidance of the public procurement office; initiatives of chambers of commerce and employers.',
    },
    expectedBreakdowns: [],
    standardKeys: ['coe-6', 'eu-18'],
  },
];
