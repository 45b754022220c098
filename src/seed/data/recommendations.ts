/**
 * Demo recommendations: ILLUSTRATIVE. The sources below are demo entries modelled on the kinds of reports that make
 * recommendations (GRETA's country evaluations, the TIP report's prioritized recommendations, the UPR, a national
 * action plan); they name no real report, and every text is a paraphrase written for the demo, never a quotation.
 * The links to standards are real articles of the Council of Europe Convention on Action against Trafficking in
 * Human Beings (CETS No. 197) that the seed's standards hold; the indicators are the demo framework's.
 */
import type { CountryCode, I18n } from './types';

export type SeedSourceBody = 'GRETA' | 'TIP' | 'UPR' | 'NATIONAL_ACTION_PLAN';

export interface SeedSource {
  key: string;
  body: SeedSourceBody;
  /** Null for a source addressed to every country. */
  countryCode: CountryCode | null;
  title: I18n;
  year: number;
}

export interface SeedTheme {
  key: string;
  /** The demo framework's indicator codes that show its implementation. */
  indicators: string[];
  /** Keys of the seed's standards (`coe-<article>`). */
  standards: string[];
  text: (country: string) => string;
}

const DEMO = '(illustrative demo entry, not a real report)';
const COUNTRY_NAMES: Record<CountryCode, string> = {
  AL: 'Albania',
  BA: 'Bosnia and Herzegovina',
  ME: 'Montenegro',
  MK: 'North Macedonia',
  RS: 'Serbia',
};

export const RECOMMENDATION_COUNTRIES = Object.keys(COUNTRY_NAMES) as CountryCode[];

export function sourcesFor(country: CountryCode): SeedSource[] {
  const name = COUNTRY_NAMES[country];
  const code = country.toLowerCase();
  return [
    {
      key: `greta-${code}`,
      body: 'GRETA',
      countryCode: country,
      title: { en: `GRETA-style country evaluation of ${name} ${DEMO}` },
      year: 2023,
    },
    {
      key: `upr-${code}`,
      body: 'UPR',
      countryCode: country,
      title: { en: `UPR-style recommendations to ${name} ${DEMO}` },
      year: 2023,
    },
    {
      key: `nap-${code}`,
      body: 'NATIONAL_ACTION_PLAN',
      countryCode: country,
      title: { en: `National action plan measures of ${name} ${DEMO}` },
      year: 2024,
    },
  ];
}

/** One source addressed to all five countries. */
export const SHARED_SOURCES: SeedSource[] = [
  {
    key: 'tip-2024',
    body: 'TIP',
    countryCode: null,
    title: { en: `TIP-style prioritized recommendations for the region ${DEMO}` },
    year: 2024,
  },
];

const illustrative = (text: string) => `${text} (Illustrative paraphrase for the demo.)`;

export const THEMES: SeedTheme[] = [
  {
    key: 'identification',
    indicators: ['PROT-1.1'],
    standards: ['coe-10'],
    text: (c) =>
      illustrative(
        `Set out in law a formal identification procedure for victims in ${c} that does not depend on their co-operation in criminal proceedings.`,
      ),
  },
  {
    key: 'referral',
    indicators: ['PROT-1.2', 'PART-2.1'],
    standards: ['coe-10', 'coe-12'],
    text: (c) =>
      illustrative(
        `Give the national referral mechanism of ${c} written procedures and involve specialist NGOs in identifying victims.`,
      ),
  },
  {
    key: 'shelters',
    indicators: ['PROT-2.2'],
    standards: ['coe-12'],
    text: (c) =>
      illustrative(
        `Secure stable funding for specialised, safe accommodation for women, men and children who are victims in ${c}.`,
      ),
  },
  {
    key: 'guardians',
    indicators: ['PROT-3.1'],
    standards: ['coe-10'],
    text: (c) =>
      illustrative(
        `Appoint a guardian without delay for every unaccompanied or separated child presumed to be a victim in ${c}.`,
      ),
  },
  {
    key: 'non-punishment',
    indicators: ['PROS-4.1'],
    standards: ['coe-26'],
    text: (c) =>
      illustrative(
        `Adopt a provision in ${c} so that victims are not punished for offences they were compelled to commit.`,
      ),
  },
  {
    key: 'specialisation',
    indicators: ['PROS-2.1'],
    standards: ['coe-29'],
    text: (c) =>
      illustrative(
        `Train and specialise prosecutors and police officers in ${c} so that trafficking cases are investigated proactively.`,
      ),
  },
  {
    key: 'convictions',
    indicators: ['PROS-3.1'],
    standards: ['coe-23'],
    text: (c) =>
      illustrative(
        `Make sure trafficking offences in ${c} lead to effective and dissuasive sentences, and report the outcomes of cases.`,
      ),
  },
  {
    key: 'compensation',
    indicators: ['PROS-1.1'],
    standards: ['coe-15'],
    text: (c) =>
      illustrative(
        `Make compensation from perpetrators or a state fund accessible to victims in ${c} in practice.`,
      ),
  },
  {
    key: 'coordination',
    indicators: ['PART-1.1'],
    standards: ['coe-29'],
    text: (c) =>
      illustrative(
        `Give the national anti-trafficking co-ordinator of ${c} a clear mandate, staff and a budget of its own.`,
      ),
  },
  {
    key: 'data',
    indicators: ['PART-3.1'],
    standards: ['coe-29'],
    text: (c) =>
      illustrative(
        `Set up centralised data collection on victims and cases in ${c}, broken down by sex, age and form of exploitation.`,
      ),
  },
  {
    key: 'children-in-care',
    indicators: ['PREV-2.1'],
    standards: ['coe-5'],
    text: (c) =>
      illustrative(
        `Prevent the trafficking of children in residential care and in street situations in ${c} with targeted outreach.`,
      ),
  },
  {
    key: 'demand',
    indicators: ['PREV-3.1'],
    standards: ['coe-6'],
    text: (c) =>
      illustrative(
        `Discourage demand in ${c}, including by considering making it an offence to knowingly use the services of a victim.`,
      ),
  },
];

/** Which source body each theme comes from in the demo, and GRETA's wording where it is GRETA's. */
export const THEME_SOURCES: Array<{ body: SeedSourceBody; strength: 'URGE' | 'CONSIDER' | 'INVITE' | null }> =
  [
    { body: 'GRETA', strength: 'URGE' },
    { body: 'GRETA', strength: 'URGE' },
    { body: 'GRETA', strength: 'CONSIDER' },
    { body: 'GRETA', strength: 'URGE' },
    { body: 'GRETA', strength: 'CONSIDER' },
    { body: 'TIP', strength: null },
    { body: 'TIP', strength: null },
    { body: 'GRETA', strength: 'INVITE' },
    { body: 'NATIONAL_ACTION_PLAN', strength: null },
    { body: 'NATIONAL_ACTION_PLAN', strength: null },
    { body: 'UPR', strength: null },
    { body: 'UPR', strength: null },
  ];

export const COUNTRY_NAME = COUNTRY_NAMES;
