/**
 * Serbian Latin ⇄ Cyrillic. The two alphabets map letter to letter, with three Latin digraphs (lj, nj, dž) for
 * one Cyrillic letter each (љ, њ, џ). A text is transliterated word by word; what is not Serbian is left alone:
 * - URLs and e-mail addresses;
 * - foreign acronyms and names written in capitals (GRETA, OSCE, UNHCR, IOM, PROT-1.3), which Serbian Cyrillic
 *   texts quote in Latin. Acronyms of Serbian words are written in Cyrillic in Cyrillic texts (ЕУ for Европска
 *   унија, НВО, МУП, ОЕБС, БиХ) and are transliterated: see SERBIAN_ACRONYMS;
 * - words with a letter Serbian Latin does not have (q, w, x, y), which are foreign words or names.
 * A word in capitals that has a letter only Serbian has (č, ć, đ, š, ž) or a digraph is Serbian and is
 * transliterated (LJUDI → ЉУДИ).
 *
 * In a few words two letters that look like a digraph are two letters across a prefix or a loanword's morpheme
 * boundary: in-jekcija (инјекција), kon-junktura (конјунктура), nad-živeti (надживети), pod-župan (поджупан).
 * DIGRAPH_EXCEPTIONS lists those stems, from Serbian orthography (Pravopis srpskoga jezika, Matica srpska).
 */

// The thirty letters of the Serbian alphabets in the Latin order, digraphs apart.
const LATIN_ORDER = 'abvgdđežzijklmnoprstćufhcčš';
const CYRILLIC_ORDER = 'абвгдђежзијклмнопрстћуфхцчш';
const LATIN_LETTERS: Record<string, string> = Object.fromEntries(
  [...LATIN_ORDER].map((latin, i) => [latin, CYRILLIC_ORDER[i]]),
);
const LATIN_DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ' };

const CYRILLIC_LETTERS: Record<string, string> = Object.fromEntries([
  ...Object.entries(LATIN_LETTERS).map(([latin, cyrillic]) => [cyrillic, latin]),
  ...Object.entries(LATIN_DIGRAPHS).map(([latin, cyrillic]) => [cyrillic, latin]),
]);

/**
 * Stems (lower case, from the start of a word) in which lj, nj or dž are two letters; the number is the
 * position of the digraph's first letter in the stem.
 */
const DIGRAPH_EXCEPTIONS: Array<[stem: string, at: number]> = [
  // n + j: Latin in-, con- before j, and a few others.
  ['injekc', 1], // injekcija
  ['injekt', 1], // injektirati
  ['injunkc', 1], // injunkcija
  ['konjunkt', 2], // konjunktura
  ['konjug', 2], // konjugacija
  ['konjukt', 2], // konjuktivitis, as often misspelled
  ['vanjezi', 2], // vanjezički
  ['tanjug', 2], // Tanjug (Телеграфска агенција нове Југославије)
  ['anjon', 1], // anjon (anion)
  // d + ž: the prefixes nad-, pod-, od-, pred- before ž.
  ['nadživ', 2], // nadživeti, nadživjeti
  ['nadžnj', 2], // nadžnjeti
  ['nadžup', 2], // nadžupan
  ['podžup', 2], // podžupan
  ['podžanr', 2], // podžanr
  ['podželud', 2], // podželudačna
  ['odžal', 1], // odžaliti
  ['odživ', 1], // odživeti
  ['predžet', 3], // predžetveni
];

/** Acronyms of Serbian words, written in Cyrillic in a Cyrillic text. */
const SERBIAN_ACRONYMS = new Set([
  'EU',
  'NVO',
  'MUP',
  'OEBS',
  'UN',
  'SAD',
  'BiH',
  'RS',
  'CSR',
  'OCD',
  'SFRJ',
]);

const KEEP = /^(?:https?:\/\/|www\.)\S+$|^\S+@\S+\.\S+$/i;

function splitsDigraph(lowerWord: string, index: number): boolean {
  return DIGRAPH_EXCEPTIONS.some(([stem, at]) => at === index && lowerWord.startsWith(stem));
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

function latinWordToCyrillic(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < word.length;) {
    const pair = lower.slice(i, i + 2);
    const digraph = LATIN_DIGRAPHS[pair];
    if (digraph && !splitsDigraph(lower, i)) {
      out += isUpper(word[i]) ? digraph.toUpperCase() : digraph;
      i += 2;
      continue;
    }
    const letter = LATIN_LETTERS[lower[i]];
    out += letter ? (isUpper(word[i]) ? letter.toUpperCase() : letter) : word[i];
    i += 1;
  }
  return out;
}

/** Whether a Latin word is left as it is: a foreign acronym or a foreign word. */
function isForeign(word: string): boolean {
  if (SERBIAN_ACRONYMS.has(word)) return false;
  if (/[qwxy]/i.test(word)) return true;
  const capitals = word.length >= 2 && word === word.toUpperCase() && /[A-Z]/.test(word);
  if (!capitals) return false;
  // Capitals with a letter or digraph only Serbian has are a Serbian word written in capitals.
  return !/[ČĆĐŠŽ]|LJ|NJ|DŽ/.test(word);
}

/**
 * Serbian Latin to Cyrillic, for a Cyrillic text derived from the Latin one when no one wrote it. URLs, e-mail
 * addresses, foreign acronyms and foreign words stay in Latin.
 */
export function serbianLatinToCyrillic(text: string): string {
  return text.replace(/\S+/g, (token) => {
    if (KEEP.test(token)) return token;
    // Words are runs of letters; a hyphenated compound with a foreign part (Wi-Fi) is foreign as a whole.
    return token.replace(/\p{L}+(?:-\p{L}+)*/gu, (compound) =>
      /[qwxy]/i.test(compound)
        ? compound
        : compound.replace(/\p{L}+/gu, (word) => (isForeign(word) ? word : latinWordToCyrillic(word))),
    );
  });
}

/**
 * Serbian Cyrillic to Latin, for input typed in Cyrillic where Latin is stored. Љ, Њ and Џ become Lj, Nj and
 * Dž, or LJ, NJ and DŽ inside a word written in capitals.
 */
export function serbianCyrillicToLatin(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const capitals = word.length > 1 && word === word.toUpperCase();
    let out = '';
    for (const ch of word) {
      const lower = ch.toLowerCase();
      const latin = CYRILLIC_LETTERS[lower];
      if (!latin) out += ch;
      else if (!isUpper(ch)) out += latin;
      else out += capitals ? latin.toUpperCase() : latin[0].toUpperCase() + latin.slice(1);
    }
    return out;
  });
}
