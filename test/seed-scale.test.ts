import { seedScale } from '../scripts/seed-scale';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const MATRIX = `query($cycleId: ID!) {
  comparison(cycleId: $cycleId) { countries { code } rows { indicator { code } cells { countryCode state } } }
}`;

describe('scale scenario', () => {
  let db: TestDatabase;
  const size = { countries: 7, indicators: 12, cycles: 3, evidence: 2 };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await db.dataSource.query(sql, params))[0].n;

  it('loads the exact numbers of rows, in valid states, and the comparison reads all of it', async () => {
    const countriesBefore = await count(`SELECT count(*)::int AS n FROM country`);
    const counts = await seedScale(db.dataSource, size);
    expect(counts).toEqual({
      countries: 7,
      newCountries: 2,
      organisations: 2,
      areas: 16,
      indicators: 12,
      indicatorStandards: 12,
      cycles: 3,
      assessments: 7 * 12 * 3,
      evidence: 7 * 12 * 3 * 2,
    });
    expect(await count(`SELECT count(*)::int AS n FROM country`)).toBe(countriesBefore + 2);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM organisation o JOIN organisation_country oc ON oc.organisation_id = o.id
         WHERE o.kind = 'PARTNER' AND o.short_name LIKE 'SCALE-%'`,
      ),
    ).toBe(2);

    const version = `(SELECT v.id FROM framework_version v JOIN framework f ON f.id = v.framework_id
                      WHERE f.code = 'SCALE' AND v.status = 'PUBLISHED')`;
    const cycles: Array<{ id: string; code: string; status: string; published: boolean }> =
      await db.dataSource.query(
        `SELECT id, code, status, published_at IS NOT NULL AS published FROM monitoring_cycle
         WHERE framework_version_id = ${version} ORDER BY year`,
      );
    expect(cycles.map((c) => [c.code, c.status, c.published])).toEqual([
      ['S2016', 'PUBLISHED', true],
      ['S2017', 'PUBLISHED', true],
      ['S2018', 'OPEN', false],
    ]);

    const statuses: Array<{ code: string; status: string }> = await db.dataSource.query(
      `SELECT DISTINCT c.code, a.status FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.framework_version_id = ${version}`,
    );
    expect(statuses.filter((s) => s.code !== 'S2018').every((s) => s.status === 'PUBLISHED')).toBe(true);
    const open = statuses.filter((s) => s.code === 'S2018').map((s) => s.status);
    expect(open.length).toBeGreaterThan(1);
    for (const status of open)
      expect(['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED']).toContain(status);

    const confidentialities: Array<{ confidentiality: string }> = await db.dataSource.query(
      `SELECT DISTINCT e.confidentiality FROM evidence e JOIN assessment a ON a.id = e.assessment_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE c.framework_version_id = ${version}`,
    );
    expect(confidentialities.map((r) => r.confidentiality).sort()).toEqual([
      'INTERNAL',
      'PARTNERS',
      'PUBLIC',
    ]);
    expect(
      await count(
        `SELECT count(DISTINCT e.language)::int AS n FROM evidence e JOIN assessment a ON a.id = e.assessment_id
         JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE c.framework_version_id = ${version}`,
      ),
    ).toBeGreaterThan(2);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
         WHERE c.framework_version_id = ${version} AND (SELECT count(*) FROM jsonb_object_keys(a.narrative)) < 2`,
      ),
    ).toBe(0);

    const api: TestServer = await startTestServer(db);
    try {
      const reviewer = await signIn(api, 'reviewer@demo.example');
      const res = await api.query<{
        comparison: { countries: unknown[]; rows: Array<{ cells: Array<{ state: string }> }> };
      }>(MATRIX, { cycleId: cycles[2].id }, reviewer);
      expect(res.errors).toBeUndefined();
      const allCountries = await count(`SELECT count(*)::int AS n FROM country`);
      expect(res.data!.comparison.rows).toHaveLength(12);
      expect(res.data!.comparison.countries).toHaveLength(allCountries);
      expect(res.data!.comparison.rows.every((r) => r.cells.length === allCountries)).toBe(true);
    } finally {
      await api.close();
    }
  });

  it('refuses to load the scenario a second time and changes nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM assessment`);
    await expect(seedScale(db.dataSource, size)).rejects.toThrow(/SCALE framework already exists/);
    expect(await count(`SELECT count(*)::int AS n FROM assessment`)).toBe(before);
  });
});
