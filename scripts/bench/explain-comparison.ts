import 'reflect-metadata';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { signInAsProof, storeRowSecurityKey } from '../../src/db/row-security-key';
import type { Viewer } from '../../src/modules/auth/viewer';
import { loadMatrix } from '../../src/modules/comparison/comparison.service';
import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { Role } from '../../src/modules/user/user.enums';

/**
 * The plan of the reviewer's comparison matrix, as the API sends it, under row-level security:
 * `EXPLAIN (ANALYZE, BUFFERS)` of the matrix statement in a transaction signed in as the reviewer, run as the
 * database's app role (`--app-role`, default `indicators_app`) by the owner's connection. Also times the
 * statement run back to back (`--repeat`, default 10) and prints the median execution and planning time.
 *
 *   node -r @swc-node/register scripts/bench/explain-comparison.ts --database-url URL [--cycle CODE]
 *
 * The row-security key is stored from `JWT_SECRET` (a fixed one if unset): the same as the service's when both
 * are given the same secret.
 */

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const REVIEWER: Viewer = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  organisationId: '00000000-0000-0000-0000-000000000000',
  organisationKind: OrganisationKind.REVIEWER,
  role: Role.REVIEWER,
  countries: [],
};

async function main(): Promise<void> {
  const url = option('database-url', process.env.DATABASE_URL ?? '');
  const secret = process.env.JWT_SECRET ?? 'explain-comparison-secret-0123456789abcdef';
  const appRole = option('app-role', 'indicators_app');
  const repeat = Number(option('repeat', '10'));
  const client = new Client({ connectionString: url });
  await client.connect();
  const owner = { query: (sql: string, params?: unknown[]) => client.query(sql, params).then((r) => r.rows) };
  await storeRowSecurityKey(owner as unknown as DataSource, secret);
  const cycleCode = option('cycle', '');
  const [cycle] = cycleCode
    ? await owner.query(`SELECT id, code FROM monitoring_cycle WHERE code = $1`, [cycleCode])
    : await owner.query(
        `SELECT c.id, c.code FROM monitoring_cycle c WHERE c.status = 'OPEN' ORDER BY c.year DESC LIMIT 1`,
      );
  // The statement and parameters exactly as the service sends them.
  let statement: { sql: string; params: unknown[] } | null = null;
  const recorder = {
    query: async (sql: string, params: unknown[]) => {
      statement = { sql, params };
      return [];
    },
  };
  await loadMatrix(recorder as unknown as DataSource, REVIEWER, { cycleId: cycle.id });
  const { sql, params } = statement as unknown as { sql: string; params: unknown[] };
  const settings = ['user', Role.REVIEWER, '{}'] as const;
  const signIn = async () => {
    await client.query(`SET LOCAL ROLE ${appRole}`);
    await client.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
      ...settings,
      signInAsProof(secret, ...settings),
    ]);
  };
  await client.query('BEGIN');
  await signIn();
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  await client.query('ROLLBACK');
  console.log(`cycle ${cycle.code}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  const times: number[] = [];
  const planning: number[] = [];
  for (let i = 0; i < repeat; i++) {
    await client.query('BEGIN');
    await signIn();
    const lines = await client.query(`EXPLAIN (ANALYZE, SUMMARY, FORMAT JSON) ${sql}`, params);
    await client.query('ROLLBACK');
    const [result] = lines.rows[0]['QUERY PLAN'] as Array<Record<string, number>>;
    times.push(result['Execution Time']);
    planning.push(result['Planning Time']);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  console.log(
    `median of ${repeat}: execution ${median(times).toFixed(1)} ms, planning ${median(planning).toFixed(1)} ms`,
  );
  await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
