import { createHash } from 'node:crypto';
import { MemoryQueryTextStore } from '../src/pipeline/execution/persisted-queries';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

const EDITION_QUERY = `query PublishedCells($cycle: String!) { comparison(cycleCode: $cycle, edition: 1,
  countryCodes: ["AL"]) { rows { cells { id countryCode state value answer { __typename } } } } }`;

/**
 * Automatic persisted queries (Apollo's protocol): a client sends a query's hash, and its text only when the
 * server does not know it yet. An anonymous read of a published edition may then go over GET, with the hash in
 * the address, and a CDN may keep it under the response cache's rules; a mutation never runs over GET; the
 * limits hold for a persisted document as for any other.
 */
describe('persisted queries', () => {
  let db: TestDatabase;
  let api: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db, {
      RESPONSE_CACHE_MAX_AGE_SECONDS: '60',
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_COST: '50000',
    });
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }

  /** A GET as Apollo Client's persisted query link sends it, with the header CSRF prevention asks of a GET. */
  async function get(params: Record<string, unknown>, headers: Record<string, string> = {}) {
    const search = new URLSearchParams(
      Object.entries(params).map(([name, value]): [string, string] => [
        name,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
    const res = await fetch(`${api.url}?${search}`, {
      headers: { 'apollo-require-preflight': 'true', ...headers },
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
  }

  it('a hash alone is asked for its text once, then answered like the text', async () => {
    const variables = { cycle: '2024' };
    const first = await post({ extensions: persisted(EDITION_QUERY), variables });
    expect(first.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) }),
    ]);
    const registered = await post({ query: EDITION_QUERY, extensions: persisted(EDITION_QUERY), variables });
    expect(registered.body.errors).toBeUndefined();
    const plain = await post({ query: EDITION_QUERY, variables });
    expect(registered.body.data).toEqual(plain.body.data);
    const byHash = await post({ extensions: persisted(EDITION_QUERY), variables });
    expect(byHash.body).toEqual(plain.body);
  });

  it('a text that does not match its hash is refused', async () => {
    const res = await post({ query: EDITION_QUERY, extensions: persisted(`${EDITION_QUERY} `) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    const bad = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toMatch(/SHA-256 in lower-case hex/);
  });

  it('an anonymous read of an edition goes over GET by hash, shareable with its ETag; 304 when unchanged', async () => {
    const variables = { cycle: '2024' };
    await post({ query: EDITION_QUERY, extensions: persisted(EDITION_QUERY), variables });
    const params = { operationName: 'PublishedCells', variables, extensions: persisted(EDITION_QUERY) };
    const first = await get(params);
    expect(first.status).toBe(200);
    expect(first.body.data.comparison.rows.length).toBeGreaterThan(0);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=60/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(params);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.text).toBe(first.text);
    const unchanged = await get(params, { 'if-none-match': etag! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    // Signed in, the same GET is answered for the reader alone, never shared.
    const editor = await signIn(api, 'editor.al@demo.example');
    const own = await get(params, editor);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(own.headers.get('etag')).not.toBe(etag);
  });

  it('a GET without a preflight-forcing header is refused (CSRF prevention)', async () => {
    const search = new URLSearchParams({ query: '{ dataStatus }' });
    const res = await fetch(`${api.url}?${search}`);
    expect(res.status).toBe(400);
  });

  it('never runs a mutation over GET, by text or by hash', async () => {
    const editor = await signIn(api, 'editor.rs@demo.example');
    const mutation = `mutation Rename($input: PasswordChangeInput!) { passwordChange(input: $input) { userErrors { code } } }`;
    const input = { currentPassword: 'wrong-password-1', newPassword: 'Another-Password-1' };
    // Registered by POST, where it may run (and fails for its wrong password, changing nothing).
    const registered = await post(
      { query: mutation, extensions: persisted(mutation), variables: { input } },
      editor,
    );
    expect(registered.status).toBe(200);
    const [before] = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`);
    for (const params of [
      { query: mutation, variables: { input } },
      { extensions: persisted(mutation), variables: { input } },
    ]) {
      const res = await get(params, editor);
      expect(res.status).toBe(405);
      expect(res.body.errors[0].message).toBe(
        'GET requests only support query operations, not mutation operations',
      );
    }
    const [after] = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`);
    expect(after.n).toBe(before.n);
  });

  it('the depth and cost limits hold for a persisted document, by POST and by GET', async () => {
    const deep = `{ countries { nodes { organisations { countries { organisations { countries { organisations {
      countries { organisations { countries { organisations { countries { code } } } } } } } } } } } } }`;
    const costly = `{ cycles(first: 100) { nodes { assessments(first: 100) { nodes { evidence(first: 100) {
      nodes { id } } } } } } }`;
    for (const query of [deep, costly]) {
      const registered = await post({ query, extensions: persisted(query) });
      expect(registered.status).toBe(400);
      expect(registered.body.data).toBeUndefined();
      for (const res of [
        await post({ extensions: persisted(query) }),
        await get({ extensions: persisted(query) }),
      ]) {
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors).toHaveLength(1);
        expect(['PERSISTED_QUERY_NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED']).toContain(
          res.body.errors[0].extensions.code,
        );
      }
    }
  });
});

describe('the in-memory store of persisted query texts', () => {
  it('keeps at most its bytes, dropping the least recently used first', async () => {
    const store = new MemoryQueryTextStore(1000);
    const text = (n: number) => `query Q${n} { ${'cycles { nodes { id } } '.repeat(3)}}`;
    const size = (n: number) => (`apq:${n}`.length + text(n).length) * 2;
    let stored = 0;
    while ((stored + 1) * size(stored) <= 1000) {
      await store.set(`apq:${stored}`, text(stored));
      stored += 1;
    }
    expect(stored).toBeGreaterThan(2);
    // Reading the first keeps it; the next one in line goes when a new text needs its room.
    expect(await store.get('apq:0')).toBe(text(0));
    await store.set('apq:new', text(99));
    expect(store.size).toBe(stored);
    expect(await store.get('apq:0')).toBe(text(0));
    expect(await store.get('apq:1')).toBeUndefined();
    expect(await store.get('apq:new')).toBe(text(99));
    // A text larger than the whole store is not kept, and drops nothing.
    await store.set('apq:huge', 'x'.repeat(600));
    expect(await store.get('apq:huge')).toBeUndefined();
    expect(store.size).toBe(stored);
  });
});
