import type { CountryCode, I18n, LocaleTag } from './types';

export const DEMO_PASSWORD = 'Demo-Password-1';

export const countries: Array<{ code: CountryCode; name: I18n; locales: LocaleTag[] }> = [
  {
    code: 'AL',
    name: {
      en: 'Albania',
      sq: 'Shqipëria',
      'sr-Latn': 'Albanija',
      mk: 'Албанија',
      bs: 'Albanija',
      cnr: 'Albanija',
      hr: 'Albanija',
    },
    locales: ['sq', 'en'],
  },
  {
    code: 'BA',
    name: {
      en: 'Bosnia and Herzegovina',
      bs: 'Bosna i Hercegovina',
      'sr-Latn': 'Bosna i Hercegovina',
      sq: 'Bosnja dhe Hercegovina',
      mk: 'Босна и Херцеговина',
      cnr: 'Bosna i Hercegovina',
      hr: 'Bosna i Hercegovina',
    },
    locales: ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en'],
  },
  {
    code: 'ME',
    name: {
      en: 'Montenegro',
      cnr: 'Crna Gora',
      hr: 'Crna Gora',
      'sr-Latn': 'Crna Gora',
      sq: 'Mali i Zi',
      mk: 'Црна Гора',
      bs: 'Crna Gora',
    },
    locales: ['cnr', 'sr-Latn', 'sq', 'en'],
  },
  {
    code: 'MK',
    name: {
      en: 'North Macedonia',
      mk: 'Северна Македонија',
      sq: 'Maqedonia e Veriut',
      'sr-Latn': 'Severna Makedonija',
      bs: 'Sjeverna Makedonija',
      cnr: 'Sjeverna Makedonija',
      hr: 'Sjeverna Makedonija',
    },
    locales: ['mk', 'sq', 'en'],
  },
  {
    code: 'RS',
    name: {
      en: 'Serbia',
      'sr-Latn': 'Srbija',
      sq: 'Serbia',
      mk: 'Србија',
      bs: 'Srbija',
      cnr: 'Srbija',
      hr: 'Srbija',
    },
    locales: ['sr-Latn', 'sr-Cyrl', 'en'],
  },
];

export type DemoOrganisationKind = 'PARTNER' | 'REVIEWER' | 'INTEGRATOR' | 'PLATFORM';

export const organisations: Array<{
  shortName: string;
  name: string;
  kind: DemoOrganisationKind;
  countries: CountryCode[];
}> = [
  { shortName: 'ASTRA', name: 'ASTRA – Anti Trafficking Action', kind: 'PARTNER', countries: ['RS'] },
  {
    shortName: 'IFS-EMMAUS',
    name: 'International Forum of Solidarity – EMMAUS',
    kind: 'PARTNER',
    countries: ['BA'],
  },
  { shortName: 'WRC', name: 'Women’s Rights Centre', kind: 'PARTNER', countries: ['ME'] },
  { shortName: 'CLCI', name: 'Center for Legal Civic Initiatives', kind: 'PARTNER', countries: ['AL'] },
  { shortName: 'Open Gate', name: 'Open Gate – La Strada', kind: 'PARTNER', countries: ['MK'] },
  { shortName: 'NHC', name: 'Netherlands Helsinki Committee', kind: 'REVIEWER', countries: [] },
  { shortName: 'Platform', name: 'Regional Indicators Platform', kind: 'PLATFORM', countries: [] },
];

export type DemoRole =
  'ADMIN' | 'COUNTRY_LEAD' | 'COUNTRY_EDITOR' | 'COUNTRY_VIEWER' | 'REVIEWER' | 'FRAMEWORK_EDITOR';

const partnerOf: Record<CountryCode, string> = {
  AL: 'CLCI',
  BA: 'IFS-EMMAUS',
  ME: 'WRC',
  MK: 'Open Gate',
  RS: 'ASTRA',
};

const names: Record<CountryCode, [string, string, string]> = {
  AL: ['Elira Hoxha', 'Arben Kola', 'Mirela Shehu'],
  BA: ['Amra Hadžić', 'Dino Mehmedović', 'Lejla Kovačević'],
  ME: ['Jelena Radović', 'Marko Vujović', 'Ivana Perović'],
  MK: ['Elena Stojanovska', 'Bojan Trajkovski', 'Ana Petrovska'],
  RS: ['Marija Jovanović', 'Nikola Petrović', 'Jovana Ilić'],
};

export const users: Array<{ email: string; displayName: string; organisation: string; role: DemoRole }> = [
  ...(Object.keys(partnerOf) as CountryCode[]).flatMap((code) => {
    const cc = code.toLowerCase();
    const [lead, editor, viewer] = names[code];
    return [
      {
        email: `lead.${cc}@demo.example`,
        displayName: lead,
        organisation: partnerOf[code],
        role: 'COUNTRY_LEAD' as const,
      },
      {
        email: `editor.${cc}@demo.example`,
        displayName: editor,
        organisation: partnerOf[code],
        role: 'COUNTRY_EDITOR' as const,
      },
      {
        email: `viewer.${cc}@demo.example`,
        displayName: viewer,
        organisation: partnerOf[code],
        role: 'COUNTRY_VIEWER' as const,
      },
    ];
  }),
  { email: 'reviewer@demo.example', displayName: 'Sanne de Vries', organisation: 'NHC', role: 'REVIEWER' },
  {
    email: 'framework@demo.example',
    displayName: 'Tomas Novak',
    organisation: 'Platform',
    role: 'FRAMEWORK_EDITOR',
  },
  {
    email: 'admin@demo.example',
    displayName: 'Platform Administrator',
    organisation: 'Platform',
    role: 'ADMIN',
  },
];

export function partnerLeadEmail(code: CountryCode): string {
  return `lead.${code.toLowerCase()}@demo.example`;
}
export function partnerEditorEmail(code: CountryCode): string {
  return `editor.${code.toLowerCase()}@demo.example`;
}
