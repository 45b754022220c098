import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const TWO = 'query A { countries { totalCount } } query B { cycles { totalCount } }';
const QUERY_AND_MUTATION =
  'query A { countries { totalCount } } mutation B { login(input: { email: "a@example.org", password: "x" }) { token } }';

describe('a request whose operation cannot be resolved', () => {
  let db: TestDatabase;
  let api: TestServer;
  const readers: Array<[string, () => Promise<Record<string, string>>]> = [
    ['anonymous', async () => ({})],
    ['a signed-in admin', () => signIn(api, 'admin@demo.example')],
    ['a country editor', () => signIn(api, 'editor.al@demo.example')],
  ];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function send(headers: Record<string, string>, query: string, operationName?: string) {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, operationName }),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  for (const [who, headersOf] of readers) {
    it(`is a client error for ${who}, whichever way the name is missing`, async () => {
      const headers = await headersOf();
      const cases: Array<[string, string | undefined, RegExp]> = [
        [TWO, undefined, /has 2 operations \(A, B\): name the one to run in operationName/],
        [QUERY_AND_MUTATION, undefined, /has 2 operations/],
        [TWO, 'C', /no operation named "C"; it has: A, B/],
      ];
      for (const [query, name, message] of cases) {
        const res = await send(headers, query, name);
        expect(res.status).toBe(400);
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
        expect(res.body.errors[0].message).toMatch(message);
      }
      // Named, the same document runs.
      const named = await send(headers, TWO, 'B');
      expect(named.status).toBe(200);
      expect(named.body.data.cycles.totalCount).toBeGreaterThan(0);
    });
  }
});
