import { registerEnumType } from 'type-graphql';
import { serbianCyrillicToLatin, serbianLatinToCyrillic } from './transliteration';

export { serbianCyrillicToLatin, serbianLatinToCyrillic };

/** Locales the service stores texts in, as BCP 47 tags. English is the last fallback of every text. */
export const LOCALE_TAGS = ['en', 'sq', 'bs', 'hr', 'cnr', 'mk', 'sr-Latn', 'sr-Cyrl'] as const;
export type LocaleTag = (typeof LOCALE_TAGS)[number];

/** A multilingual text as stored: a JSON object from locale tag to text, always holding `en`. */
export type I18nText = { en: string } & Partial<Record<LocaleTag, string>>;

export enum Locale {
  EN = 'en',
  SQ = 'sq',
  BS = 'bs',
  HR = 'hr',
  CNR = 'cnr',
  MK = 'mk',
  SR_LATN = 'sr-Latn',
  SR_CYRL = 'sr-Cyrl',
}

registerEnumType(Locale, {
  name: 'Locale',
  description:
    'A language of the region, or English. Serbian is written in Latin or Cyrillic script. A text missing in ' +
    'the requested language is given in the next language of that language’s fallback chain (for instance ' +
    'Montenegrin, then Serbian Latin, then Bosnian), and in English at the latest.',
  valuesConfig: {
    EN: { description: 'English: every text exists in English, and it ends every fallback chain.' },
    SQ: { description: 'Albanian.' },
    BS: { description: 'Bosnian.' },
    HR: { description: 'Croatian, an official language of Bosnia and Herzegovina.' },
    CNR: { description: 'Montenegrin.' },
    MK: { description: 'Macedonian (Cyrillic script).' },
    SR_LATN: { description: 'Serbian in Latin script.' },
    SR_CYRL: { description: 'Serbian in Cyrillic script.' },
  },
});

const TAG_BY_LOWER = new Map<string, LocaleTag>(LOCALE_TAGS.map((tag) => [tag.toLowerCase(), tag]));

export function isLocaleTag(value: string): value is LocaleTag {
  return (LOCALE_TAGS as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header. Plain `sr` (and `sr-RS`, `sr-ME`) means Latin
 * script, the script the partners write in; other region subtags are ignored; unknown languages get English.
 */
export function localeFromAcceptLanguage(header: string | undefined): LocaleTag {
  if (!header) return 'en';
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { range: range.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.range !== '' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { range } of ranges) {
    const exact = TAG_BY_LOWER.get(range);
    if (exact) return exact;
    const subtags = range.split('-');
    // Serbo-Croatian (sh) is read by most in Serbian Latin.
    if (subtags[0] === 'sh') return 'sr-Latn';
    if (subtags[0] === 'sr') return subtags.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
    const primary = TAG_BY_LOWER.get(subtags[0]);
    if (primary) return primary;
  }
  return 'en';
}

/**
 * The languages a text missing in a locale is looked up in, in order, before English. Held as data in the
 * `locale_fallback` table (see migrations/1765100000000-LocaleFallbacks.ts), read once per process by
 * `loadLocaleFallbacks`; these defaults are the same rows, for code that runs without a database.
 * Serbian Latin and Cyrillic are one language in two scripts: a text found in the other script is transliterated.
 */
export const DEFAULT_LOCALE_FALLBACKS: Readonly<Record<LocaleTag, readonly LocaleTag[]>> = {
  en: [],
  sq: ['en'],
  bs: ['hr', 'sr-Latn', 'en'],
  hr: ['bs', 'sr-Latn', 'en'],
  cnr: ['sr-Latn', 'bs', 'en'],
  mk: ['en'],
  'sr-Latn': ['sr-Cyrl', 'cnr', 'bs', 'en'],
  'sr-Cyrl': ['sr-Latn', 'en'],
};

let fallbacks: Readonly<Record<LocaleTag, readonly LocaleTag[]>> = DEFAULT_LOCALE_FALLBACKS;

/** The fallback chain of a locale, without the locale itself. */
export function fallbackChain(locale: LocaleTag): readonly LocaleTag[] {
  return fallbacks[locale];
}

/**
 * Installs the fallback chains read from the database. Unknown tags are dropped, a locale without a row keeps
 * its default chain, and English always ends the chain: a stored text always has it.
 */
export function setLocaleFallbacks(
  rows: ReadonlyArray<{ locale: string; fallbacks: readonly string[] }>,
): void {
  const next: Record<string, readonly LocaleTag[]> = { ...DEFAULT_LOCALE_FALLBACKS };
  for (const row of rows) {
    if (!isLocaleTag(row.locale)) continue;
    const chain = row.fallbacks.filter(
      (tag, i, all): tag is LocaleTag => isLocaleTag(tag) && tag !== row.locale && all.indexOf(tag) === i,
    );
    next[row.locale] = chain.includes('en') || row.locale === 'en' ? chain : [...chain, 'en'];
  }
  fallbacks = next as Record<LocaleTag, readonly LocaleTag[]>;
}

export interface ResolvedText {
  text: string;
  locale: LocaleTag;
  requested: LocaleTag;
}

/** The text stored in one locale; undefined when missing or empty. */
function textIn(value: I18nText, locale: LocaleTag): string | undefined {
  const text = value[locale];
  return text === undefined || text === '' ? undefined : text;
}

/**
 * Resolves a stored text in the requested locale, else along the requested locale's fallback chain, else in
 * English. A Serbian text found only in the other script is transliterated and reported in the requested
 * locale, since the reader gets their own script.
 */
export function resolveText(value: I18nText, requested: LocaleTag): ResolvedText {
  const direct = textIn(value, requested);
  if (direct !== undefined) return { text: direct, locale: requested, requested };
  for (const locale of fallbacks[requested]) {
    const text = textIn(value, locale);
    if (text === undefined) continue;
    if (requested === 'sr-Cyrl' && locale === 'sr-Latn') {
      return { text: serbianLatinToCyrillic(text), locale: requested, requested };
    }
    if (requested === 'sr-Latn' && locale === 'sr-Cyrl') {
      return { text: serbianCyrillicToLatin(text), locale: requested, requested };
    }
    return { text, locale, requested };
  }
  return { text: value.en, locale: 'en', requested };
}
