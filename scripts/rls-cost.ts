import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pool, type PoolClient } from 'pg';
import { loadConfig } from '../src/config';
import { prepareAppConnection } from '../src/db/app-role';
import { resolveDatabase } from '../src/db/bootstrap';
import { createDataSource } from '../src/db/data-source';
import { signInAsProof } from '../src/db/row-security-key';
import { resolveJwtSecret } from '../src/modules/auth/token';

/**
 * What row-level security costs on the hot reads: the same transactions (settings, then the reads the API sends
 * for a country dashboard and for the comparison matrix) run as the owner, whom the policies let through (a
 * superuser bypasses them; any other owner meets only its `maintenance` policy), and as indicators_app, whom
 * they bind, side by side at the same concurrency. Prints statements per second and the ratio.
 *
 *   npm run bench:rls -- [--database-url URL] [--seconds 10] [--concurrency 4]
 */

interface Scenario {
  name: string;
  settings: [principal: string, role: string, countries: string];
  run(client: PoolClient): Promise<number>;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function loop(
  pool: Pool,
  secret: string,
  scenario: Scenario,
  seconds: number,
  concurrency: number,
): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          await client.query('BEGIN');
          await client.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
            ...scenario.settings,
            signInAsProof(secret, ...scenario.settings),
          ]);
          await scenario.run(client);
          await client.query('COMMIT');
          done += 1;
        }
      } finally {
        client.release();
      }
    }),
  );
  return done / seconds;
}

async function main(): Promise<void> {
  const seconds = Number(option('seconds', '10'));
  const concurrency = Number(option('concurrency', '4'));
  const url = option('database-url', process.env.DATABASE_URL ?? '');
  const config = loadConfig({ ...process.env, ...(url ? { DATABASE_URL: url } : {}) });
  const database = await resolveDatabase(config, () => undefined);
  const owner = createDataSource({ url: database.url, poolSize: 1 });
  await owner.initialize();
  await owner.runMigrations({ transaction: 'each' });
  const appUrl = await prepareAppConnection(owner, database.url, config);
  const secret = resolveJwtSecret(config);
  // The busiest country of the busiest open cycle, and the busiest published cycle.
  const [open] = await owner.query(
    `SELECT a.cycle_id, a.country_code FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
     WHERE c.status <> 'PUBLISHED' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
  );
  const [published] = await owner.query(
    `SELECT a.cycle_id FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
     WHERE c.status = 'PUBLISHED' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const [{ assessments, evidence }] = await owner.query(
    `SELECT (SELECT count(*) FROM assessment)::int AS assessments, (SELECT count(*) FROM evidence)::int AS evidence`,
  );
  await owner.destroy();

  const scenarios: Scenario[] = [
    {
      name: `dashboard (${open.country_code}, editor)`,
      settings: ['user', 'COUNTRY_EDITOR', `{${open.country_code}}`],
      async run(client) {
        const { rows } = await client.query(
          `SELECT a.* FROM assessment a WHERE a.country_code = $1 AND a.cycle_id = $2
             AND (a.country_code = ANY($3::text[]) OR a.status IN ('APPROVED', 'PUBLISHED'))
           ORDER BY a.indicator_id, a.id LIMIT 100`,
          [open.country_code, open.cycle_id, [open.country_code]],
        );
        const found = await client.query(
          `SELECT e.* FROM evidence e WHERE e.country_code = $1 AND e.assessment_id = ANY($2::uuid[])
             AND (e.country_code = ANY($3::text[]) OR e.confidentiality IN ('PUBLIC', 'PARTNERS'))
           ORDER BY e.assessment_id, e.created_at, e.id`,
          [open.country_code, rows.map((r) => r.id), [open.country_code]],
        );
        return rows.length + found.rowCount!;
      },
    },
    {
      name: 'comparison matrix (reviewer)',
      settings: ['user', 'REVIEWER', '{}'],
      async run(client) {
        const { rowCount } = await client.query(
          `SELECT a.country_code, a.indicator_id, a.score, a.status FROM assessment a
           WHERE a.cycle_id = $1 AND a.status <> 'DRAFT'`,
          [open.cycle_id],
        );
        return rowCount!;
      },
    },
    {
      name: 'comparison matrix (anonymous, published)',
      settings: ['', '', '{}'],
      async run(client) {
        const { rowCount } = await client.query(
          `SELECT a.country_code, a.indicator_id, a.score FROM assessment a
           WHERE a.cycle_id = $1 AND a.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM monitoring_cycle vc
             WHERE vc.id = a.cycle_id AND vc.status = 'PUBLISHED')`,
          [published?.cycle_id ?? open.cycle_id],
        );
        return rowCount!;
      },
    },
  ];

  const pools = {
    owner: new Pool({ connectionString: database.url, max: concurrency }),
    app: new Pool({ connectionString: appUrl, max: concurrency }),
  };
  process.stdout.write(
    `${assessments} assessments, ${evidence} evidence rows; ${concurrency} connections, ${seconds} s a run; ` +
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})\n`,
  );
  for (const scenario of scenarios) {
    // A second of each to warm the caches and the plans, then the measured runs.
    await loop(pools.owner, secret, scenario, 1, concurrency);
    await loop(pools.app, secret, scenario, 1, concurrency);
    const bypassed = await loop(pools.owner, secret, scenario, seconds, concurrency);
    const bound = await loop(pools.app, secret, scenario, seconds, concurrency);
    process.stdout.write(
      `${scenario.name.padEnd(42)} no RLS ${bypassed.toFixed(0).padStart(6)} tx/s   RLS ${bound
        .toFixed(0)
        .padStart(6)} tx/s   ratio ${(bound / bypassed).toFixed(2)}\n`,
    );
  }
  await pools.owner.end();
  await pools.app.end();
  await database.embedded?.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
