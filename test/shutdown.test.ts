import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './support/database';
import { TEST_JWT_SECRET } from './support/server';
import { freePort } from './support/net';

/** The real process, as an operator runs it: SIGTERM stops accepting, finishes what is in flight, and exits 0. */
describe('graceful shutdown', () => {
  let db: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-'));
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Production as deployed: Apollo installs signal handlers of its own outside tests, and with them a stop
  // waited for the 30 s guard and exited 1.
  it.each(['test', 'production'])(
    'finishes the request in flight, closes the pool and exits 0 on SIGTERM (%s)',
    async (mode) => {
      const port = await freePort();
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
        cwd: path.resolve(__dirname, '..'),
        env: {
          ...process.env,
          NODE_ENV: mode,
          DATABASE_URL: db.url,
          DATABASE_APP_PASSWORD: 'shutdown-app-password-0123456789',
          PORT: String(port),
          JWT_SECRET: TEST_JWT_SECRET,
          SEED_ON_START: 'false',
          DATA_DIR: dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += String(chunk)));
      child.stderr.on('data', (chunk) => (output += String(chunk)));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const deadline = Date.now() + 30000;
      while (!output.includes('GraphQL API ready') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('GraphQL API ready');

      const [{ id: cycleId }] = await db.dataSource.query(
        `SELECT id FROM monitoring_cycle WHERE code = '2024'`,
      );
      const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query($c: ID!) { comparison(cycleId: $c) { rows { indicator { code title { text } standards { reference } } cells { state score trend } } } }`,
          variables: { c: cycleId },
        }),
      });
      await new Promise((r) => setTimeout(r, 30));
      child.kill('SIGTERM');

      const response = await inFlight;
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: { comparison: { rows: unknown[] } } };
      expect(body.data.comparison.rows.length).toBeGreaterThanOrEqual(40);
      expect(await exited).toBe(0);
      expect(output).toContain('SIGTERM received');
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    },
    60000,
  );
});
