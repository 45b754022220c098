import { createHash, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { keysWith, TEST_REDIS_URL } from '../support/redis';
import { startTestServer, type TestServer } from '../support/server';

const QUERY = `query Cycles { cycles { nodes { id code status } } }`;
const hash = createHash('sha256').update(QUERY).digest('hex');

/** With REDIS_URL, a query registered on one instance is known to the others by its hash. */
describe('persisted queries shared through Redis', () => {
  const prefix = `test:apq:${randomUUID()}:`;
  let db: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    db = await createTestDatabase();
    const settings = { REDIS_URL: TEST_REDIS_URL, PERSISTED_QUERIES_REDIS_PREFIX: prefix };
    a = await startTestServer(db, settings);
    b = await startTestServer(db, settings);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    const keys = await keysWith(redis, prefix);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.drop();
  });

  const send = (api: TestServer, body: Record<string, unknown>) =>
    fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(
      (res) => res.json() as Promise<{ data?: unknown; errors?: Array<{ extensions: { code: string } }> }>,
    );

  it('registers on one instance and answers the hash on the other', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const unknown = await send(b, { extensions });
    expect(unknown.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await send(a, { query: QUERY, extensions });
    expect(registered.errors).toBeUndefined();
    // Apollo stores the text without waiting for the store: give it a moment.
    for (let i = 0; i < 20 && (await keysWith(redis, prefix)).length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const keys = await keysWith(redis, prefix);
    expect(keys).toHaveLength(1);
    expect(await redis.get(keys[0])).toBe(QUERY);
    const ttl = await redis.ttl(keys[0]);
    expect(ttl).toBeGreaterThan(6 * 24 * 3600);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600);
    const byHash = await send(b, { extensions });
    expect(byHash).toEqual(registered);
  });
});
