import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { keysWith, TEST_REDIS_URL } from '../support/redis';
import { startTestServer, type TestServer } from '../support/server';

// Redis answers here on the development and CI machines; TEST_REDIS_URL names another.
const REDIS_URL = TEST_REDIS_URL;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;

describe('rate limits shared through Redis', () => {
  // A prefix of this run's own, so that runs in parallel or after one another never share a counter.
  const prefix = `test:rate:${randomUUID()}:`;
  const settings = {
    REDIS_URL,
    RATE_LIMIT_REDIS_PREFIX: prefix,
    RATE_LIMIT_IP: '3',
    LOGIN_RATE_LIMIT: '2',
    LOGIN_RATE_LIMIT_ACCOUNT: '2',
    RATE_LIMIT_WINDOW_SECONDS: '600',
    TRUST_PROXY: '1',
  };
  let db: TestDatabase;
  let one: TestServer;
  let two: TestServer;
  let redis: Redis;

  const ask = (api: TestServer, ip: string, query = '{ __typename }', variables?: Record<string, unknown>) =>
    api.query(query, variables, { 'x-forwarded-for': ip });

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    db = await createTestDatabase();
    one = await startTestServer(db, settings);
    two = await startTestServer(db, settings);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    const keys = await keysWith(redis, prefix);
    if (keys.length > 0) await redis.del(...keys);
    expect(await keysWith(redis, prefix)).toEqual([]);
    await redis.quit();
    await db.drop();
  });

  it('counts the requests of both servers in one counter', async () => {
    expect((await ask(one, '10.2.0.1')).status).toBe(200);
    expect((await ask(one, '10.2.0.1')).status).toBe(200);
    expect((await ask(two, '10.2.0.1')).status).toBe(200);
    const refused = await ask(two, '10.2.0.1');
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590);
    expect((await ask(one, '10.2.0.1')).status).toBe(429);
    expect((await ask(one, '10.2.0.2')).status).toBe(200);
  });

  it('counts failed sign-ins on either server against the same account', async () => {
    const input = { email: 'viewer.rs@demo.example', password: 'guess' };
    const first = await ask(one, '10.2.1.1', LOGIN, { input });
    expect(first.data!.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    const second = await ask(two, '10.2.1.2', LOGIN, { input });
    expect(second.data!.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    const third = await ask(one, '10.2.1.3', LOGIN, { input });
    expect(third.status).toBe(429);
    expect(third.errors![0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      setting: 'LOGIN_RATE_LIMIT_ACCOUNT',
    });
  });

  it('keeps counters that expire with their window and name no e-mail address', async () => {
    const keys = await keysWith(redis, prefix);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) {
      expect(key).not.toMatch(/@/);
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(15 * 60 * 1000);
    }
  });

  it('counts in each instance while Redis cannot be reached, and says so in the log', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    let alone: TestServer | undefined;
    try {
      // Nothing listens on port 1.
      alone = await startTestServer(db, { ...settings, REDIS_URL: 'redis://127.0.0.1:1' });
      const started = Date.now();
      for (let i = 0; i < 3; i++) expect((await ask(alone, '10.2.2.1')).status).toBe(200);
      expect((await ask(alone, '10.2.2.1')).status).toBe(429);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await alone?.close();
      spy.mockRestore();
    }
    expect(lines.join('')).toMatch(/\[rate-limit\] the shared counters are unavailable/);
  });
});
