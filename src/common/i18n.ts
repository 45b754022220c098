import { registerEnumType } from 'type-graphql';

/** Locales the service stores texts in, as BCP 47 tags. English is the fallback of every text. */
export const LOCALE_TAGS = ['en', 'sq', 'bs', 'cnr', 'mk', 'sr-Latn', 'sr-Cyrl'] as const;
export type LocaleTag = (typeof LOCALE_TAGS)[number];

/** A multilingual text as stored: a JSON object from locale tag to text, always holding `en`. */
export type I18nText = { en: string } & Partial<Record<LocaleTag, string>>;

export enum Locale {
  EN = 'en',
  SQ = 'sq',
  BS = 'bs',
  CNR = 'cnr',
  MK = 'mk',
  SR_LATN = 'sr-Latn',
  SR_CYRL = 'sr-Cyrl',
}

registerEnumType(Locale, {
  name: 'Locale',
  description: 'A language of the region, or English. Serbian is written in Latin or Cyrillic script.',
  valuesConfig: {
    EN: { description: 'English: every text exists in English, and it is the fallback.' },
    SQ: { description: 'Albanian.' },
    BS: { description: 'Bosnian.' },
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
    if (subtags[0] === 'sr') return subtags.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
    const primary = TAG_BY_LOWER.get(subtags[0]);
    if (primary) return primary;
  }
  return 'en';
}

const LATIN_TO_CYRILLIC: Array<[string, string]> = [
  ['Dž', 'Џ'],
  ['DŽ', 'Џ'],
  ['dž', 'џ'],
  ['Lj', 'Љ'],
  ['LJ', 'Љ'],
  ['lj', 'љ'],
  ['Nj', 'Њ'],
  ['NJ', 'Њ'],
  ['nj', 'њ'],
  ['A', 'А'],
  ['B', 'Б'],
  ['V', 'В'],
  ['G', 'Г'],
  ['D', 'Д'],
  ['Đ', 'Ђ'],
  ['E', 'Е'],
  ['Ž', 'Ж'],
  ['Z', 'З'],
  ['I', 'И'],
  ['J', 'Ј'],
  ['K', 'К'],
  ['L', 'Л'],
  ['M', 'М'],
  ['N', 'Н'],
  ['O', 'О'],
  ['P', 'П'],
  ['R', 'Р'],
  ['S', 'С'],
  ['T', 'Т'],
  ['Ć', 'Ћ'],
  ['U', 'У'],
  ['F', 'Ф'],
  ['H', 'Х'],
  ['C', 'Ц'],
  ['Č', 'Ч'],
  ['Š', 'Ш'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['đ', 'ђ'],
  ['e', 'е'],
  ['ž', 'ж'],
  ['z', 'з'],
  ['i', 'и'],
  ['j', 'ј'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['ć', 'ћ'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'ц'],
  ['č', 'ч'],
  ['š', 'ш'],
];

/**
 * Serbian Latin and Cyrillic map one to one, so a Cyrillic text is derived from the Latin one when no one
 * wrote it. URLs, e-mail addresses and Latin-only acronyms (EU, GRETA) are left as they are.
 */
export function serbianLatinToCyrillic(text: string): string {
  return text.replace(
    /(https?:\/\/\S+|\S+@\S+|\b[A-Z]{2,}\b)|([^\s]+)/g,
    (match, keep: string | undefined) => {
      if (keep) return keep;
      let out = '';
      for (let i = 0; i < match.length;) {
        const pair = LATIN_TO_CYRILLIC.find(([latin]) => match.startsWith(latin, i));
        if (pair) {
          out += pair[1];
          i += pair[0].length;
        } else {
          out += match[i];
          i += 1;
        }
      }
      return out;
    },
  );
}

export interface ResolvedText {
  text: string;
  locale: LocaleTag;
  requested: LocaleTag;
}

/** Resolves a stored text in the requested locale, falling back to English. */
export function resolveText(value: I18nText, requested: LocaleTag): ResolvedText {
  const direct = value[requested];
  if (direct !== undefined && direct !== '') return { text: direct, locale: requested, requested };
  if (requested === 'sr-Cyrl' && value['sr-Latn']) {
    return { text: serbianLatinToCyrillic(value['sr-Latn']), locale: 'sr-Cyrl', requested };
  }
  return { text: value.en, locale: 'en', requested };
}
