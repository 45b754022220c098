import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { preparedQuery, RequestTransaction } from '../src/db/request-transaction';
import { StatementCounter } from '../src/db/statement-counter';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

/**
 * A query runs as a read: its statements go out in batches, each one round trip behind the caller's sign-in,
 * with no transaction around them; a caller known from a moment ago is not waited for, and the database still
 * checks every batch's sign-in, so that a refused one throws the whole answer away.
 */
describe('reads in batches behind their sign-in', () => {
  let db: TestDatabase;
  let api: TestServer;
  let single: DataSource;

  const DASHBOARD = `query($cycleId: ID!) { assessments(cycleId: $cycleId, countryCode: "RS", first: 5) {
    nodes { id status evidence(first: 3) { totalCount } } } }`;
  let cycleId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    single = createDataSource({ url: db.url, poolSize: 1 });
    await single.initialize();
    [{ id: cycleId }] = await db.dataSource.query(
      `SELECT c.id FROM monitoring_cycle c JOIN assessment a ON a.cycle_id = c.id AND a.country_code = 'RS' WHERE c.status = 'OPEN' GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
    );
  });
  afterAll(async () => {
    await single.destroy();
    await api.close();
    await db.drop();
  });

  async function editorHeaders(email: string) {
    return signIn(api, email);
  }

  it('answers a known caller’s one-statement query in one round trip, and its first in two', async () => {
    const headers = await editorHeaders('editor.rs@demo.example');
    const first = await api.query(DASHBOARD, { cycleId }, headers);
    const again = await api.query(DASHBOARD, { cycleId }, headers);
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(first.data!.assessments.nodes.length).toBeGreaterThan(0);
    expect([first.statements, again.statements]).toEqual([2, 2]);
    expect(first.headers.get('x-sql-round-trips')).toBe('2');
    expect(again.headers.get('x-sql-round-trips')).toBe('1');
  });

  it('refuses a read on a token revoked since its caller was remembered, with no data', async () => {
    const headers = await editorHeaders('viewer.rs@demo.example');
    expect((await api.query(DASHBOARD, { cycleId }, headers)).errors).toBeUndefined();
    await db.dataSource.query(
      `UPDATE app_user SET token_version = token_version + 1 WHERE email = 'viewer.rs@demo.example'`,
    );
    const refused = await api.query(DASHBOARD, { cycleId }, headers);
    expect(refused.status).toBe(401);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toEqual([
      {
        message: 'The sign-in token is no longer valid. Sign in again.',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
    // Refused again at once, now without the remembered caller.
    expect((await api.query(DASHBOARD, { cycleId }, headers)).errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('checks the sign-in of a read that sends no statement of its own', async () => {
    const headers = await editorHeaders('lead.rs@demo.example');
    expect((await api.query(`{ __typename }`, {}, headers)).data).toEqual({ __typename: 'Query' });
    await db.dataSource.query(`UPDATE app_user SET is_active = false WHERE email = 'lead.rs@demo.example'`);
    const refused = await api.query(`{ __typename }`, {}, headers);
    expect(refused.status).toBe(401);
    expect(refused.data).toBeUndefined();
    await db.dataSource.query(`UPDATE app_user SET is_active = true WHERE email = 'lead.rs@demo.example'`);
  });

  it('throws the answer away when the database signs the caller in with other grants, then reads as it says', async () => {
    const headers = await editorHeaders('editor.ba@demo.example');
    const before = await api.query(DASHBOARD, { cycleId }, headers);
    expect(before.errors).toBeUndefined();
    const setRole = `UPDATE membership m SET role = $1 FROM app_user u
      WHERE u.id = m.user_id AND u.email = 'editor.ba@demo.example'`;
    const [{ role }] = await db.dataSource.query(
      `SELECT m.role FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = 'editor.ba@demo.example'`,
    );
    await db.dataSource.query(setRole, ['COUNTRY_VIEWER']);
    const changed = await api.query(DASHBOARD, { cycleId }, headers);
    expect(changed.status).toBe(401);
    expect(changed.data).toBeUndefined();
    expect(changed.errors![0].message).toMatch(/changed while the request ran/);
    const me = await api.query(`{ me { role } }`, {}, headers);
    expect(me.data).toEqual({ me: { role: 'COUNTRY_VIEWER' } });
    await db.dataSource.query(setRole, [role]);
  });

  it('runs a mutation in one transaction, committed in a round trip of its own', async () => {
    const res = await api.query(
      `mutation { login(input: { email: "nobody@demo.example", password: "not-the-password" }) { token } }`,
    );
    expect(res.statements).toBeGreaterThan(0);
    expect(Number(res.headers.get('x-sql-round-trips'))).toBe(res.statements + 1);
  });

  describe('the pipeline on one connection', () => {
    const setting = `SELECT current_setting('app.probe', true) AS value`;
    const setProbe = {
      statement: { text: `SELECT set_config('app.probe', 'signed', true) AS value`, values: [] },
      check: () => undefined,
    };

    it('holds the sign-in’s settings for its batch only', async () => {
      const counter = new StatementCounter();
      const tx = await RequestTransaction.beginRead(single, false, counter, setProbe);
      const [a, b] = await Promise.all([
        preparedQuery(tx.manager, setting, []),
        tx.manager.query(`SELECT current_setting('app.probe', true) AS value, 2 AS two`),
      ]);
      expect(a).toEqual([{ value: 'signed' }]);
      expect(b).toEqual([{ value: 'signed', two: 2 }]);
      expect(counter.roundTrips).toBe(1);
      await tx.commit();
      // The same (only) connection, after the read: nothing of the caller is left on it.
      expect(await single.query(setting)).toEqual([{ value: '' }]);
    });

    it('answers the statements around a failing one, and the failing one with its error', async () => {
      const tx = await RequestTransaction.beginRead(single, false, new StatementCounter(), setProbe);
      const results = await Promise.allSettled([
        tx.manager.query(`SELECT 1 AS one`),
        tx.manager.query(`SELECT 1 / 0 AS never`),
        tx.manager.query(`SELECT current_setting('app.probe', true) AS value`),
      ]);
      expect(results[0]).toEqual({ status: 'fulfilled', value: [{ one: 1 }] });
      expect(results[1].status).toBe('rejected');
      expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
      expect(results[2]).toEqual({ status: 'fulfilled', value: [{ value: 'signed' }] });
      await tx.commit();
      expect(await single.query(`SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
    });

    it('refuses every statement once the sign-in is refused, and says so at the end', async () => {
      const refusal = new Error('refused');
      const tx = await RequestTransaction.beginRead(single, false, new StatementCounter(), {
        ...setProbe,
        check: () => {
          throw refusal;
        },
      });
      await expect(tx.manager.query(`SELECT 1`)).rejects.toBeDefined();
      await expect(preparedQuery(tx.manager, `SELECT 2 AS two`, [])).rejects.toBe(refusal);
      await expect(tx.commit()).rejects.toBe(refusal);
    });

    it('refuses to begin a transaction inside a read', async () => {
      const tx = await RequestTransaction.beginRead(single, false, new StatementCounter(), null);
      await expect(tx.manager.transaction(async (m) => m.query(`SELECT 1`))).rejects.toThrow(
        /runs no transaction/,
      );
      await tx.rollback();
    });

    it('confirms a sign-in no batch carried before it ends', async () => {
      const counter = new StatementCounter();
      const checked: unknown[] = [];
      const tx = await RequestTransaction.beginRead(single, false, counter, {
        ...setProbe,
        check: (rows) => checked.push(rows),
      });
      await tx.commit();
      expect(checked).toEqual([[{ value: 'signed' }]]);
      expect(counter.roundTrips).toBe(1);
    });
  });
});
