import { createHash } from 'node:crypto';
import { ConfigError, loadConfig } from '../src/config';
import { ResponseStore } from '../src/pipeline/response-cache/response-cache-store';
import { createTestDatabase, type TestDatabase } from './support/database';
import {
  sendRaw as send,
  signIn,
  startTestServer,
  type RawAnswer as Answer,
  type TestServer,
} from './support/server';

const PUBLISHED = `query Published($cycleId: ID!) {
  comparison(cycleId: $cycleId) {
    edition { number contentSha256 }
    cycle { code status }
    countries { code name { text } }
    rows { indicator { code title { text } } cells { countryCode assessmentId state score value trend } }
  } }`;

function expectShared(answer: Answer, cache: 'hit' | 'miss') {
  expect(answer.status).toBe(200);
  expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
  expect(answer.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  expect(answer.headers.get('vary')).toMatch(/Authorization/);
  expect(answer.headers.get('vary')).toMatch(/Accept-Language/);
  expect(answer.headers.get('x-cache')).toBe(cache);
}

/** An answer no shared cache may keep; a signed-in caller's may be kept for that caller alone (`own`). */
function expectPrivate(answer: Answer, own: 'hit' | 'miss' | null = null) {
  expect(answer.headers.get('cache-control')).toBe('private, no-store');
  expect(answer.headers.get('x-cache')).toBe(own);
  // No validator on what no cache may keep.
  expect(answer.headers.get('etag')).toBeNull();
}

describe('response cache of published editions', () => {
  let db: TestDatabase;
  let api: TestServer;
  const cycle: Record<string, string> = {};
  let admin: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    admin = await signIn(api, 'admin@demo.example');
    for (const row of await db.dataSource.query(`SELECT id, code FROM monitoring_cycle`))
      cycle[row.code] = row.id;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('serves the anonymous published comparison from the cache, with its ETag, in one statement', async () => {
    const first = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    expect(first.json.errors).toBeUndefined();
    expect(first.json.data.comparison.edition.number).toBe(1);
    expectShared(first, 'miss');

    const second = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    expectShared(second, 'hit');
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.statements).toBe(1);
    expect(first.statements).toBeGreaterThan(second.statements);

    // The language is part of the key: another one is computed for itself.
    const serbian = await send(api, PUBLISHED, { cycleId: cycle['2024'] }, { 'accept-language': 'sr-Cyrl' });
    expectShared(serbian, 'miss');
    expect(
      (await send(api, PUBLISHED, { cycleId: cycle['2024'] }, { 'accept-language': 'sr-Cyrl' })).text,
    ).toBe(serbian.text);
  });

  it('answers a persisted query by its hash alone from the cache', async () => {
    const first = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    const sha256Hash = createHash('sha256').update(PUBLISHED).digest('hex');
    const byHash = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { cycleId: cycle['2024'] },
        extensions: { persistedQuery: { version: 1, sha256Hash } },
      }),
    });
    expect(byHash.headers.get('x-cache')).toBe('hit');
    expect(byHash.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await byHash.text()).toBe(first.text);
  });

  it('answers a hit with the same bytes and headers whether it sends the stored bytes or Apollo does', async () => {
    await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    // A POST for application/json is answered with the stored bytes; one that prefers the GraphQL media type
    // goes through Apollo, which chooses the media type.
    const stored = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    const apollo = await send(
      api,
      PUBLISHED,
      { cycleId: cycle['2024'] },
      {
        accept: 'application/graphql-response+json',
      },
    );
    expectShared(stored, 'hit');
    expectShared(apollo, 'hit');
    expect(stored.text).toBe(apollo.text);
    expect(stored.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(apollo.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    for (const name of ['etag', 'cache-control', 'vary', 'x-sql-statements'])
      expect([name, stored.headers.get(name)]).toEqual([name, apollo.headers.get(name)]);
    expect(stored.headers.get('x-request-id')).toMatch(/\S/);
  });

  it('answers 304 without a body to a matching If-None-Match, with POST or GET', async () => {
    const fresh = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    const etag = fresh.headers.get('etag')!;
    const unchanged = await send(api, PUBLISHED, { cycleId: cycle['2024'] }, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(unchanged.headers.get('cache-control')).toBe('public, max-age=60');

    const weakInAList = await send(
      api,
      PUBLISHED,
      { cycleId: cycle['2024'] },
      { 'if-none-match': `"other", W/${etag}` },
    );
    expect(weakInAList.status).toBe(304);
    const other = await send(api, PUBLISHED, { cycleId: cycle['2024'] }, { 'if-none-match': '"other"' });
    expect(other.status).toBe(200);
    expect(other.text).toBe(fresh.text);

    const search = new URLSearchParams({
      query: PUBLISHED,
      variables: JSON.stringify({ cycleId: cycle['2024'] }),
    });
    const get = await fetch(`${api.url}?${search}`, {
      headers: { 'apollo-require-preflight': 'true', 'if-none-match': etag },
    });
    expect(get.status).toBe(304);
    expect(await get.text()).toBe('');
  });

  it('never shares what a signed-in reader asks: it is kept for that reader alone', async () => {
    const anonymous = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    expectShared(anonymous, 'hit');
    const first = await send(api, PUBLISHED, { cycleId: cycle['2024'] }, admin);
    const second = await send(api, PUBLISHED, { cycleId: cycle['2024'] }, admin);
    expectPrivate(first, 'miss');
    expectPrivate(second, 'hit');
    expect(second.text).toBe(first.text);
    expect(first.statements).toBeGreaterThan(second.statements);
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200);
      // The admin reads the live cycle, not the edition the public shares.
      expect(answer.json.data.comparison.edition).toBeNull();
    }
    // A stale ETag of the public answer never turns into a 304 for someone signed in.
    const conditional = await send(
      api,
      PUBLISHED,
      { cycleId: cycle['2024'] },
      { ...admin, 'if-none-match': anonymous.headers.get('etag')! },
    );
    expect(conditional.status).toBe(200);
    expectPrivate(conditional, 'hit');
    expect(conditional.text).toBe(first.text);
  });

  it('never shares an unpublished cycle, even between anonymous readers', async () => {
    const answers = [
      await send(api, PUBLISHED, { cycleId: cycle['2025'] }),
      await send(api, PUBLISHED, { cycleId: cycle['2025'] }, await signIn(api, 'viewer.al@demo.example')),
      await send(api, PUBLISHED, { cycleId: cycle['2025'] }),
    ];
    for (const [i, answer] of answers.entries()) {
      expect(answer.json.errors).toBeUndefined();
      expect(answer.json.data.comparison.edition).toBeNull();
      expectPrivate(answer, i === 1 ? 'miss' : null);
    }
    const hidden = (answer: Answer) =>
      answer.json.data.comparison.rows.flatMap((r: any) => r.cells).filter((c: any) => c.state === 'HIDDEN')
        .length;
    // The partner sees its own country's cells, the public does not: the answers differ and neither was reused.
    expect(hidden(answers[1])).toBeLessThan(hidden(answers[0]));
    expect(answers[2].text).toBe(answers[0].text);
  });

  it('shares nothing that mixes an edition with live data, and no error', async () => {
    const mixed = [
      // Two cycles, one of them unpublished.
      `query($a: ID!, $b: ID!) { a: comparison(cycleId: $a) { rows { cells { score } } } b: comparison(cycleId: $b) { rows { cells { score } } } }`,
      // Standards may change after publication.
      `query($a: ID!) { comparison(cycleId: $a) { rows { indicator { standards { reference } } } } }`,
      // A field outside the comparison.
      `query($a: ID!) { comparison(cycleId: $a) { rows { cells { score } } } me { id } }`,
    ];
    for (const query of mixed) {
      for (let i = 0; i < 2; i++) {
        const answer = await send(api, query, { a: cycle['2024'], b: cycle['2025'] });
        expect(answer.json.errors).toBeUndefined();
        expectPrivate(answer);
      }
    }
    const broken = `query($a: ID!) { comparison(cycleId: $a) { rows { cells { score } } } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await send(api, broken, { a: 'not-an-id' });
      expect(answer.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expectPrivate(answer);
    }
    // An edition that does not exist yet may exist after the next publication.
    const missing = `query($a: ID!) { edition(cycleId: $a, number: 9) { number } }`;
    for (let i = 0; i < 2; i++) {
      const answer = await send(api, missing, { a: cycle['2024'] });
      expect(answer.json.data.edition).toBeNull();
      expectPrivate(answer);
    }
  });

  it('shares the other reads that come only from editions', async () => {
    const reads = [
      `query($a: ID!) { edition(cycleId: $a) { number citation cycle { code } comparison(countryCodes: ["RS"]) { rows { cells { score } } } } }`,
      `query($a: ID!) { countryProfile(countryCode: "AL", cycleId: $a) { country { code } areas { pillar assessedCount meanScore distribution { fully } } } }`,
    ];
    for (const query of reads) {
      const first = await send(api, query, { a: cycle['2024'] });
      expect(first.json.errors).toBeUndefined();
      expectShared(first, 'miss');
      const second = await send(api, query, { a: cycle['2024'] });
      expectShared(second, 'hit');
      expect(second.text).toBe(first.text);
    }
    // The profile of a cycle without an edition is live.
    const open = await send(api, reads[1], { a: cycle['2025'] });
    expect(open.json.errors).toBeUndefined();
    expectPrivate(open);
  });

  it('retires an entry when the cycle is reopened and published again as a new edition', async () => {
    const TRANSITION = `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { status } userErrors { code } } }`;
    const move = async (to: string) => {
      const res = await send(api, TRANSITION, { input: { id: cycle['2024'], to } }, admin);
      expect(res.json.data.cycleTransition.userErrors).toEqual([]);
      expectPrivate(res);
    };
    const before = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    expectShared(before, 'hit');

    await move('OPEN');
    const reopened = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    expectShared(reopened, 'miss');
    // The public still reads edition 1, and sees that the cycle is open again.
    expect(reopened.json.data.comparison.edition).toEqual(before.json.data.comparison.edition);
    expect(reopened.json.data.comparison.cycle.status).toBe('OPEN');

    // A correction, approved as the reviewer would, then publication of edition 2.
    const corrected = before.json.data.comparison.rows
      .flatMap((r: any) => r.cells)
      .find((c: any) => c.score !== null && c.score < 3);
    await db.dataSource.query(`UPDATE assessment SET score = score + 1 WHERE id = $1`, [
      corrected.assessmentId,
    ]);
    await move('CLOSED');
    await move('PUBLISHED');

    const republished = await send(api, PUBLISHED, { cycleId: cycle['2024'] });
    expectShared(republished, 'miss');
    expect(republished.json.data.comparison.edition.number).toBe(2);
    expect(republished.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const cell = republished.json.data.comparison.rows
      .flatMap((r: any) => r.cells)
      .find((c: any) => c.assessmentId === corrected.assessmentId);
    expect(cell.score).toBe(corrected.score + 1);
    // The old validator no longer matches.
    const stale = await send(
      api,
      PUBLISHED,
      { cycleId: cycle['2024'] },
      { 'if-none-match': before.headers.get('etag')! },
    );
    expect(stale.status).toBe(200);
    expectShared(stale, 'hit');
    expect(stale.text).toBe(republished.text);
  });
});

describe('response cache settings', () => {
  it('defaults to 32 MiB, 1000 entries and 60 seconds, and names a bad value', () => {
    expect(loadConfig({}).responseCache).toEqual({
      maxBytes: 32 * 1024 * 1024,
      maxEntries: 1000,
      maxAgeSeconds: 60,
      signedInMaxBytes: 64 * 1024 * 1024,
    });
    let error: unknown;
    try {
      loadConfig({
        RESPONSE_CACHE_MAX_BYTES: '-1',
        RESPONSE_CACHE_MAX_ENTRIES: '0',
        RESPONSE_CACHE_MAX_AGE_SECONDS: 'soon',
        RESPONSE_CACHE_SIGNED_IN_MAX_BYTES: 'lots',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/RESPONSE_CACHE_MAX_BYTES must be an integer from 0/);
    expect(problems).toMatch(/RESPONSE_CACHE_MAX_ENTRIES must be an integer from 1/);
    expect(problems).toMatch(/RESPONSE_CACHE_MAX_AGE_SECONDS must be an integer from 0/);
    expect(problems).toMatch(/RESPONSE_CACHE_SIGNED_IN_MAX_BYTES must be an integer from 0/);
  });

  it('keeps the store within its entries and bytes, dropping the least recently used first', () => {
    const entry = (body: string) => ({ body, etag: '"e"', stamp: 's', editions: [] });
    const byCount = new ResponseStore({ maxEntries: 2, maxBytes: 1024 * 1024 });
    byCount.set('a', entry('A'));
    byCount.set('b', entry('B'));
    expect(byCount.get('a')?.body).toBe('A');
    byCount.set('c', entry('C'));
    expect(byCount.get('b')).toBeUndefined();
    expect([byCount.get('a')?.body, byCount.get('c')?.body]).toEqual(['A', 'C']);
    expect(byCount.size).toBe(2);

    const byBytes = new ResponseStore({ maxEntries: 1000, maxBytes: 64 * 1024 });
    for (let i = 0; i < 20; i++) byBytes.set(`k${i}`, entry('x'.repeat(4000)));
    expect(byBytes.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(byBytes.get('k19')).toBeDefined();
    expect(byBytes.get('k0')).toBeUndefined();
    // One response larger than a quarter of the budget is not kept.
    expect(byBytes.set('huge', entry('x'.repeat(10_000)))).toBe(false);
    expect(byBytes.get('huge')).toBeUndefined();

    const off = new ResponseStore({ maxEntries: 1000, maxBytes: 0 });
    expect(off.set('a', entry('A'))).toBe(false);
    expect(off.size).toBe(0);
  });

  it('stores nothing with RESPONSE_CACHE_MAX_BYTES=0, and still answers with the HTTP validators', async () => {
    const db = await createTestDatabase();
    const api = await startTestServer(db, {
      RESPONSE_CACHE_MAX_BYTES: '0',
      RESPONSE_CACHE_MAX_AGE_SECONDS: '5',
    });
    try {
      const [row] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2024'`);
      const first = await send(api, PUBLISHED, { cycleId: row.id });
      const second = await send(api, PUBLISHED, { cycleId: row.id });
      for (const answer of [first, second]) {
        expect(answer.headers.get('cache-control')).toBe('public, max-age=5');
        expect(answer.headers.get('x-cache')).toBe('miss');
      }
      expect(second.statements).toBe(first.statements);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      const unchanged = await send(
        api,
        PUBLISHED,
        { cycleId: row.id },
        { 'if-none-match': first.headers.get('etag')! },
      );
      expect(unchanged.status).toBe(304);
    } finally {
      await api.close();
      await db.drop();
    }
  });
});
