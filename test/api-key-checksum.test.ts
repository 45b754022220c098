import { createHash, randomBytes } from 'node:crypto';
import { StatementCounter } from '../src/db/statement-counter';
import { createRequestContext } from '../src/pipeline/context/request-context';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server';

const RATE_LIMIT_IP = 5;
const LIMITS = {
  TRUST_PROXY: '1',
  RATE_LIMIT_IP: String(RATE_LIMIT_IP),
  RATE_LIMIT_API_KEY: '50',
  RATE_LIMIT_WINDOW_SECONDS: '600',
};
const COUNTRIES = '{ countries { totalCount } }';
const b64 = (bytes: number) => randomBytes(bytes).toString('base64url');
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
/** A key in the shape of the keys made now (lookup prefix, 32 random bytes, checksum), with a checksum of chance. */
const madeUpKey = () => `tia_${hex(6)}${b64(32)}${b64(16)}`;
/** A key in the shape of the keys made before they had a checksum. */
const oldStyleKey = () => `tia_${hex(6)}${b64(32)}`;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** API keys carry a checksum: a made-up key is refused without SQL, and made-up keys count under the address. */
describe('API key checksums', () => {
  let db: TestDatabase;
  let api: TestServer;
  let lead: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db, LIMITS);
    lead = await signIn(api, 'lead.rs@demo.example');
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function createKey(name: string): Promise<string> {
    const res = await api.query(
      `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key userErrors { code } } }`,
      { input: { name } },
      { ...lead, 'x-forwarded-for': '10.30.9.9' },
    );
    expect(res.data!.apiKeyCreate.userErrors).toEqual([]);
    return res.data!.apiKeyCreate.key;
  }

  /** Signs in as the server does, and says how many statements that sent. */
  async function statementsToSignIn(key: string): Promise<{ statements: number; outcome: string }> {
    const statements = new StatementCounter();
    const auth = { jwtSecret: TEST_JWT_SECRET, tokenTtlSeconds: 3600 };
    try {
      const ctx = await createRequestContext(db.dataSource, auth, bearer(key), { statements });
      await ctx.transaction.rollback();
      return { statements: statements.count, outcome: ctx.viewer.kind };
    } catch (error) {
      return { statements: statements.count, outcome: String((error as any).extensions?.code) };
    }
  }

  it('counts a burst of made-up keys from one address under that address, like anonymous requests', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < RATE_LIMIT_IP; i++) {
      const key = i % 2 === 0 ? madeUpKey() : oldStyleKey();
      const res = await api.query(COUNTRIES, {}, { ...bearer(key), ...from('10.30.0.1') });
      expect(res.status).toBe(401);
      expect(res.errors![0]).toMatchObject({
        message: 'The API key is not valid or has been revoked.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    for (const key of [madeUpKey(), oldStyleKey()]) {
      const refused = await api.query(COUNTRIES, {}, { ...bearer(key), ...from('10.30.0.1') });
      expect(refused.status).toBe(429);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', setting: 'RATE_LIMIT_IP' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // The address's anonymous requests share the spent counter; other addresses are not held back.
    expect((await api.query(COUNTRIES, {}, from('10.30.0.1'))).status).toBe(429);
    expect((await api.query(COUNTRIES, {}, { ...bearer(madeUpKey()), ...from('10.30.0.2') })).status).toBe(
      401,
    );
    expect((await api.query(COUNTRIES, {}, from('10.30.0.2'))).status).toBe(200);

    // A real key still reads from the spent address: it counts under its own limit.
    const real = await createKey('Dashboard');
    const read = await api.query(COUNTRIES, {}, { ...bearer(real), ...from('10.30.0.1') });
    expect(read.status).toBe(200);
    expect(read.data!.countries.totalCount).toBeGreaterThan(0);
  });

  it('refuses a key whose checksum is wrong without any SQL', async () => {
    const real = await createKey('Report generator');
    expect(real).toMatch(/^tia_[0-9a-f]{12}[A-Za-z0-9_-]{65}$/);
    const last = real.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${real.slice(0, -1)}${last}`;
    const otherSecret = `${real.slice(0, 59)}${b64(16)}`;
    for (const forged of [madeUpKey(), tampered, otherSecret]) {
      expect(await statementsToSignIn(forged)).toEqual({ statements: 0, outcome: 'UNAUTHENTICATED' });
    }
    // A key without a checksum can only be told from a real one by the database: one statement.
    expect(await statementsToSignIn(oldStyleKey())).toEqual({ statements: 1, outcome: 'UNAUTHENTICATED' });
    expect(await statementsToSignIn(real)).toEqual({ statements: 1, outcome: 'apiKey' });
    const res = await api.query(COUNTRIES, {}, { ...bearer(tampered), 'x-forwarded-for': '10.30.1.1' });
    expect(res.status).toBe(401);
    expect(res.errors![0].message).toBe('The API key is not valid or has been revoked.');
  });

  it('keeps a key made before keys had a checksum working, counted under its caller’s address', async () => {
    const key = oldStyleKey();
    await db.dataSource.query(
      `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash)
       SELECT m.organisation_id, u.id, 'Old integration', $1, $2
       FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.email = 'lead.rs@demo.example'`,
      [key.slice(4, 16), createHash('sha256').update(key).digest('hex')],
    );
    const headers = { ...bearer(key), 'x-forwarded-for': '10.30.2.1' };
    for (let i = 0; i < RATE_LIMIT_IP; i++) {
      const res = await api.query(
        `{ assessments(countryCode: "RS", status: DRAFT) { totalCount } }`,
        {},
        headers,
      );
      expect(res.status).toBe(200);
      expect(res.data!.assessments.totalCount).toBeGreaterThan(0);
    }
    const refused = await api.query(COUNTRIES, {}, headers);
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions).toMatchObject({ setting: 'RATE_LIMIT_IP' });
  });
});
