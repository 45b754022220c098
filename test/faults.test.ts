import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './support/database';
import { databaseFingerprint } from './support/fingerprint';
import { signIn, startTestServer, type TestServer } from './support/server';

/** Faults that will happen: the database going away under the service, and a failure in the middle of a write. */
describe('faults', () => {
  let db: TestDatabase;
  let api: TestServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    base = api.url.replace('/graphql', '');
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: process.env.TEST_PG_SERVER_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  it('reports liveness and readiness', async () => {
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'applied' });
  });

  it('fails fast with SERVICE_UNAVAILABLE while the database is away, writes nothing, and recovers by itself', async () => {
    const editor = await signIn(api, 'editor.rs@demo.example');
    const [target] = await db.dataSource.query(
      `SELECT a.cycle_id, a.indicator_id, a.version FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE a.country_code = 'RS' AND c.code = '2025' AND a.status = 'DRAFT' AND i.answer_type = 'SCORE' LIMIT 1`,
    );
    const before = await databaseFingerprint(db.dataSource);
    const save = `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) { assessment { version } userErrors { code } } }`;
    const input = {
      cycleId: target.cycle_id,
      countryCode: 'RS',
      indicatorId: target.indicator_id,
      score: 3,
      expectedVersion: target.version,
    };

    await admin(`ALTER DATABASE "${db.name}" WITH ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}'`);
    try {
      const started = Date.now();
      const read = await api.query(`{ countries { totalCount } }`);
      expect(read.status).toBe(503);
      expect(read.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
      expect(read.errors![0].message).not.toMatch(/accepting|terminat|pg_|SQL/i);
      const write = await api.query(save, { input }, editor);
      expect(write.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(5000);
      const exported = await fetch(`${base}/exports/comparison.csv?cycleId=${target.cycle_id}`);
      expect(exported.status).toBe(503);
      expect(exported.headers.get('retry-after')).toBe('5');
      expect(((await exported.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await admin(`ALTER DATABASE "${db.name}" WITH ALLOW_CONNECTIONS true`);
    }

    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
    const again = await api.query(save, { input }, editor);
    expect(again.data!.assessmentSave).toEqual({
      assessment: { version: target.version + 1 },
      userErrors: [],
    });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('leaves everything as it was when publishing fails half-way', async () => {
    const adminHeaders = await signIn(api, 'admin@demo.example');
    const [{ id: cycleId }] = await db.dataSource.query(
      `SELECT id FROM monitoring_cycle WHERE code = '2025'`,
    );
    await db.dataSource.query(`UPDATE monitoring_cycle SET status = 'CLOSED' WHERE id = $1`, [cycleId]);
    // The edition is written last, after the assessments and the cycle have changed: fail exactly there.
    await db.dataSource.query(`
      CREATE FUNCTION fail_edition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await db.dataSource.query(
      `CREATE TRIGGER fail_edition BEFORE INSERT ON edition FOR EACH ROW EXECUTE FUNCTION fail_edition()`,
    );
    const before = await databaseFingerprint(db.dataSource);
    try {
      const res = await api.query(
        `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { status } userErrors { code } } }`,
        { input: { id: cycleId, to: 'PUBLISHED' } },
        adminHeaders,
      );
      expect(res.errors![0].extensions!.code).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors![0].message).toBe('Internal server error.');
      expect(await databaseFingerprint(db.dataSource)).toEqual(before);
    } finally {
      await db.dataSource.query(`DROP TRIGGER fail_edition ON edition`);
      await db.dataSource.query(`DROP FUNCTION fail_edition()`);
    }
    const [{ approved }] = await db.dataSource.query(
      `SELECT count(*)::int AS approved FROM assessment WHERE cycle_id = $1 AND status = 'APPROVED'`,
      [cycleId],
    );
    expect(approved).toBeGreaterThan(0);
  });
});
