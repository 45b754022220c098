import { verify } from '@node-rs/argon2';
import { DEMO_PASSWORD } from '../src/seed/data/tenants';
import { seedDemoData } from '../src/seed/seed';
import { createTestDatabase, type TestDatabase } from './support/database';

const TABLES = [
  'country',
  'organisation',
  'organisation_country',
  'app_user',
  'membership',
  'framework',
  'framework_version',
  'area',
  'score_level',
  'standard',
  'indicator',
  'indicator_standard',
  'monitoring_cycle',
  'assessment',
  'evidence',
  'review_comment',
  'edition',
];

describe('demo data', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
      result[table] = count;
    }
    return result;
  }

  it('has the five countries, the six organisations plus the platform, and one user per role', async () => {
    const countries = await db.dataSource.query(`SELECT code FROM country ORDER BY code`);
    expect(countries.map((c: { code: string }) => c.code)).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);

    const orgs: Array<{ short_name: string; kind: string; countries: string[] }> = await db.dataSource.query(
      `SELECT o.short_name, o.kind, coalesce(array_agg(oc.country_code::text ORDER BY oc.country_code) FILTER (WHERE oc.country_code IS NOT NULL), '{}') AS countries
       FROM organisation o LEFT JOIN organisation_country oc ON oc.organisation_id = o.id GROUP BY o.id ORDER BY o.short_name`,
    );
    expect(orgs).toEqual([
      { short_name: 'ASTRA', kind: 'PARTNER', countries: ['RS'] },
      { short_name: 'CLCI', kind: 'PARTNER', countries: ['AL'] },
      { short_name: 'IFS-EMMAUS', kind: 'PARTNER', countries: ['BA'] },
      { short_name: 'NHC', kind: 'REVIEWER', countries: [] },
      { short_name: 'Open Gate', kind: 'PARTNER', countries: ['MK'] },
      { short_name: 'Platform', kind: 'PLATFORM', countries: [] },
      { short_name: 'WRC', kind: 'PARTNER', countries: ['ME'] },
    ]);

    const users: Array<{ email: string; role: string; org: string }> = await db.dataSource.query(
      `SELECT u.email, m.role, o.short_name AS org FROM app_user u JOIN membership m ON m.user_id = u.id
       JOIN organisation o ON o.id = m.organisation_id ORDER BY u.email`,
    );
    expect(users).toHaveLength(18);
    expect(users).toContainEqual({ email: 'lead.rs@demo.example', role: 'COUNTRY_LEAD', org: 'ASTRA' });
    expect(users).toContainEqual({ email: 'editor.al@demo.example', role: 'COUNTRY_EDITOR', org: 'CLCI' });
    expect(users).toContainEqual({
      email: 'viewer.mk@demo.example',
      role: 'COUNTRY_VIEWER',
      org: 'Open Gate',
    });
    expect(users).toContainEqual({ email: 'reviewer@demo.example', role: 'REVIEWER', org: 'NHC' });
    expect(users).toContainEqual({
      email: 'framework@demo.example',
      role: 'FRAMEWORK_EDITOR',
      org: 'Platform',
    });
    expect(users).toContainEqual({ email: 'admin@demo.example', role: 'ADMIN', org: 'Platform' });
  });

  it('stores the documented password as an argon2id hash', async () => {
    const [{ password_hash }] = await db.dataSource.query(
      `SELECT password_hash FROM app_user WHERE email = 'admin@demo.example'`,
    );
    expect(password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(password_hash, 'demo-password-1')).toBe(false);
  });

  it('has a framework of at least 40 indicators across the four pillars, each tied to a standard', async () => {
    const perPillar: Array<{ pillar: string; n: number }> = await db.dataSource.query(
      `SELECT a.pillar, count(*)::int AS n FROM indicator i JOIN area a ON a.id = i.area_id GROUP BY a.pillar ORDER BY a.pillar`,
    );
    expect(perPillar.map((r) => r.pillar)).toEqual([
      'PARTNERSHIP',
      'PREVENTION',
      'PROSECUTION',
      'PROTECTION',
    ]);
    expect(perPillar.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThanOrEqual(40);
    const [{ unlinked }] = await db.dataSource.query(
      `SELECT count(*)::int AS unlinked FROM indicator i WHERE NOT EXISTS (SELECT 1 FROM indicator_standard s WHERE s.indicator_id = i.id)`,
    );
    expect(unlinked).toBe(0);
    const instruments: Array<{ instrument: string }> = await db.dataSource.query(
      `SELECT DISTINCT s.instrument FROM indicator_standard x JOIN standard s ON s.id = x.standard_id ORDER BY 1`,
    );
    expect(instruments.map((r) => r.instrument)).toEqual(
      expect.arrayContaining(['COE_CONVENTION', 'EU_DIRECTIVE_2011_36', 'PALERMO_PROTOCOL']),
    );
    const [{ translated }] = await db.dataSource.query(
      `SELECT count(*)::int AS translated FROM indicator WHERE title ?| ARRAY['sq','bs','cnr','mk','sr-Latn']`,
    );
    expect(translated).toBeGreaterThanOrEqual(40);
    const levels: Array<{ code: string }> = await db.dataSource.query(
      `SELECT code FROM score_level ORDER BY code COLLATE "C"`,
    );
    expect(levels.map((l) => l.code)).toEqual(['0', '1', '2', '3', 'NOT_APPLICABLE', 'NO_DATA']);
  });

  it('has a published 2024 cycle for all five countries and an open 2025 cycle partly filled in', async () => {
    const rows: Array<{ code: string; status: string; country_code: string; statuses: string[]; n: number }> =
      await db.dataSource.query(
        `SELECT c.code, c.status, a.country_code, array_agg(DISTINCT a.status) AS statuses, count(*)::int AS n
         FROM monitoring_cycle c JOIN assessment a ON a.cycle_id = c.id GROUP BY c.code, c.status, a.country_code ORDER BY 1, 3`,
      );
    const [{ total }] = await db.dataSource.query(`SELECT count(*)::int AS total FROM indicator`);
    const published = rows.filter((r) => r.code === '2024');
    expect(published.map((r) => r.country_code)).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
    for (const row of published) {
      expect(row).toMatchObject({ status: 'PUBLISHED', statuses: ['PUBLISHED'], n: total });
    }
    const open = rows.filter((r) => r.code === '2025');
    expect(open.map((r) => r.country_code)).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
    for (const row of open) {
      expect(row.status).toBe('OPEN');
      expect(row.n).toBeLessThan(total);
      expect(row.n).toBeGreaterThan(0);
    }
    const allStatuses = new Set(open.flatMap((r) => r.statuses));
    expect([...allStatuses].sort()).toEqual(['APPROVED', 'CHANGES_REQUESTED', 'DRAFT', 'SUBMITTED']);

    const evidence: Array<{ confidentiality: string }> = await db.dataSource.query(
      `SELECT DISTINCT confidentiality FROM evidence ORDER BY 1`,
    );
    expect(evidence.map((e) => e.confidentiality)).toEqual(['INTERNAL', 'PARTNERS', 'PUBLIC']);
    const [{ open_comments }] = await db.dataSource.query(
      `SELECT count(*)::int AS open_comments FROM review_comment rc JOIN assessment a ON a.id = rc.assessment_id
       WHERE rc.status = 'OPEN' AND a.status = 'CHANGES_REQUESTED'`,
    );
    expect(open_comments).toBeGreaterThan(0);
  });

  it('loads a second time without adding or changing anything', async () => {
    const before = await counts();
    const snapshot = await db.dataSource.query(`SELECT id, version, updated_at FROM assessment ORDER BY id`);
    await seedDemoData(db.dataSource);
    expect(await counts()).toEqual(before);
    expect(await db.dataSource.query(`SELECT id, version, updated_at FROM assessment ORDER BY id`)).toEqual(
      snapshot,
    );
  });

  it('refuses to run in production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(seedDemoData(db.dataSource)).rejects.toThrow(/NODE_ENV=production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
