import { foldBody } from '../migrations/1765600000000-Search';
import { SEARCH_QUERY, SEARCH_VARIABLES } from '../scripts/bench/scenarios';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const SEARCH = `query Search($query: String!, $kinds: [SearchKind!], $countryCode: String, $cycleId: ID, $first: Int, $after: String) {
  search(query: $query, kinds: $kinds, countryCode: $countryCode, cycleId: $cycleId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      kind id rank label title countryCode cycleId assessmentId indicatorId
      snippet { locale text parts { text match } }
    }
  }
}`;

interface Hit {
  kind: string;
  id: string;
  rank: number;
  label: string;
  title: string;
  countryCode: string | null;
  cycleId: string | null;
  assessmentId: string | null;
  indicatorId: string | null;
  snippet: { locale: string | null; text: string; parts: Array<{ text: string; match: boolean }> };
}

describe('search across languages and scripts', () => {
  let db: TestDatabase;
  let api: TestServer;
  let admin: Record<string, string>;
  const standard: Record<string, string> = {};
  const recommendation: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    admin = await signIn(api, 'admin@demo.example');
    // Illustrative probe texts: the same word in Serbian Cyrillic, Serbian Latin and without its accents, and
    // an Albanian word with and without its ë.
    const probes: Array<[string, Record<string, string>, Record<string, string>]> = [
      ['cyrillic', { en: 'Probe one', 'sr-Cyrl': 'Помоћ за жртве трговине' }, { en: 'Probe summary.' }],
      ['latin', { en: 'Probe two', 'sr-Latn': 'Pomoć za žrtve trgovine' }, { en: 'Probe summary.' }],
      ['ascii', { en: 'Probe three: zrtve written without accents' }, { en: 'Probe summary.' }],
      ['summary', { en: 'Probe four' }, { en: 'The summary mentions zrtve only in passing, once.' }],
      ['prefix', { en: 'Probe five: zrtvena lista' }, { en: 'Probe summary.' }],
      ['shqiperise', { en: 'Probe six', sq: 'Republika e Shqipërisë' }, { en: 'Probe summary.' }],
      ['shqiperi', { en: 'Probe seven', sq: 'Shqiperi pa shkronja me theks' }, { en: 'Probe summary.' }],
      [
        'both',
        { en: 'Victims, probe 8', 'sr-Cyrl': 'Жртве, проба 8', sq: 'Viktimat, prova 8' },
        { en: 'Probe summary.' },
      ],
    ];
    for (const [index, [name, title, summary]] of probes.entries()) {
      [{ id: standard[name] }] = await db.dataSource.query(
        `INSERT INTO standard (instrument, reference, title, summary) VALUES ('COE_CONVENTION', $1, $2, $3) RETURNING id`,
        [`Probe ${900 + index}`, title, summary],
      );
    }
    // Illustrative recommendations of the register: the same word in a text in Cyrillic, in Latin, without
    // accents, and in a reference (which counts more than the text).
    const recommendations: Array<[string, string, Record<string, string>]> = [
      ['cyrillic', 'para. 901', { en: 'Probe recommendation one', 'sr-Cyrl': 'Заштитити жртве трговине' }],
      ['latin', 'para. 902', { en: 'Probe recommendation two', 'sr-Latn': 'Zaštititi žrtve trgovine' }],
      ['ascii', 'para. 903', { en: 'Probe recommendation three, zrtve without accents' }],
      ['reference', 'Žrtve 904', { en: 'Probe recommendation four' }],
      ['prefix', 'para. 905', { en: 'Probe recommendation five: zrtvena lista' }],
    ];
    for (const [name, reference, text] of recommendations) {
      [{ id: recommendation[name] }] = await db.dataSource.query(
        `INSERT INTO recommendation (country_code, source_id, source_body, reference, text)
         SELECT 'RS', id, body, $1, $2 FROM recommendation_source WHERE country_code = 'RS' ORDER BY id LIMIT 1
         RETURNING id`,
        [reference, text],
      );
    }
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function search(
    query: string,
    headers: Record<string, string> = admin,
    variables: Record<string, unknown> = {},
  ): Promise<{ totalCount: number; nodes: Hit[]; statements: number }> {
    const res = await api.query(SEARCH, { query, first: 100, ...variables }, headers);
    expect(res.errors).toBeUndefined();
    return { ...res.data!.search, statements: res.statements };
  }

  const probesFound = (hits: Hit[]) =>
    Object.entries(standard)
      .filter(([, id]) => hits.some((hit) => hit.id === id))
      .map(([name]) => name)
      .sort();

  it('finds a Serbian word in Cyrillic, in Latin and without accents, whichever way it is typed', async () => {
    const expected = ['ascii', 'both', 'cyrillic', 'latin', 'prefix', 'summary'];
    for (const query of ['žrtve', 'zrtve', 'жртве', 'ŽRTVE', 'Жртве']) {
      const { nodes } = await search(query, admin, { kinds: ['STANDARD'] });
      expect(probesFound(nodes)).toEqual(expected);
      expect(nodes.every((hit) => hit.kind === 'STANDARD')).toBe(true);
    }
  });

  it('finds an Albanian word with or without its ë, and words by their start', async () => {
    for (const query of ['shqipëri', 'shqiperi', 'Shqipëri']) {
      expect(probesFound((await search(query, admin, { kinds: ['STANDARD'] })).nodes)).toEqual([
        'shqiperi',
        'shqiperise',
      ]);
    }
    expect(probesFound((await search('shqipërisë', admin, { kinds: ['STANDARD'] })).nodes)).toEqual([
      'shqiperise',
    ]);
    expect(probesFound((await search('žrtv', admin, { kinds: ['STANDARD'] })).nodes)).toContain('prefix');
    // Every word must occur.
    expect(probesFound((await search('žrtve trgovine', admin, { kinds: ['STANDARD'] })).nodes)).toEqual([
      'cyrillic',
      'latin',
    ]);
  });

  it('ranks a whole word in a title above a word start, and a title above a summary', async () => {
    const { nodes } = await search('zrtve', admin, { kinds: ['STANDARD'] });
    const position = (name: string) => nodes.findIndex((hit) => hit.id === standard[name]);
    expect(position('ascii')).toBeLessThan(position('summary'));
    expect(position('ascii')).toBeLessThan(position('prefix'));
    const ranks = nodes.map((hit) => hit.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('highlights the matching words as written, in the caller’s language when its text matches', async () => {
    const hitOf = (nodes: Hit[], name: string) => nodes.find((hit) => hit.id === standard[name])!;
    const cyrillic = hitOf((await search('zrtve', admin, { kinds: ['STANDARD'] })).nodes, 'cyrillic');
    expect(cyrillic.snippet.locale).toBe('sr-Cyrl');
    expect(cyrillic.snippet.text).toBe('Помоћ за жртве трговине');
    expect(cyrillic.snippet.parts).toEqual([
      { text: 'Помоћ за ', match: false },
      { text: 'жртве', match: true },
      { text: ' трговине', match: false },
    ]);
    expect(cyrillic.title).toBe('Probe one');
    expect(cyrillic.label).toBe('Probe 900');

    // The eighth probe matches "viktim" in Albanian only.
    const inAlbanian = await search(
      'viktim',
      { ...admin, 'accept-language': 'sr-Cyrl' },
      { kinds: ['STANDARD'] },
    );
    expect(hitOf(inAlbanian.nodes, 'both').snippet.locale).toBe('sq');
    expect(hitOf(inAlbanian.nodes, 'both').title).toBe('Жртве, проба 8');
    // "8" matches in every language: the caller's is shown, else English.
    for (const [language, locale, text] of [
      ['sq', 'sq', 'Viktimat, prova 8'],
      ['sr-Cyrl', 'sr-Cyrl', 'Жртве, проба 8'],
      ['mk', 'en', 'Victims, probe 8'],
    ]) {
      const found = await search('8', { ...admin, 'accept-language': language }, { kinds: ['STANDARD'] });
      const snippet = hitOf(found.nodes, 'both').snippet;
      expect([snippet.locale, snippet.text]).toEqual([locale, text]);
      expect(snippet.parts.filter((part) => part.match).map((part) => part.text)).toEqual(['8']);
    }
  });

  it('finds recommendations in any script, with or without accents, a reference above a text', async () => {
    const found = (hits: Hit[]) =>
      Object.entries(recommendation)
        .filter(([, id]) => hits.some((hit) => hit.id === id))
        .map(([name]) => name)
        .sort();
    for (const query of ['žrtve', 'zrtve', 'жртве', 'ŽRTVE']) {
      const { nodes } = await search(query, admin, { kinds: ['RECOMMENDATION'] });
      expect(found(nodes)).toEqual(['ascii', 'cyrillic', 'latin', 'prefix', 'reference']);
      expect(nodes.every((hit) => hit.kind === 'RECOMMENDATION')).toBe(true);
    }
    expect(found((await search('žrtve trgovine', admin, { kinds: ['RECOMMENDATION'] })).nodes)).toEqual([
      'cyrillic',
      'latin',
    ]);
    const { nodes } = await search('zrtve', admin, { kinds: ['RECOMMENDATION'] });
    const position = (name: string) => nodes.findIndex((hit) => hit.id === recommendation[name]);
    expect(position('reference')).toBeLessThan(position('ascii'));
    expect(position('ascii')).toBeLessThan(position('prefix'));
    const cyrillic = nodes[position('cyrillic')];
    expect(cyrillic.label).toBe('RS · para. 901');
    expect(cyrillic.countryCode).toBe('RS');
    expect(cyrillic.snippet.locale).toBe('sr-Cyrl');
    expect(cyrillic.snippet.parts.filter((part) => part.match).map((part) => part.text)).toEqual(['жртве']);
    const [{ title }] = await db.dataSource.query(
      `SELECT s.title->>'en' AS title FROM recommendation r JOIN recommendation_source s ON s.id = r.source_id
       WHERE r.id = $1`,
      [recommendation.cyrillic],
    );
    expect(cyrillic.title).toBe(title);
    // Accents in the query too, in the caller's language.
    const latin = (
      await search('ŽRTVE', { ...admin, 'accept-language': 'sr-Latn' }, { kinds: ['RECOMMENDATION'] })
    ).nodes.find((hit) => hit.id === recommendation.latin)!;
    expect([latin.snippet.locale, latin.snippet.text]).toEqual(['sr-Latn', 'Zaštititi žrtve trgovine']);
    // Of a country: a recommendation belongs to its country.
    const elsewhere = await search('zrtve', admin, { kinds: ['RECOMMENDATION'], countryCode: 'AL' });
    expect(found(elsewhere.nodes)).toEqual([]);
  });

  it('folds every stored text as the full folding does, lowering only those with no letter beyond ASCII', async () => {
    const [row] = await db.dataSource.query(
      `WITH texts AS (
         SELECT d.value FROM indicator, jsonb_each_text(title || guidance) d
         UNION ALL SELECT d.value FROM standard, jsonb_each_text(title || summary) d
         UNION ALL SELECT d.value FROM recommendation, jsonb_each_text(text) d
         UNION ALL SELECT unnest(ARRAY[title, citation, issuing_institution]) FROM evidence
         UNION ALL SELECT unnest(ARRAY['ŽRTVE Љубљана Ђорђе Џеп', 'Shqipërisë', 'Straße', 'Plain ASCII 12/2016'])
       )
       SELECT count(*) FILTER (WHERE value ~ '[^[:ascii:]]')::int AS wide, count(*)::int AS all,
         count(*) FILTER (WHERE public.search_fold(value) IS DISTINCT FROM ${foldBody()})::int AS different
       FROM texts`,
    );
    expect(row.wide).toBeGreaterThan(100);
    expect(row.all - row.wide).toBeGreaterThan(100);
    expect(row.different).toBe(0);
  });

  it('answers a search in one statement, whatever it finds', async () => {
    const anonymous = await search('zrtve', {});
    const broad = await search('a', admin);
    expect(broad.nodes.length).toBe(100);
    expect(anonymous.statements).toBe(1);
    expect((await search('zrtve', {}, { kinds: ['RECOMMENDATION'] })).statements).toBe(1);
    // A signed-in caller's token is checked in a statement of its own (with the row-level security settings).
    const one = await search('shqipërisë', admin);
    expect(one.nodes.length).toBeGreaterThan(0);
    expect(broad.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(2);
  });

  it('answers the benchmark’s search as the reviewer in the sign-in and one statement', async () => {
    const reviewer = await signIn(api, 'reviewer@demo.example');
    const res = await api.query(SEARCH_QUERY, SEARCH_VARIABLES, reviewer);
    expect(res.errors).toBeUndefined();
    expect(res.statements).toBe(2);
    const broad = await api.query(SEARCH_QUERY, { query: 'a', first: 100 }, reviewer);
    expect(broad.data!.search.nodes).toHaveLength(100);
    expect(broad.statements).toBe(2);
  });

  it('pages with first and after, and refuses a query without words', async () => {
    const first = await api.query(SEARCH, { query: 'probe', first: 3, kinds: ['STANDARD'] }, admin);
    const page1 = first.data!.search;
    expect(page1.nodes).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await api.query(
      SEARCH,
      { query: 'probe', first: 100, after: page1.pageInfo.endCursor, kinds: ['STANDARD'] },
      admin,
    );
    const page2 = second.data!.search;
    expect(page2.totalCount).toBe(page1.totalCount);
    expect(page1.nodes.length + page2.nodes.length).toBe(page1.totalCount);
    const ids = [...page1.nodes, ...page2.nodes].map((hit: Hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);

    for (const query of ['', '  ', '…!?', 'x'.repeat(201), 'a b c d e f g h i j k']) {
      const res = await api.query(SEARCH, { query }, admin);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.argument).toBe('query');
    }
    const unknown = await api.query(SEARCH, { query: 'zrtve', countryCode: 'XX' }, admin);
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
