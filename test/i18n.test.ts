import { localeFromAcceptLanguage, resolveText, serbianLatinToCyrillic } from '../src/common/i18n';

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

  it('transliterates digraphs and keeps acronyms and URLs in Latin', () => {
    expect(serbianLatinToCyrillic('Ljubljana, Njegoš i džep: GRETA, EU, https://example.org/ljudi')).toBe(
      'Љубљана, Његош и џеп: GRETA, EU, https://example.org/ljudi',
    );
  });
});
