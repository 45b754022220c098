import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { databaseUrlOn } from '../src/db/embedded';
import { startApi, type RunningApi } from '../src/start';
import { TEST_APP_PASSWORD, TEST_JWT_SECRET } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * Several instances started at once on an empty database, as an orchestrator scales a new deployment: each
 * migration is applied once, the demo data is loaded once, and every instance comes up.
 */

/** Rows of the tables the demo data fills, by table. */
async function demoRows(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of ['country', 'app_user', 'indicator', 'assessment', 'evidence', 'edition']) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe('instances started together on an empty database', () => {
  let db: TestDatabase;
  let dataDir: string;
  const running: RunningApi[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concurrent-start-'));
  });
  afterAll(async () => {
    await Promise.all(running.map((api) => api.stop()));
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('apply the migrations once, load the demo data once, and all serve', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATABASE_APP_PASSWORD: TEST_APP_PASSWORD,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_ON_START: 'true',
      WEBHOOK_WORKER: 'false',
    });
    const lines: string[] = [];
    const start = () => startApi(config, { log: (line) => lines.push(line), logger: createLogger('silent') });
    const started = await Promise.allSettled([start(), start(), start()]);
    for (const outcome of started) if (outcome.status === 'fulfilled') running.push(outcome.value);
    expect(started.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'up'))).toEqual(
      ['up', 'up', 'up'],
    );

    const applied: Array<{ name: string; n: number }> = await db.dataSource.query(
      `SELECT name, count(*)::int AS n FROM schema_migration GROUP BY name ORDER BY name`,
    );
    expect(applied.map((row) => row.n)).toEqual(db.dataSource.migrations.map(() => 1));
    expect(lines.filter((line) => line.startsWith('Applied '))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('Loaded the demo data'))).toHaveLength(1);
    // Exactly what one load of the demo data makes: the test run's template was loaded once.
    const template = databaseUrlOn(process.env.TEST_PG_SERVER_URL!, process.env.TEST_TEMPLATE_DB!);
    expect(await demoRows(db.url)).toEqual(await demoRows(template));

    for (const api of running) {
      const response = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation($input: LoginInput!) { login(input: $input) { token } }`,
          variables: { input: { email: 'admin@demo.example', password: 'Demo-Password-1' } },
        }),
      });
      const body = (await response.json()) as { data: { login: { token: string | null } } };
      expect(typeof body.data.login.token).toBe('string');
      const countries = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${body.data.login.token}`,
        },
        body: JSON.stringify({ query: '{ countries { nodes { code } } }' }),
      });
      expect(((await countries.json()) as any).data.countries.nodes).toHaveLength(5);
    }
  }, 120_000);
});
