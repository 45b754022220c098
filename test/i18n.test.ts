import {
  DEFAULT_LOCALE_FALLBACKS,
  fallbackChain,
  localeFromAcceptLanguage,
  resolveText,
  serbianCyrillicToLatin,
  serbianLatinToCyrillic,
  setLocaleFallbacks,
} from '../src/common/i18n';

describe('locale negotiation', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['de-DE,de;q=0.9', 'en'],
    ['sq', 'sq'],
    ['mk-MK,mk;q=0.9,en;q=0.8', 'mk'],
    ['sr', 'sr-Latn'],
    ['sr-RS', 'sr-Latn'],
    ['sr-Cyrl-RS', 'sr-Cyrl'],
    ['sr-cyrl', 'sr-Cyrl'],
    ['en;q=0.5, bs;q=0.9', 'bs'],
    ['cnr', 'cnr'],
    ['hr-HR,hr;q=0.9', 'hr'],
    ['hr-BA', 'hr'],
    ['sh', 'sr-Latn'],
    ['fr;q=0, sq;q=0.1', 'sq'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('text resolution', () => {
  const text = {
    en: 'Victim identification',
    'sr-Latn': 'Identifikacija žrtava',
    sq: 'Identifikimi i viktimave',
  };

  it('returns the requested language when it exists', () => {
    expect(resolveText(text, 'sq')).toEqual({
      text: 'Identifikimi i viktimave',
      locale: 'sq',
      requested: 'sq',
    });
  });

  it('falls back to English and says so', () => {
    expect(resolveText(text, 'mk')).toEqual({ text: 'Victim identification', locale: 'en', requested: 'mk' });
  });

  it('derives Serbian Cyrillic from Serbian Latin', () => {
    expect(resolveText(text, 'sr-Cyrl')).toEqual({
      text: 'Идентификација жртава',
      locale: 'sr-Cyrl',
      requested: 'sr-Cyrl',
    });
  });
});

describe('fallback chains', () => {
  afterEach(() => setLocaleFallbacks([]));

  const text = {
    en: 'Victim identification',
    'sr-Latn': 'Identifikacija žrtava',
    bs: 'Identifikacija žrtava (bs)',
    hr: 'Identifikacija žrtava (hr)',
  };

  it('gives a Montenegrin reader Serbian Latin, then Bosnian, before English', () => {
    expect(resolveText(text, 'cnr')).toEqual({
      text: 'Identifikacija žrtava',
      locale: 'sr-Latn',
      requested: 'cnr',
    });
    expect(resolveText({ en: 'x', bs: 'Bosanski' }, 'cnr')).toEqual({
      text: 'Bosanski',
      locale: 'bs',
      requested: 'cnr',
    });
    expect(resolveText({ en: 'English only' }, 'cnr')).toEqual({
      text: 'English only',
      locale: 'en',
      requested: 'cnr',
    });
  });

  it('gives Bosnian and Croatian readers each other’s text first', () => {
    expect(resolveText({ en: 'x', hr: 'Hrvatski', 'sr-Latn': 'Srpski' }, 'bs').locale).toBe('hr');
    expect(resolveText({ en: 'x', bs: 'Bosanski', 'sr-Latn': 'Srpski' }, 'hr').locale).toBe('bs');
    expect(resolveText({ en: 'x', 'sr-Latn': 'Srpski' }, 'hr')).toEqual({
      text: 'Srpski',
      locale: 'sr-Latn',
      requested: 'hr',
    });
  });

  it('gives Albanian and Macedonian readers English, never a Slavic text in Latin script', () => {
    expect(resolveText(text, 'sq').locale).toBe('en');
    expect(resolveText(text, 'mk').locale).toBe('en');
  });

  it('transliterates Serbian from the other script and reports the requested script', () => {
    expect(resolveText({ en: 'x', 'sr-Cyrl': 'Љубљана' }, 'sr-Latn')).toEqual({
      text: 'Ljubljana',
      locale: 'sr-Latn',
      requested: 'sr-Latn',
    });
  });

  it('follows the chains read from the database, English always last', () => {
    setLocaleFallbacks([
      { locale: 'mk', fallbacks: ['bs'] },
      { locale: 'xx', fallbacks: ['en'] },
      { locale: 'sq', fallbacks: ['sq', 'de', 'hr', 'en'] },
    ]);
    expect(fallbackChain('mk')).toEqual(['bs', 'en']);
    expect(fallbackChain('sq')).toEqual(['hr', 'en']);
    expect(fallbackChain('cnr')).toEqual(DEFAULT_LOCALE_FALLBACKS.cnr);
    expect(resolveText(text, 'mk')).toEqual({
      text: 'Identifikacija žrtava (bs)',
      locale: 'bs',
      requested: 'mk',
    });
  });

  it('ends every default chain in English and never names the locale itself', () => {
    for (const [locale, chain] of Object.entries(DEFAULT_LOCALE_FALLBACKS)) {
      if (locale !== 'en') expect(chain[chain.length - 1]).toBe('en');
      expect(chain).not.toContain(locale);
    }
  });
});

describe('Serbian transliteration', () => {
  it.each([
    ['Ljubljana, Njegoš i džep', 'Љубљана, Његош и џеп'],
    ['trgovina ljudima', 'трговина људима'],
    ['Đorđe Ćosić, Šabac, Žabalj, Čačak', 'Ђорђе Ћосић, Шабац, Жабаљ, Чачак'],
    ['LJUDI i NJIVE, DŽAK', 'ЉУДИ и ЊИВЕ, ЏАК'],
    ['Ljiljana Njegovan Džinić', 'Љиљана Његован Џинић'],
    // Two letters, not a digraph: a prefix or a loanword's morpheme boundary.
    ['injekcija', 'инјекција'],
    ['konjunktura', 'конјунктура'],
    ['konjugacija', 'конјугација'],
    ['Tanjug', 'Танјуг'],
    ['nadživeti', 'надживети'],
    ['nadživjeti', 'надживјети'],
    ['podžupan', 'поджупан'],
    ['Podžupan', 'Поджупан'],
    ['odžaliti', 'оджалити'],
    ['podželudačna žlezda', 'поджелудачна жлезда'],
    // And the digraph where it is one letter.
    ['odžak, džamija, konj, konjica, njegov', 'оџак, џамија, коњ, коњица, његов'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(serbianLatinToCyrillic(latin)).toBe(cyrillic);
  });

  it('keeps foreign acronyms, URLs and e-mail addresses in Latin', () => {
    expect(
      serbianLatinToCyrillic(
        'Izveštaj GRETA i OSCE (UNHCR): https://www.coe.int/ljudi, pisati na astra@astra.rs.',
      ),
    ).toBe('Извештај GRETA и OSCE (UNHCR): https://www.coe.int/ljudi, писати на astra@astra.rs.');
    expect(serbianLatinToCyrillic('indikator PROT-1.3 i COVID-19')).toBe('индикатор PROT-1.3 и COVID-19');
  });

  it('writes acronyms of Serbian words in Cyrillic, as Cyrillic texts do', () => {
    expect(serbianLatinToCyrillic('NVO, MUP i EU; OEBS u BiH')).toBe('НВО, МУП и ЕУ; ОЕБС у БиХ');
  });

  it('leaves foreign words alone', () => {
    expect(serbianLatinToCyrillic('Wi-Fi i taxi')).toBe('Wi-Fi и taxi');
  });

  it('turns Cyrillic into Latin, digraphs in the case of their word', () => {
    expect(serbianCyrillicToLatin('Љубљана, ЊИВА, Џеп и џамија; ЕУ и GRETA')).toBe(
      'Ljubljana, NJIVA, Džep i džamija; EU i GRETA',
    );
  });

  it('goes there and back on real sentences', () => {
    const latin = 'Centar za zaštitu žrtava trgovine ljudima u Beogradu identifikovao je njih dvadeset.';
    expect(serbianCyrillicToLatin(serbianLatinToCyrillic(latin))).toBe(latin);
  });
});
