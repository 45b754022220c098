/**
 * Country profiles used by the answer generator: institutions and recurring findings of the five monitoring
 * partners, as illustrative demo data. Key documents are in answers-documents.ts.
 */
import type { CountryCode, LocaleTag } from './types';
import { countryDocuments, type CountryDocuments } from './answers-documents';

export type Role =
  | 'coordinator'
  | 'identification'
  | 'shelter'
  | 'social'
  | 'labour'
  | 'police'
  | 'prosecution'
  | 'court'
  | 'justice'
  | 'data'
  | 'rapporteur';

/** Dialect of the local-language narrative templates. */
export type Dialect = 'sr' | 'ije' | 'sq' | 'mk';

export interface CountryProfile extends CountryDocuments {
  name: string;
  /** Locale of the local-language narrative. */
  locale: Exclude<LocaleTag, 'en' | 'sr-Cyrl'>;
  dialect: Dialect;
  /** Language tag of official documents. */
  docLanguage: string;
  /** Monitoring partner that records the answers. */
  ngo: string;
  /** The partner's name as used inside an English sentence (with an article where needed). */
  ngoRef: string;
  /** Shifts the country's scores: positive = generally stronger performance. */
  scoreBias: number;
  institutions: Record<Role, string>;
  localInstitutions: Record<Role, string>;
  frequentForms: string[];
  developments: string[];
  gretaPending: string[];
}

export const countryProfiles: Record<CountryCode, CountryProfile> = {
  RS: {
    name: 'Serbia',
    locale: 'sr-Latn',
    dialect: 'sr',
    docLanguage: 'sr-Latn',
    ngo: 'ASTRA – Anti Trafficking Action',
    ngoRef: 'ASTRA – Anti Trafficking Action',
    scoreBias: 0.15,
    institutions: {
      coordinator: 'Office for Coordination of Activities against Trafficking in Human Beings',
      identification: 'Centre for Protection of Victims of Trafficking',
      shelter: 'Centre for Protection of Victims of Trafficking and licensed NGO shelters',
      social: 'centres for social work',
      labour: 'Labour Inspectorate',
      police: 'Ministry of Interior',
      prosecution: "Prosecutor's Office for Organised Crime and the higher public prosecutor's offices",
      court: 'higher courts',
      justice: 'Ministry of Justice',
      data: 'Office for Coordination of Activities against Trafficking in Human Beings',
      rapporteur: 'Protector of Citizens (Ombudsman) as National Rapporteur',
    },
    localInstitutions: {
      coordinator: 'Kancelarija za koordinaciju aktivnosti u borbi protiv trgovine ljudima',
      identification: 'Centar za zaštitu žrtava trgovine ljudima',
      shelter:
        'Centar za zaštitu žrtava trgovine ljudima i licencirana skloništa organizacija civilnog društva',
      social: 'centri za socijalni rad',
      labour: 'Inspektorat za rad',
      police: 'Ministarstvo unutrašnjih poslova',
      prosecution: 'Tužilaštvo za organizovani kriminal i viša javna tužilaštva',
      court: 'viši sudovi',
      justice: 'Ministarstvo pravde',
      data: 'Kancelarija za koordinaciju aktivnosti u borbi protiv trgovine ljudima',
      rapporteur: 'Zaštitnik građana kao nacionalni izvestilac',
    },
    frequentForms: ['sexual exploitation', 'labour exploitation', 'forced criminality'],
    ...countryDocuments.RS,
    developments: [
      'Work on the new action plan under the national anti-trafficking strategy continued in a working group convened by the Office for Coordination of Activities against Trafficking in Human Beings, with civil society taking part.',
      'The Council for Combating Trafficking in Human Beings met only once, and no public report on its conclusions was issued.',
      'The Protector of Citizens, acting as National Rapporteur, issued recommendations on the identification of victims among migrants and on access to compensation.',
      'No amendments to the Criminal Code relevant to trafficking were adopted; civil society proposals for an explicit non-punishment provision remained pending.',
      'The Centre for Protection of Victims of Trafficking reported staff shortages that delayed formal identification outside Belgrade.',
    ],
    gretaPending: [
      'introduce an explicit non-punishment provision and guidance for prosecutors',
      'establish a state compensation scheme accessible to victims of trafficking',
      'strengthen proactive identification of victims of labour exploitation, including foreign workers',
      'provide multi-annual funding to specialist NGOs assisting victims',
      'ensure that trafficking cases are not requalified as mediation in prostitution or other lesser offences',
    ],
  },
  AL: {
    name: 'Albania',
    locale: 'sq',
    dialect: 'sq',
    docLanguage: 'sq',
    ngo: 'Center for Legal Civic Initiatives',
    ngoRef: 'the Center for Legal Civic Initiatives',
    scoreBias: 0.25,
    institutions: {
      coordinator:
        'Office of the National Anti-Trafficking Coordinator and the State Committee against Trafficking in Persons',
      identification: 'National Referral Mechanism',
      shelter:
        'National Reception Centre for Victims of Trafficking and the NGO shelters of the National Coalition of Anti-Trafficking Shelters',
      social: 'State Social Service and child protection units',
      labour: 'State Labour and Social Services Inspectorate',
      police: 'State Police',
      prosecution:
        'prosecution offices and the Special Prosecution Office against Corruption and Organised Crime (SPAK)',
      court: 'courts of first instance',
      justice: 'Ministry of Justice',
      data: 'Office of the National Anti-Trafficking Coordinator',
      rapporteur: "People's Advocate",
    },
    localInstitutions: {
      coordinator:
        'Zyra e Koordinatorit Kombëtar kundër Trafikimit dhe Komiteti Shtetëror kundër Trafikimit të Personave',
      identification: 'Mekanizmi Kombëtar i Referimit',
      shelter:
        'Qendra Kombëtare e Pritjes për Viktimat e Trafikimit dhe strehëzat e Koalicionit Kombëtar të Strehëzave kundër Trafikimit',
      social: 'Shërbimi Social Shtetëror dhe njësitë për mbrojtjen e fëmijëve',
      labour: 'Inspektorati Shtetëror i Punës dhe Shërbimeve Shoqërore',
      police: 'Policia e Shtetit',
      prosecution: 'prokuroritë dhe Prokuroria e Posaçme kundër Korrupsionit dhe Krimit të Organizuar (SPAK)',
      court: 'gjykatat e shkallës së parë',
      justice: 'Ministria e Drejtësisë',
      data: 'Zyra e Koordinatorit Kombëtar kundër Trafikimit',
      rapporteur: 'Avokati i Popullit',
    },
    frequentForms: ['sexual exploitation', 'forced begging', 'labour exploitation'],
    ...countryDocuments.AL,
    developments: [
      'The Office of the National Anti-Trafficking Coordinator reported on the implementation of the National Action Plan to the State Committee against Trafficking in Persons.',
      'Funding of the NGO shelters of the National Coalition of Anti-Trafficking Shelters continued through the social fund, but transfers were delayed for several months.',
      'Mobile identification units applying the standard operating procedures of the National Referral Mechanism were extended to additional regions.',
      'Amendments aligning the Criminal Code with the amended EU Anti-Trafficking Directive, including forced marriage and illegal adoption, were discussed but not adopted.',
    ],
    gretaPending: [
      'ensure that victims receive compensation, including through the state compensation scheme',
      'secure sustainable funding for NGO-run shelters and reintegration services',
      'strengthen identification of victims among migrants and persons returned from abroad',
      'ensure that investigations lead to convictions with dissuasive sentences',
      'improve the assistance to child victims, including guardianship and best-interests assessment',
    ],
  },
  BA: {
    name: 'Bosnia and Herzegovina',
    locale: 'bs',
    dialect: 'ije',
    docLanguage: 'bs',
    ngo: 'International Forum of Solidarity – EMMAUS',
    ngoRef: 'the International Forum of Solidarity – EMMAUS',
    scoreBias: -0.1,
    institutions: {
      coordinator:
        'State Coordinator for Combating Trafficking in Human Beings (Ministry of Security of BiH)',
      identification: 'regional monitoring teams co-ordinated by the Ministry of Security of BiH',
      shelter: 'NGO-run shelters funded through the Ministry of Security of BiH',
      social: 'centres for social work',
      labour: 'entity and Brčko District labour inspectorates',
      police: 'State Investigation and Protection Agency (SIPA) and entity police',
      prosecution: "Prosecutor's Office of BiH and the entity and cantonal prosecutor's offices",
      court: 'Court of BiH and entity courts',
      justice: 'Ministry of Justice of BiH',
      data: 'Ministry of Security of BiH',
      rapporteur: 'Institution of Human Rights Ombudsman of BiH',
    },
    localInstitutions: {
      coordinator: 'Državni koordinator za borbu protiv trgovine ljudima (Ministarstvo sigurnosti BiH)',
      identification: 'regionalni monitoring timovi koje koordinira Ministarstvo sigurnosti BiH',
      shelter: 'sigurne kuće nevladinih organizacija koje finansira Ministarstvo sigurnosti BiH',
      social: 'centri za socijalni rad',
      labour: 'entitetske inspekcije rada i inspekcija Brčko distrikta',
      police: 'Državna agencija za istrage i zaštitu (SIPA) i entitetske policije',
      prosecution: 'Tužilaštvo BiH i entitetska i kantonalna tužilaštva',
      court: 'Sud BiH i entitetski sudovi',
      justice: 'Ministarstvo pravde BiH',
      data: 'Ministarstvo sigurnosti BiH',
      rapporteur: 'Institucija ombudsmena za ljudska prava BiH',
    },
    frequentForms: ['forced begging', 'sexual exploitation', 'forced marriage'],
    ...countryDocuments.BA,
    developments: [
      'The State Coordinator for Combating Trafficking in Human Beings presented the annual Situation Report on Trafficking in Human Beings to the Council of Ministers.',
      'Harmonisation of the trafficking offences of the entity and Brčko District criminal codes with the Criminal Code of BiH remained incomplete.',
      'The regional monitoring teams met regularly in most regions, although not all municipalities took part.',
      'Funding for NGO-run shelters was again allocated through annual calls of the Ministry of Security, without multi-year contracts.',
    ],
    gretaPending: [
      'harmonise the criminal legislation on trafficking at state, entity and Brčko District level',
      // GRETA (2022) welcomed the non-punishment provisions of all jurisdictions and asked for guidance on them.
      'develop guidance and train police officers and prosecutors on applying the non-punishment provisions',
      'ensure that child victims of forced begging and forced marriage are identified and not treated as offenders',
      'guarantee access to compensation for victims, including through a state compensation fund',
      'ensure sustainable funding of NGO-run shelters',
      'improve the identification of victims among migrants and asylum seekers',
    ],
  },
  ME: {
    name: 'Montenegro',
    // Montenegrin texts are stored as Montenegrin (ISO 639-3 cnr), not as Serbian.
    locale: 'cnr',
    dialect: 'ije',
    docLanguage: 'cnr',
    ngo: "Women's Rights Centre",
    ngoRef: "the Women's Rights Centre",
    scoreBias: -0.25,
    institutions: {
      coordinator: 'Office for Combating Trafficking in Human Beings',
      identification: 'Team for formal identification of victims of trafficking',
      shelter: 'shelter for victims of trafficking supported by the Government of Montenegro',
      social: 'centres for social work',
      labour: 'Labour Inspectorate',
      police: 'Police Administration',
      prosecution: "Special State Prosecutor's Office and the higher state prosecutor's offices",
      court: 'higher courts in Podgorica and Bijelo Polje',
      justice: 'Ministry of Justice',
      data: 'Office for Combating Trafficking in Human Beings',
      rapporteur: 'Protector of Human Rights and Freedoms (Ombudsman)',
    },
    localInstitutions: {
      coordinator: 'Kancelarija za borbu protiv trgovine ljudima',
      identification: 'Tim za formalnu identifikaciju žrtava trgovine ljudima',
      shelter: 'sklonište za žrtve trgovine ljudima koje podržava Vlada Crne Gore',
      social: 'centri za socijalni rad',
      labour: 'Inspekcija rada',
      police: 'Uprava policije',
      prosecution: 'Specijalno državno tužilaštvo i viša državna tužilaštva',
      court: 'viši sudovi u Podgorici i Bijelom Polju',
      justice: 'Ministarstvo pravde',
      data: 'Kancelarija za borbu protiv trgovine ljudima',
      rapporteur: 'Zaštitnik ljudskih prava i sloboda',
    },
    frequentForms: ['forced marriage', 'forced begging', 'sexual exploitation'],
    ...countryDocuments.ME,
    developments: [
      'The Government of Montenegro adopted the annual action plan under the anti-trafficking strategy, prepared by the Office for Combating Trafficking in Human Beings.',
      'The Team for formal identification of victims of trafficking met on referrals, but civil society representatives were not consistently invited.',
      'The shelter for victims of trafficking continued to operate on the basis of an annual agreement, without multi-year funding.',
      'Alignment of Article 444 of the Criminal Code with the amended EU Anti-Trafficking Directive was announced but not adopted by the end of the year.',
    ],
    gretaPending: [
      'improve proactive identification of victims, in particular among Roma and Egyptian children and foreign seasonal workers',
      'ensure that forced and child marriages are investigated as trafficking where the elements are present',
      // The specific non-punishment provision exists (GRETA, 2025): what may remain is its application.
      'issue guidance and train police officers and prosecutors on the non-punishment provision',
      'guarantee effective access to compensation for victims',
      'ensure sustainable funding of the shelter and reintegration services',
    ],
  },
  MK: {
    name: 'North Macedonia',
    locale: 'mk',
    dialect: 'mk',
    docLanguage: 'mk',
    ngo: 'Open Gate – La Strada',
    ngoRef: 'Open Gate – La Strada',
    scoreBias: 0.05,
    institutions: {
      coordinator: 'National Commission for Combating Trafficking in Human Beings and Illegal Migration',
      identification: 'National Referral Mechanism and its mobile identification teams',
      shelter: 'Centre for Victims of Trafficking in Human Beings and the NGO-run shelter',
      social: 'inter-municipal centres for social work',
      labour: 'State Labour Inspectorate',
      police:
        'Ministry of Interior (National Unit for Combating Trafficking in Human Beings and Smuggling of Migrants)',
      prosecution: "Public Prosecutor's Office for Prosecuting Organised Crime and Corruption",
      court: 'Basic Court Skopje 1 and other basic courts',
      justice: 'Ministry of Justice',
      data: 'National Commission for Combating Trafficking in Human Beings and Illegal Migration',
      // The Office of the Ombudsman is the National Rapporteur, not a body of its own (GRETA third report on
      // North Macedonia, 2023; docs/demo-data.md).
      rapporteur: 'Ombudsman of the Republic of North Macedonia as National Rapporteur',
    },
    localInstitutions: {
      coordinator: 'Национална комисија за борба против трговија со луѓе и илегална миграција',
      identification: 'Национален механизам за упатување и мобилните тимови за идентификација',
      shelter: 'Центар за жртви на трговија со луѓе и засолништето на граѓанска организација',
      social: 'меѓуопштински центри за социјална работа',
      labour: 'Државен инспекторат за труд',
      police:
        'Министерство за внатрешни работи (Национална единица за сузбивање на трговија со луѓе и криумчарење мигранти)',
      prosecution: 'Јавно обвинителство за гонење на организиран криминал и корупција',
      court: 'Основен суд Скопје 1 и другите основни судови',
      justice: 'Министерство за правда',
      data: 'Национална комисија за борба против трговија со луѓе и илегална миграција',
      rapporteur: 'Народен правобранител како национален известувач',
    },
    frequentForms: ['sexual exploitation', 'forced marriage', 'labour exploitation'],
    ...countryDocuments.MK,
    developments: [
      'The National Commission for Combating Trafficking in Human Beings and Illegal Migration reported on the implementation of the National Strategy and Action Plan.',
      'Mobile identification teams continued to operate in Skopje and several other municipalities with the participation of civil society organisations.',
      'The Ombudsman, acting as National Rapporteur, published recommendations on the identification of victims of labour exploitation.',
      'Amendments to the Criminal Code covering forced marriage and illegal adoption as forms of exploitation were under discussion but not adopted.',
    ],
    gretaPending: [
      'ensure that victims obtain compensation from perpetrators or through state compensation',
      'strengthen identification of victims of labour exploitation and among migrants',
      'provide sustainable funding to NGOs participating in the National Referral Mechanism',
      'apply the non-punishment provision consistently in practice',
      'improve the protection of child victims in criminal proceedings',
    ],
  },
};
