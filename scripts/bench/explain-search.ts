import 'reflect-metadata';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../src/common/context';
import { signInAsProof, storeRowSecurityKey } from '../../src/db/row-security-key';
import type { Viewer } from '../../src/modules/auth/viewer';
import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { search } from '../../src/modules/search/search.service';
import { Role } from '../../src/modules/user/user.enums';
import { SEARCH_VARIABLES } from './scenarios';

/**
 * The plan of the benchmark's search (SEARCH_VARIABLES of scenarios.ts) as the reviewer, under row-level
 * security: the median execution and planning time of `--repeat` runs (default 10) of the search statement as
 * the service sends it, each in a transaction signed in as the reviewer and run as the app role (`--app-role`,
 * default `indicators_app`), then `EXPLAIN (ANALYZE, BUFFERS)` of it on the warmed connection. `--query` replaces the benchmark's words.
 *
 *   node -r @swc-node/register scripts/bench/explain-search.ts --database-url URL [--query WORDS]
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
  const secret = process.env.JWT_SECRET ?? 'explain-search-secret-0123456789abcdef';
  const appRole = option('app-role', 'indicators_app');
  const repeat = Number(option('repeat', '10'));
  const query = option('query', SEARCH_VARIABLES.query);
  const client = new Client({ connectionString: url });
  await client.connect();
  const owner = { query: (sql: string, params?: unknown[]) => client.query(sql, params).then((r) => r.rows) };
  await storeRowSecurityKey(owner as unknown as DataSource, secret);
  // The statement and parameters exactly as the service sends them.
  let statement: { sql: string; params: unknown[] } | null = null;
  const ctx = {
    viewer: REVIEWER,
    locale: 'en',
    db: {
      query: async (sql: string, params: unknown[]) => {
        statement = { sql, params };
        return [];
      },
    },
  } as unknown as RequestContext;
  await search(
    ctx,
    { query, kinds: null, countryCode: null, cycleId: null },
    { offset: 0, limit: SEARCH_VARIABLES.first },
  );
  const { sql, params } = statement as unknown as { sql: string; params: unknown[] };
  const settings = ['user', Role.REVIEWER, '{}'] as const;
  const signIn = async () => {
    await client.query(`SET LOCAL ROLE ${appRole}`);
    await client.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
      ...settings,
      signInAsProof(secret, ...settings),
    ]);
  };
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
  // The plan once the connection is warm (its functions compiled, its catalogs cached), as in the pool.
  await client.query('BEGIN');
  await signIn();
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  await client.query('ROLLBACK');
  console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
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
