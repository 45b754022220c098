import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { databaseFingerprint } from '../support/fingerprint';
import { signIn, startTestServer, type TestServer } from '../support/server';

const run = promisify(execFile);

/** Where PostgreSQL's client programs are found: the PATH, then Debian's and the source build's directories. */
function clientDirectories(): string[] {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    for (const version of fs.readdirSync(debian)) dirs.push(path.join(debian, version, 'bin'));
  }
  dirs.push('/usr/local/pgsql/bin');
  const existing = dirs
    .filter((dir) => fs.existsSync(path.join(dir, 'pg_dump')))
    .map((dir) => fs.realpathSync(dir));
  return [...new Set(existing)];
}

/**
 * A pg_dump (and the pg_restore beside it) that can read the server: its major version must be the server's or
 * newer, since an older pg_dump refuses a newer server.
 */
async function clientFor(serverMajor: number): Promise<{ pgDump: string; pgRestore: string; major: number }> {
  const found: Array<{ dir: string; major: number }> = [];
  for (const dir of clientDirectories()) {
    const { stdout } = await run(path.join(dir, 'pg_dump'), ['--version']);
    const major = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
    if (fs.existsSync(path.join(dir, 'pg_restore'))) found.push({ dir, major });
  }
  const usable = found.filter((c) => c.major >= serverMajor).sort((a, b) => b.major - a.major)[0];
  if (!usable) {
    const seen = found.map((c) => `${c.major} in ${c.dir}`).join(', ') || 'none';
    throw new Error(
      `No pg_dump of PostgreSQL ${serverMajor} or newer (found: ${seen}). Install postgresql-client-${serverMajor}, ` +
        `or run the tests against a server no newer than the client with TEST_DATABASE_URL.`,
    );
  }
  return {
    pgDump: path.join(usable.dir, 'pg_dump'),
    pgRestore: path.join(usable.dir, 'pg_restore'),
    major: usable.major,
  };
}

async function serverMajorVersion(): Promise<number> {
  const client = new Client({ connectionString: process.env.TEST_PG_SERVER_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Math.floor(Number(rows[0].server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * Who may do what in the database: owners, grants, row-level security and its policies, functions, triggers. An
 * ACL that is not set means the default one, as an ACL set to the default may be restored as not set.
 */
async function securityCatalog(ds: DataSource): Promise<unknown> {
  const [relations, policies, defaults, functions, triggers] = await Promise.all([
    ds.query(`
      SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner) AS owner,
             coalesce(c.relacl, acldefault((CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::"char", c.relowner))::text AS acl,
             c.relrowsecurity, c.relforcerowsecurity
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') ORDER BY c.relname`),
    ds.query(`
      SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check
      FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`),
    ds.query(`
      SELECT pg_get_userbyid(defaclrole) AS role, defaclobjtype, defaclacl::text AS acl
      FROM pg_default_acl ORDER BY 1, 2`),
    ds.query(`
      SELECT p.proname, pg_get_functiondef(p.oid) AS definition,
        coalesce(p.proacl, acldefault('f'::"char", p.proowner))::text AS acl
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1, 2`),
    ds.query(`
      SELECT tgrelid::regclass::text AS relation, tgname, pg_get_triggerdef(oid) AS definition
      FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`),
  ]);
  return { relations, policies, defaults, functions, triggers };
}

/** Every table of the schema with its row count, the tables the fingerprint does not list included. */
async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables: Array<{ name: string }> = await ds.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = n;
  }
  return counts;
}

const CYCLE = `query {
  cycle(code: "2025") {
    code
    status
    assessments(countryCode: "RS", first: 100) { totalCount nodes { id status version score } }
  }
}`;

const SAVE = `mutation($input: AssessmentSaveInput!) {
  assessmentSave(input: $input) { assessment { version } userErrors { code message } }
}`;

/** The editor changes the score of one scored draft of the 2025 cycle; the change writes an audit event. */
async function changeADraft(api: TestServer, ds: DataSource, headers: Record<string, string>): Promise<void> {
  const [draft] = await ds.query(
    `SELECT a.cycle_id, a.indicator_id, a.version, a.score FROM assessment a
     JOIN monitoring_cycle c ON c.id = a.cycle_id
     WHERE a.country_code = 'RS' AND c.code = '2025' AND a.status = 'DRAFT' AND a.score IS NOT NULL
     ORDER BY a.id LIMIT 1`,
  );
  expect(draft).toBeDefined();
  const input = {
    cycleId: draft.cycle_id,
    countryCode: 'RS',
    indicatorId: draft.indicator_id,
    score: draft.score === 1 ? 2 : 1,
    expectedVersion: draft.version,
  };
  const saved = await api.query(SAVE, { input }, headers);
  expect(saved.errors).toBeUndefined();
  expect(saved.data!.assessmentSave).toEqual({ assessment: { version: draft.version + 1 }, userErrors: [] });
}

const lastAuditEvent = async (ds: DataSource): Promise<number | null> =>
  (await ds.query(`SELECT max(seq)::int AS max FROM audit_event`))[0].max;

/** PostgreSQL's own backup programs, run on the demo data as docs/operations.md tells an operator to. */
describe('backup with pg_dump and restore with pg_restore', () => {
  let source: TestDatabase;
  let restored: TestDatabase;
  let dir: string;
  let original: TestServer;
  let copy: TestServer;

  beforeAll(async () => {
    source = await createTestDatabase('seeded');
    restored = await createTestDatabase('empty');
    original = await startTestServer(source);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicators-backup-'));
  });
  afterAll(async () => {
    await original?.close();
    await copy?.close();
    await source?.drop();
    await restored?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a custom-format dump into an empty database with the same rows, grants and policies', async () => {
    // Some work through the API first, so the dump holds audit events and a used identity sequence.
    await changeADraft(original, source.dataSource, await signIn(original, 'editor.rs@demo.example'));
    expect(await lastAuditEvent(source.dataSource)).not.toBeNull();

    const serverMajor = await serverMajorVersion();
    const { pgDump, pgRestore, major } = await clientFor(serverMajor);
    expect(major).toBeGreaterThanOrEqual(serverMajor);
    const file = path.join(dir, 'indicators.dump');

    await run(pgDump, ['--format=custom', '--file', file, '--dbname', source.url]);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    // One transaction: a restore that fails part-way leaves the target database empty, never half-filled.
    await run(pgRestore, ['--exit-on-error', '--single-transaction', '--dbname', restored.url, file]);

    expect(await databaseFingerprint(restored.dataSource)).toEqual(
      await databaseFingerprint(source.dataSource),
    );
    const counts = await rowCounts(source.dataSource);
    expect(counts.assessment).toBeGreaterThan(0);
    expect(counts.schema_migration).toBeGreaterThan(0);
    expect(await rowCounts(restored.dataSource)).toEqual(counts);
    const sequences = `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`;
    expect(await restored.dataSource.query(sequences)).toEqual(await source.dataSource.query(sequences));
    // The app's role keeps its grants and the row-level security its policies.
    const catalog = await securityCatalog(source.dataSource);
    expect(JSON.stringify(catalog)).toMatch(/indicators_app/);
    expect(await securityCatalog(restored.dataSource)).toEqual(catalog);
    expect(await restored.dataSource.showMigrations()).toBe(false);
  });

  it('serves the restored database through the API as it served the original', async () => {
    copy = await startTestServer(restored);
    const ready = await fetch(copy.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);

    const fromOriginal = await original.query(CYCLE, {}, await signIn(original, 'editor.rs@demo.example'));
    const editor = await signIn(copy, 'editor.rs@demo.example');
    const fromCopy = await copy.query(CYCLE, {}, editor);
    expect(fromCopy.errors).toBeUndefined();
    expect(fromCopy.data!.cycle).toMatchObject({ code: '2025', status: 'OPEN' });
    expect(fromCopy.data!.cycle.assessments.totalCount).toBeGreaterThan(0);
    expect(fromCopy.data).toEqual(fromOriginal.data);

    // Writes go on where the original left off: the audit event numbers continue after the restored ones.
    const before = await lastAuditEvent(restored.dataSource);
    await changeADraft(copy, restored.dataSource, editor);
    expect(await lastAuditEvent(restored.dataSource)).toBeGreaterThan(before!);
  });
});
