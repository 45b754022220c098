import { loadConfig } from '../src/config';
import { createCapturingLogger } from '../src/common/logger';
import { createServer, type AppServer } from '../src/server';
import { appDataSourceFor, TEST_APP_PASSWORD, TEST_JWT_SECRET } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * Every log line of a fault names the request it happened in, the id the response's `x-request-id` gives the
 * client (its own, when it sent a sensible one), so that a user's report leads to the line.
 */
describe('fault log lines carry the request id', () => {
  let db: TestDatabase;
  let server: AppServer;
  let close: () => Promise<void>;
  let origin: string;
  const { logger, lines } = createCapturingLogger('info');

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      PORT: '0',
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_APP_PASSWORD: TEST_APP_PASSWORD,
    });
    const dataSource = await appDataSourceFor(db.url, 4, []);
    server = await createServer(config, dataSource, logger);
    origin = `http://127.0.0.1:${await server.listen(0)}`;
    close = async () => {
      await server.close();
      await dataSource.destroy();
    };
    // A fault the code does not expect: a column it reads is gone.
    await db.dataSource.query(`ALTER TABLE deployment_setting RENAME COLUMN data_status TO data_status_gone`);
  });
  afterAll(async () => {
    await close();
    await db.drop();
  });

  const faultLines = () => lines.filter((line) => line.level === 'error' || line.level === 'warn');

  async function graphql(headers: Record<string, string> = {}) {
    const res = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ dataStatus }' }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions: { code: string } }> };
    expect(body.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    return res.headers.get('x-request-id');
  }

  it('a fault in a GraphQL request: under the client’s id, or the one the response gives', async () => {
    lines.length = 0;
    expect(await graphql({ 'x-request-id': 'support-ticket-4711' })).toBe('support-ticket-4711');
    const given = await graphql();
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    const faults = faultLines();
    expect(faults.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['internal server error', 'internal server error']),
    );
    expect(
      faults.filter((line) => line.msg === 'internal server error').map((line) => line.requestId),
    ).toEqual(['support-ticket-4711', given]);
    // The fault's details are in the line; its client read none of them.
    expect(JSON.stringify(faults)).toMatch(/data_status/);
    for (const line of faults) expect([given, 'support-ticket-4711']).toContain(line.requestId);
  });

  it('a fault in an export: every line of it under the response’s id', async () => {
    lines.length = 0;
    const res = await fetch(`${origin}/exports/comparison.csv?cycleCode=2024`, {
      headers: { 'x-request-id': 'export-trace-1' },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toBe('export-trace-1');
    const faults = faultLines();
    expect(faults.map((line) => line.msg)).toEqual(['internal server error', 'http request failed']);
    for (const line of faults) expect(line.requestId).toBe('export-trace-1');
  });
});
