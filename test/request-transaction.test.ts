import { Client } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { preparedQuery, RequestTransaction } from '../src/db/request-transaction';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * A request's transaction begins with its first statement: with a first prepared statement in one round trip,
 * and not at all when the request sends nothing. Whatever it begins with, it is one transaction to its end.
 */
describe('request transaction', () => {
  let db: TestDatabase;
  let single: DataSource;
  let roundTrips: jest.SpyInstance;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE scratch (id int PRIMARY KEY)`);
    // One connection, so that what a transaction leaves on it is what the next one finds.
    single = createDataSource({ url: db.url, poolSize: 1 });
    await single.initialize();
  });
  afterAll(async () => {
    await single.destroy();
    await db.drop();
  });
  beforeEach(() => {
    roundTrips = jest.spyOn(Client.prototype, 'query');
  });
  afterEach(() => roundTrips.mockRestore());

  const setting = `SELECT current_setting('app.probe', true) AS value`;

  it('costs no round trip when the request sends nothing', async () => {
    const tx = await RequestTransaction.begin(single);
    roundTrips.mockClear();
    await tx.commit();
    expect(roundTrips).not.toHaveBeenCalled();
  });

  it('begins with a first prepared statement in one round trip, and holds until it commits', async () => {
    const tx = await RequestTransaction.begin(single);
    roundTrips.mockClear();
    const [set] = await preparedQuery(tx.manager, `SELECT set_config('app.probe', $1, true) AS value`, [
      'one',
    ]);
    expect(set.value).toBe('one');
    expect(roundTrips).toHaveBeenCalledTimes(1);
    // A setting local to the transaction is still there: the two statements ran in one transaction.
    expect(await preparedQuery(tx.manager, setting, [])).toEqual([{ value: 'one' }]);
    await tx.commit();
    expect(roundTrips).toHaveBeenCalledTimes(3);
    expect(await single.query(setting)).toEqual([{ value: '' }]);
  });

  it('begins before a first statement sent by TypeORM', async () => {
    const tx = await RequestTransaction.begin(single);
    await tx.manager.query(`SELECT set_config('app.probe', 'two', true)`);
    expect(await tx.manager.query(setting)).toEqual([{ value: 'two' }]);
    await tx.rollback();
    expect(await single.query(setting)).toEqual([{ value: '' }]);
  });

  it('keeps what it wrote only when it commits', async () => {
    const insert = `INSERT INTO scratch (id) VALUES ($1) RETURNING id`;
    const undone = await RequestTransaction.begin(single);
    expect(await preparedQuery(undone.manager, insert, [1])).toEqual([{ id: 1 }]);
    await undone.rollback();
    const kept = await RequestTransaction.begin(single);
    expect(await preparedQuery(kept.manager, insert, [2])).toEqual([{ id: 2 }]);
    await kept.commit();
    expect(await db.dataSource.query(`SELECT id FROM scratch ORDER BY id`)).toEqual([{ id: 2 }]);
  });

  it.each([
    ['fails when it runs', `SELECT 1 / $1::int AS value`, [0], /division by zero/],
    ['does not parse', `SELEC $1::int AS value`, [1], /syntax error/],
  ])(
    'a first statement that %s is refused, and the connection stays usable',
    async (_how, sql, params, message) => {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const tx = await RequestTransaction.begin(single);
        const failure = await preparedQuery(tx.manager, sql, params).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(QueryFailedError);
        expect((failure as Error).message).toMatch(message);
        await tx.rollback();
      }
      const tx = await RequestTransaction.begin(single);
      expect(await preparedQuery(tx.manager, `SELECT $1::int + 1 AS value`, [41])).toEqual([{ value: 42 }]);
      expect(await preparedQuery(tx.manager, setting, [])).toEqual([{ value: '' }]);
      await tx.commit();
    },
  );
});
