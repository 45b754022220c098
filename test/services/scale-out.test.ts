import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { keysWith, TEST_REDIS_URL } from '../support/redis';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server';

// Redis answers here on the development and CI machines; TEST_REDIS_URL names another.
const REDIS_URL = TEST_REDIS_URL;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const ME = `{ me { id } }`;
const PASSWORD_CHANGE = `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code } } }`;
const DEACTIVATE = `mutation($input: UserDeactivateInput!) { userDeactivate(input: $input) { user { isActive } userErrors { code } } }`;
const TRANSITION = `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { status } userErrors { code } } }`;
const PUBLISHED = `query($cycleId: ID!) { comparison(cycleId: $cycleId) {
  edition { number } cycle { status } rows { indicator { code } cells { countryCode state score } } } }`;

/**
 * Two instances of the API side by side, as behind a load balancer: one database, one Redis, nothing else in
 * common. Whatever one of them changes or counts, the other must see at once.
 */
describe('two instances against one database and one Redis', () => {
  const prefix = `test:scale:${randomUUID()}:`;
  const settings = {
    REDIS_URL,
    RATE_LIMIT_REDIS_PREFIX: prefix,
    RATE_LIMIT_IP: '4',
    RATE_LIMIT_WINDOW_SECONDS: '600',
    TRUST_PROXY: '1',
  };
  let db: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  let redis: Redis;
  // Anonymous requests count per address: each step but the rate-limit one comes from an address of its own.
  let lastAddress = 0;
  const freshAddress = () => `10.4.${Math.floor(++lastAddress / 250)}.${(lastAddress % 250) + 1}`;

  const ask = (
    api: TestServer,
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => api.query(query, variables, { 'x-forwarded-for': freshAddress(), ...headers });

  async function tokenOf(api: TestServer, email: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await ask(api, LOGIN, { input: { email, password } });
    expect(res.data!.login.userErrors).toEqual([]);
    return res.data!.login.token;
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    db = await createTestDatabase();
    a = await startTestServer(db, settings);
    b = await startTestServer(db, settings);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    const keys = await keysWith(redis, prefix);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await db.drop();
  });

  it('listens on two ports', () => {
    expect(new URL(a.url).port).not.toBe(new URL(b.url).port);
  });

  it('refuses on one instance a token revoked on the other', async () => {
    // A password change on A ends the sessions B accepted a moment before.
    const old = await tokenOf(b, 'viewer.rs@demo.example');
    expect((await ask(b, ME, {}, bearer(old))).data!.me.id).toBeTruthy();
    const changed = await ask(
      a,
      PASSWORD_CHANGE,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'Another-Password-2' } },
      bearer(old),
    );
    expect(changed.data!.passwordChange.userErrors).toEqual([]);
    const refused = await ask(b, ME, {}, bearer(old));
    expect(refused.status).toBe(401);
    expect(refused.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await ask(b, ME, {}, bearer(changed.data!.passwordChange.token))).data!.me.id).toBeTruthy();

    // So does a deactivation by an admin on A.
    const editor = await tokenOf(b, 'editor.rs@demo.example');
    const [target] = await db.dataSource.query(
      `SELECT id FROM app_user WHERE email = 'editor.rs@demo.example'`,
    );
    const admin = await tokenOf(a, 'admin@demo.example');
    const deactivated = await ask(a, DEACTIVATE, { input: { userId: target.id } }, bearer(admin));
    expect(deactivated.data!.userDeactivate).toEqual({ user: { isActive: false }, userErrors: [] });
    const gone = await ask(b, ME, {}, bearer(editor));
    expect(gone.status).toBe(401);
    expect(gone.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('counts a rate limit across both instances', async () => {
    const from = (api: TestServer, ip: string) => api.query('{ __typename }', {}, { 'x-forwarded-for': ip });
    for (const api of [a, b, a, b]) expect((await from(api, '10.5.0.1')).status).toBe(200);
    for (const api of [a, b]) {
      const refused = await from(api, '10.5.0.1');
      expect(refused.status).toBe(429);
      expect(refused.errors![0].extensions!.code).toBe('RATE_LIMITED');
    }
    expect((await from(b, '10.5.0.2')).status).toBe(200);
  });

  it('does not serve on one instance a cached answer that a publication on the other retired', async () => {
    const [cycle] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2024'`);
    const read = (api: TestServer) => ask(api, PUBLISHED, { cycleId: cycle.id });
    for (const api of [a, b]) {
      expect((await read(api)).headers.get('x-cache')).toBe('miss');
      const cached = await read(api);
      expect(cached.headers.get('x-cache')).toBe('hit');
      expect(cached.data!.comparison.edition.number).toBe(1);
    }

    const admin = bearer(await tokenOf(a, 'admin@demo.example'));
    for (const to of ['OPEN', 'CLOSED', 'PUBLISHED']) {
      const moved = await ask(a, TRANSITION, { input: { id: cycle.id, to } }, admin);
      expect(moved.data!.cycleTransition).toEqual({ cycle: { status: to }, userErrors: [] });
    }

    const onB = await read(b);
    expect(onB.headers.get('x-cache')).toBe('miss');
    expect(onB.data!.comparison.edition.number).toBe(2);
    const againOnB = await read(b);
    expect(againOnB.headers.get('x-cache')).toBe('hit');
    expect(againOnB.data!.comparison.edition.number).toBe(2);
    const onA = await read(a);
    expect(onA.headers.get('x-cache')).toBe('miss');
    expect(onA.data).toEqual(onB.data);
  });
});
