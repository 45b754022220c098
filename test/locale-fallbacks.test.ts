import type { DataSource } from 'typeorm';
import { DEFAULT_LOCALE_FALLBACKS, fallbackChain, setLocaleFallbacks } from '../src/common/i18n';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startTestServer, type TestServer } from './support/server';

/** The fallback chains are data: seeded by their migration, read by the server once, written by no request. */
describe('locale fallback chains held as data', () => {
  let db: TestDatabase;
  let app: DataSource;
  let api: TestServer | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await appDataSourceFor(db.url, 1);
  });
  afterAll(async () => {
    await api?.close();
    await app.destroy();
    await db.drop();
    setLocaleFallbacks([]);
  });

  it('are seeded with the chains the code falls back to without a database', async () => {
    const rows: Array<{ locale: string; fallbacks: string[] }> = await db.dataSource.query(
      `SELECT locale, fallbacks FROM locale_fallback ORDER BY locale`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.locale, r.fallbacks]))).toEqual(DEFAULT_LOCALE_FALLBACKS);
  });

  it('are read by the server when it starts and used to resolve every text', async () => {
    // The framework's description is in English and Serbian only: with Macedonian → Serbian Latin, a
    // Macedonian reader gets the Serbian text.
    await db.dataSource.query(`UPDATE locale_fallback SET fallbacks = '{sr-Latn,en}' WHERE locale = 'mk'`);
    api = await startTestServer(db);
    expect(fallbackChain('mk')).toEqual(['sr-Latn', 'en']);
    const res = await api.query(
      `{ frameworks { nodes { description(locale: MK) { text locale isFallback } name(locale: CNR) { locale } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [framework] = res.data!.frameworks.nodes;
    expect(framework.description).toMatchObject({ locale: 'SR_LATN', isFallback: true });
    expect(framework.description.text).toMatch(/^Indikatori kvaliteta zakona/);
    expect(framework.name).toEqual({ locale: 'SR_LATN' });
  });

  it('can be read but not changed by the API’s database role', async () => {
    const [{ n }] = await app.query(`SELECT count(*)::int AS n FROM locale_fallback`);
    expect(n).toBe(Object.keys(DEFAULT_LOCALE_FALLBACKS).length);
    await expect(
      app.query(`UPDATE locale_fallback SET fallbacks = '{en}' WHERE locale = 'cnr'`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      app.query(`INSERT INTO locale_fallback (locale, fallbacks) VALUES ('xx', '{en}')`),
    ).rejects.toThrow(/permission denied/);
    const [row] = await db.dataSource.query(
      `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'locale_fallback'`,
    );
    expect(row).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('refuse a chain that names a locale the service does not store, or the locale itself', async () => {
    await expect(
      db.dataSource.query(`UPDATE locale_fallback SET fallbacks = '{de,en}' WHERE locale = 'bs'`),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.dataSource.query(`UPDATE locale_fallback SET fallbacks = '{bs,en}' WHERE locale = 'bs'`),
    ).rejects.toThrow(/check constraint/);
  });

  it('let Croatian texts be stored where every other language is', async () => {
    await db.dataSource.query(
      `UPDATE monitoring_cycle SET title = title || '{"hr": "Krug praćenja 2024"}' WHERE code = '2024'`,
    );
    await expect(
      db.dataSource.query(
        `UPDATE monitoring_cycle SET title = title || '{"de": "Runde"}' WHERE code = '2024'`,
      ),
    ).rejects.toThrow(/check constraint/);
    const res = await api!.query(`{ cycle(code: "2024") { title(locale: HR) { text locale isFallback } } }`);
    expect(res.data!.cycle.title).toEqual({ text: 'Krug praćenja 2024', locale: 'HR', isFallback: false });
  });

  it('go down without losing a Croatian text, and up again', async () => {
    // Later migrations go down first, each with its own down step, until this one has gone down too.
    const all = db.dataSource.migrations.map((m) => m.name);
    const index = all.indexOf('LocaleFallbacks1765100000000');
    expect(index).toBeGreaterThan(0);
    for (let undo = all.length - index; undo > 0; undo -= 1)
      await db.dataSource.undoLastMigration({ transaction: 'all' });
    const [kept] = await db.dataSource.query(
      `SELECT title->>'hr' AS hr FROM monitoring_cycle WHERE code = '2024'`,
    );
    expect(kept.hr).toBe('Krug praćenja 2024');
    const [{ present }] = await db.dataSource.query(
      `SELECT to_regclass('public.locale_fallback') IS NOT NULL AS present`,
    );
    expect(present).toBe(false);
    // Narrower again: a new Croatian text is refused.
    await expect(
      db.dataSource.query(`UPDATE country SET name = name || '{"hr": "Srbija"}' WHERE code = 'RS'`),
    ).rejects.toThrow(/check constraint/);
    await db.dataSource.runMigrations({ transaction: 'all' });
    const [ba] = await db.dataSource.query(`SELECT locales FROM country WHERE code = 'BA'`);
    expect(ba.locales).toContain('hr');
  });
});
