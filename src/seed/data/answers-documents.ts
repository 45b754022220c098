/**
 * Key documents per country used as evidence by the answer generator: laws, procedures, strategies,
 * official reports and statistics. URLs point to the publishing institution's website.
 */
import type { CountryCode } from './types';

export interface DocRef {
  title: string;
  citation: string | null;
  url: string | null;
  issuingInstitution: string;
  language: string;
}

export interface CountryDocuments {
  criminalCode: DocRef;
  foreignersLaw: DocRef;
  procedures: DocRef & { kind: 'SOP' | 'BYLAW' };
  strategy: DocRef;
  coordinatorReport: (reportedYear: number) => DocRef;
  rapporteurReport: (reportedYear: number) => DocRef;
  statistics: (year: number) => DocRef;
  policeStatistics: (year: number) => DocRef;
  courtStatistics: (reportedYear: number) => DocRef;
  labourReport: (reportedYear: number) => DocRef;
  gretaPage: string;
  tipSlug: string;
}

export const countryDocuments: Record<CountryCode, CountryDocuments> = {
  RS: {
    criminalCode: {
      title: 'Criminal Code of the Republic of Serbia, Article 388 (Trafficking in human beings)',
      citation: 'Official Gazette of the RS, No. 85/2005, as amended, Art. 388',
      url: 'https://www.pravno-informacioni-sistem.rs/',
      issuingInstitution: 'National Assembly of the Republic of Serbia',
      language: 'sr-Latn',
    },
    foreignersLaw: {
      title: 'Law on Foreigners',
      citation: 'Official Gazette of the RS, No. 24/2018, as amended',
      url: 'https://www.pravno-informacioni-sistem.rs/',
      issuingInstitution: 'National Assembly of the Republic of Serbia',
      language: 'sr-Latn',
    },
    procedures: {
      kind: 'SOP',
      title: 'Standard Operating Procedures for the Treatment of Victims of Trafficking in Human Beings',
      citation: null,
      url: null,
      issuingInstitution: 'Office for Coordination of Activities against Trafficking in Human Beings',
      language: 'sr-Latn',
    },
    strategy: {
      title:
        'Strategy for Prevention and Suppression of Trafficking in Human Beings, Especially Women and Children, and Protection of Victims, and its Action Plan',
      citation: null,
      url: 'https://www.srbija.gov.rs/',
      issuingInstitution: 'Government of the Republic of Serbia',
      language: 'sr-Latn',
    },
    coordinatorReport: (y) => ({
      title: `Report on the implementation of the anti-trafficking Action Plan in ${y}`,
      citation: null,
      url: 'https://www.mup.gov.rs/',
      issuingInstitution: 'Office for Coordination of Activities against Trafficking in Human Beings',
      language: 'sr-Latn',
    }),
    rapporteurReport: (y) => ({
      title: `Regular Annual Report of the Protector of Citizens for ${y}`,
      citation: null,
      url: 'https://www.ombudsman.org.rs/',
      issuingInstitution: 'Protector of Citizens',
      language: 'sr-Latn',
    }),
    statistics: (y) => ({
      title: `Statistical data on presumed and identified victims of trafficking, ${y}`,
      citation: null,
      url: 'https://www.centarzztlj.rs/',
      issuingInstitution: 'Centre for Protection of Victims of Trafficking',
      language: 'sr-Latn',
    }),
    policeStatistics: (y) => ({
      title: `Statistics on criminal offences under Articles 388–390 of the Criminal Code, ${y}`,
      citation: null,
      url: 'https://www.mup.gov.rs/',
      issuingInstitution: 'Ministry of Interior of the Republic of Serbia',
      language: 'sr-Latn',
    }),
    courtStatistics: (y) => ({
      title: `Adult perpetrators of criminal offences in the Republic of Serbia, ${y}`,
      citation: 'Statistical release',
      url: 'https://www.stat.gov.rs/',
      issuingInstitution: 'Statistical Office of the Republic of Serbia',
      language: 'sr-Latn',
    }),
    labourReport: (y) => ({
      title: `Annual report on the work of the Labour Inspectorate for ${y}`,
      citation: null,
      url: 'https://www.minrzs.gov.rs/',
      issuingInstitution: 'Ministry of Labour, Employment, Veteran and Social Affairs – Labour Inspectorate',
      language: 'sr-Latn',
    }),
    gretaPage: 'https://www.coe.int/en/web/anti-human-trafficking/serbia',
    tipSlug: 'serbia',
  },
  AL: {
    criminalCode: {
      title:
        'Criminal Code of the Republic of Albania, Articles 110/a (Trafficking of adults) and 128/b (Trafficking of minors)',
      citation: 'Law No. 7895 of 27.1.1995, as amended, Arts. 110/a and 128/b',
      url: 'https://qbz.gov.al/',
      issuingInstitution: 'Assembly of the Republic of Albania',
      language: 'sq',
    },
    foreignersLaw: {
      title: 'Law No. 79/2021 "On Foreigners"',
      citation: 'Law No. 79/2021',
      url: 'https://qbz.gov.al/',
      issuingInstitution: 'Assembly of the Republic of Albania',
      language: 'sq',
    },
    procedures: {
      kind: 'SOP',
      title:
        'Standard Operating Procedures for the Protection of Victims and Potential Victims of Trafficking',
      // The title of DCM No. 499/2018 is "On the approval of the standard operating procedures for the protection
      // of victims and potential victims of trafficking" (GRETA third report on Albania, 2020; docs/demo-data.md).
      // The earlier SOPs of 2011 were those "for the identification and referral" of victims.
      citation:
        'Decision of the Council of Ministers No. 499/2018 "On the approval of the standard operating procedures for the protection of victims and potential victims of trafficking"',
      url: 'https://qbz.gov.al/',
      issuingInstitution: 'Council of Ministers of the Republic of Albania',
      language: 'sq',
    },
    strategy: {
      title: 'National Action Plan for Combating Trafficking in Persons',
      citation: null,
      url: 'https://www.kryeministria.al/',
      issuingInstitution: 'Council of Ministers of the Republic of Albania',
      language: 'sq',
    },
    coordinatorReport: (y) => ({
      title: `Annual report on the implementation of the National Action Plan for Combating Trafficking in Persons, ${y}`,
      citation: null,
      url: 'https://mb.gov.al/',
      issuingInstitution: 'Ministry of Interior – Office of the National Anti-Trafficking Coordinator',
      language: 'sq',
    }),
    rapporteurReport: (y) => ({
      title: `Annual Report of the People's Advocate for ${y}`,
      citation: null,
      url: 'https://www.avokatipopullit.gov.al/',
      issuingInstitution: "People's Advocate",
      language: 'sq',
    }),
    statistics: (y) => ({
      title: `Statistics on victims and potential victims of trafficking, ${y}`,
      citation: null,
      url: 'https://mb.gov.al/',
      issuingInstitution: 'Office of the National Anti-Trafficking Coordinator',
      language: 'sq',
    }),
    policeStatistics: (y) => ({
      title: `State Police statistics on trafficking investigations, ${y}`,
      citation: null,
      url: 'https://www.asp.gov.al/',
      issuingInstitution: 'State Police',
      language: 'sq',
    }),
    courtStatistics: (y) => ({
      title: `Statistical Yearbook of the Ministry of Justice, ${y}`,
      citation: null,
      url: 'https://www.drejtesia.gov.al/',
      issuingInstitution: 'Ministry of Justice of the Republic of Albania',
      language: 'sq',
    }),
    labourReport: (y) => ({
      title: `Annual activity report of the State Labour and Social Services Inspectorate, ${y}`,
      citation: null,
      url: null,
      issuingInstitution: 'State Labour and Social Services Inspectorate',
      language: 'sq',
    }),
    gretaPage: 'https://www.coe.int/en/web/anti-human-trafficking/albania',
    tipSlug: 'albania',
  },
  BA: {
    criminalCode: {
      title:
        'Criminal Code of Bosnia and Herzegovina, Articles 186 and 186a, with Art. 210a of the Criminal Code of the Federation of BiH, Art. 145 of the Criminal Code of Republika Srpska and Art. 207a of the Criminal Code of Brčko District',
      citation: 'Official Gazette of BiH, No. 3/03, as amended, Arts. 186 and 186a',
      url: 'https://www.sluzbenilist.ba/',
      issuingInstitution: 'Parliamentary Assembly of Bosnia and Herzegovina',
      language: 'bs',
    },
    foreignersLaw: {
      title: 'Law on Foreigners of Bosnia and Herzegovina',
      citation: 'Official Gazette of BiH, No. 88/15, as amended',
      url: 'https://www.sluzbenilist.ba/',
      issuingInstitution: 'Parliamentary Assembly of Bosnia and Herzegovina',
      language: 'bs',
    },
    procedures: {
      kind: 'BYLAW',
      title: 'Rulebook on the Protection of Foreign Victims of Trafficking in Human Beings',
      citation: 'Official Gazette of BiH',
      url: 'https://www.sluzbenilist.ba/',
      issuingInstitution: 'Ministry of Security of Bosnia and Herzegovina',
      language: 'bs',
    },
    strategy: {
      title:
        'Strategy for Combating Trafficking in Human Beings in Bosnia and Herzegovina and its Action Plan',
      citation: null,
      url: 'https://www.vijeceministara.gov.ba/',
      issuingInstitution: 'Council of Ministers of Bosnia and Herzegovina',
      language: 'bs',
    },
    coordinatorReport: (y) => ({
      title: `Situation Report on Trafficking in Human Beings in Bosnia and Herzegovina for ${y}`,
      citation: null,
      url: 'https://msb.gov.ba/',
      issuingInstitution:
        'Ministry of Security of BiH – State Coordinator for Combating Trafficking in Human Beings',
      language: 'bs',
    }),
    rapporteurReport: (y) => ({
      title: `Annual Report of the Institution of Human Rights Ombudsman of Bosnia and Herzegovina for ${y}`,
      citation: null,
      url: 'https://www.ombudsmen.gov.ba/',
      issuingInstitution: 'Institution of Human Rights Ombudsman of Bosnia and Herzegovina',
      language: 'bs',
    }),
    statistics: (y) => ({
      title: `Data on identified victims of trafficking in human beings, ${y}`,
      citation: null,
      url: 'https://msb.gov.ba/',
      issuingInstitution: 'Ministry of Security of Bosnia and Herzegovina',
      language: 'bs',
    }),
    policeStatistics: (y) => ({
      title: `Data of police agencies and prosecutor's offices on trafficking cases, ${y}`,
      citation: null,
      url: 'https://msb.gov.ba/',
      issuingInstitution: 'Ministry of Security of Bosnia and Herzegovina',
      language: 'bs',
    }),
    courtStatistics: (y) => ({
      title: `Annual Report of the High Judicial and Prosecutorial Council of BiH for ${y}`,
      citation: null,
      url: 'https://vstv.pravosudje.ba/',
      issuingInstitution: 'High Judicial and Prosecutorial Council of Bosnia and Herzegovina',
      language: 'bs',
    }),
    labourReport: (y) => ({
      title: `Information on inspections of labour relations in high-risk sectors, ${y}`,
      citation: null,
      url: null,
      issuingInstitution: 'Federal Administration for Inspection Affairs',
      language: 'bs',
    }),
    gretaPage: 'https://www.coe.int/en/web/anti-human-trafficking/bosnia-and-herzegovina',
    tipSlug: 'bosnia-and-herzegovina',
  },
  ME: {
    criminalCode: {
      title: 'Criminal Code of Montenegro, Article 444 (Trafficking in persons)',
      citation: 'Official Gazette of the Republic of Montenegro, No. 70/2003, as amended, Art. 444',
      url: 'https://www.sluzbenilist.me/',
      issuingInstitution: 'Parliament of Montenegro',
      language: 'cnr',
    },
    foreignersLaw: {
      title: 'Law on Foreigners',
      citation: 'Official Gazette of Montenegro, No. 12/18, as amended',
      url: 'https://www.sluzbenilist.me/',
      issuingInstitution: 'Parliament of Montenegro',
      language: 'cnr',
    },
    procedures: {
      kind: 'SOP',
      title: 'Standard Operating Procedures for the Identification of Victims of Trafficking in Human Beings',
      citation: null,
      url: null,
      issuingInstitution: 'Office for Combating Trafficking in Human Beings',
      language: 'cnr',
    },
    strategy: {
      title: 'Strategy for Combating Trafficking in Human Beings and its Action Plan',
      citation: null,
      url: 'https://www.gov.me/',
      issuingInstitution: 'Government of Montenegro',
      language: 'cnr',
    },
    coordinatorReport: (y) => ({
      title: `Report on the implementation of the Action Plan for combating trafficking in human beings for ${y}`,
      citation: null,
      url: 'https://www.gov.me/',
      issuingInstitution: 'Office for Combating Trafficking in Human Beings',
      language: 'cnr',
    }),
    rapporteurReport: (y) => ({
      title: `Annual Report of the Protector of Human Rights and Freedoms of Montenegro for ${y}`,
      citation: null,
      url: 'https://www.ombudsman.co.me/',
      issuingInstitution: 'Protector of Human Rights and Freedoms of Montenegro',
      language: 'cnr',
    }),
    statistics: (y) => ({
      title: `Data on presumed and identified victims of trafficking, ${y}`,
      citation: null,
      url: 'https://www.gov.me/',
      issuingInstitution: 'Office for Combating Trafficking in Human Beings',
      language: 'cnr',
    }),
    policeStatistics: (y) => ({
      title: `Police Administration data on trafficking investigations, ${y}`,
      citation: null,
      url: 'https://www.gov.me/',
      issuingInstitution: 'Police Administration of Montenegro',
      language: 'cnr',
    }),
    courtStatistics: (y) => ({
      title: `Annual Report on the Work of the Judicial Council and Overall Situation in the Judiciary for ${y}`,
      citation: null,
      url: 'https://sudovi.me/',
      issuingInstitution: 'Judicial Council of Montenegro',
      language: 'cnr',
    }),
    labourReport: (y) => ({
      title: `Report on the work of the Labour Inspectorate for ${y}`,
      citation: null,
      url: 'https://www.gov.me/',
      issuingInstitution: 'Labour Inspectorate of Montenegro',
      language: 'cnr',
    }),
    gretaPage: 'https://www.coe.int/en/web/anti-human-trafficking/montenegro',
    tipSlug: 'montenegro',
  },
  MK: {
    criminalCode: {
      title:
        'Criminal Code of the Republic of North Macedonia, Articles 418-a (Trafficking in human beings) and 418-d (Trafficking in a minor)',
      citation: 'Official Gazette No. 37/1996, as amended, Arts. 418-a and 418-d',
      url: 'https://www.slvesnik.com.mk/',
      issuingInstitution: 'Assembly of the Republic of North Macedonia',
      language: 'mk',
    },
    foreignersLaw: {
      title: 'Law on Foreigners',
      citation: 'Official Gazette of the Republic of North Macedonia, No. 97/18, as amended',
      url: 'https://www.slvesnik.com.mk/',
      issuingInstitution: 'Assembly of the Republic of North Macedonia',
      language: 'mk',
    },
    procedures: {
      kind: 'SOP',
      title: 'Standard Operating Procedures for Dealing with Victims of Trafficking in Human Beings',
      citation: null,
      url: null,
      issuingInstitution:
        'National Commission for Combating Trafficking in Human Beings and Illegal Migration',
      language: 'mk',
    },
    // Adopted by the National Commission for 2021–2025 (National Commission, nacionalnakomisija.gov.mk;
    // docs/demo-data.md).
    strategy: {
      title:
        'National Strategy for Combating Trafficking in Human Beings and Illegal Migration (2021–2025) and its Action Plan',
      citation: null,
      url: 'https://vlada.mk/',
      issuingInstitution: 'Government of the Republic of North Macedonia',
      language: 'mk',
    },
    coordinatorReport: (y) => ({
      title: `Annual report of the National Commission for Combating Trafficking in Human Beings and Illegal Migration for ${y}`,
      citation: null,
      url: 'https://mvr.gov.mk/',
      issuingInstitution:
        'National Commission for Combating Trafficking in Human Beings and Illegal Migration',
      language: 'mk',
    }),
    // The Ombudsman is the National Rapporteur (GRETA third report on North Macedonia, 2023).
    rapporteurReport: (y) => ({
      title: `Annual report of the Ombudsman of the Republic of North Macedonia for ${y}`,
      citation: null,
      url: null,
      issuingInstitution: 'Ombudsman of the Republic of North Macedonia (National Rapporteur)',
      language: 'mk',
    }),
    statistics: (y) => ({
      title: `National Referral Mechanism data on presumed and identified victims of trafficking, ${y}`,
      citation: null,
      url: null,
      issuingInstitution:
        'National Commission for Combating Trafficking in Human Beings and Illegal Migration',
      language: 'mk',
    }),
    policeStatistics: (y) => ({
      title: `Ministry of Interior data on trafficking in human beings and smuggling of migrants, ${y}`,
      citation: null,
      url: 'https://mvr.gov.mk/',
      issuingInstitution: 'Ministry of Interior of the Republic of North Macedonia',
      language: 'mk',
    }),
    courtStatistics: (y) => ({
      title: `Perpetrators of criminal offences, ${y}`,
      citation: 'Statistical review',
      url: 'https://www.stat.gov.mk/',
      issuingInstitution: 'State Statistical Office of the Republic of North Macedonia',
      language: 'mk',
    }),
    labourReport: (y) => ({
      title: `Annual report of the State Labour Inspectorate for ${y}`,
      citation: null,
      url: null,
      issuingInstitution: 'State Labour Inspectorate',
      language: 'mk',
    }),
    gretaPage: 'https://www.coe.int/en/web/anti-human-trafficking/north-macedonia',
    tipSlug: 'north-macedonia',
  },
};
