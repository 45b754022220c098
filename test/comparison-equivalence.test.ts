import type { DataSource } from 'typeorm';
import { seedScale } from '../scripts/seed-scale';
import { signInAsProof, storeRowSecurityKey } from '../src/db/row-security-key';
import type { Viewer } from '../src/modules/auth/viewer';
import { loadMatrix, type ComparisonFilter } from '../src/modules/comparison/comparison.service';
import { OrganisationKind } from '../src/modules/organisation/organisation.enums';
import { Role } from '../src/modules/user/user.enums';
import { appDataSourceFor } from './support/app-role';
import { loadMatrixAsBefore } from './support/comparison-reference';
import { createTestDatabase, type TestDatabase } from './support/database';
import { TEST_JWT_SECRET } from './support/server';

/**
 * The comparison matrix gives every reader, byte for byte, what it gave before its statement was rewritten for
 * scale: the reference (test/support/comparison-reference.ts) is the former statement, word for word. Both run
 * as the app's role under the reader's sealed settings, on the demo data and on a scaled data set whose earlier
 * cycles were left in every state a trend has to look past (drafts, work under review, missing answers, a cycle
 * not yet published, answers without a score).
 */

interface Reader {
  name: string;
  viewer: Viewer;
  settings: [principal: string, role: string, countries: string];
}

const NO_ID = '00000000-0000-0000-0000-000000000000';
const user = (role: Role, countries: string[]): Viewer => ({
  kind: 'user',
  userId: NO_ID,
  organisationId: NO_ID,
  organisationKind: role === Role.REVIEWER ? OrganisationKind.REVIEWER : OrganisationKind.PARTNER,
  role,
  countries,
});
const key = (role: Role | null, countries: string[]): Viewer => ({
  kind: 'apiKey',
  apiKeyId: NO_ID,
  organisationId: NO_ID,
  organisationKind: role ? OrganisationKind.PARTNER : OrganisationKind.INTEGRATOR,
  role,
  countries,
});

const READERS: Reader[] = [
  { name: 'the public', viewer: { kind: 'anonymous' }, settings: ['', '', '{}'] },
  { name: 'an integrator key', viewer: key(null, []), settings: ['apiKey', '', '{}'] },
  {
    name: 'a partner key of AL',
    viewer: key(Role.COUNTRY_VIEWER, ['AL']),
    settings: ['apiKey', 'COUNTRY_VIEWER', '{AL}'],
  },
  {
    name: 'a viewer of AL',
    viewer: user(Role.COUNTRY_VIEWER, ['AL']),
    settings: ['user', 'COUNTRY_VIEWER', '{AL}'],
  },
  {
    name: 'an editor of RS',
    viewer: user(Role.COUNTRY_EDITOR, ['RS']),
    settings: ['user', 'COUNTRY_EDITOR', '{RS}'],
  },
  {
    name: 'a lead of RS and ME',
    viewer: user(Role.COUNTRY_LEAD, ['ME', 'RS']),
    settings: ['user', 'COUNTRY_LEAD', '{ME,RS}'],
  },
  {
    name: 'the framework editor',
    viewer: user(Role.FRAMEWORK_EDITOR, []),
    settings: ['user', 'FRAMEWORK_EDITOR', '{}'],
  },
  { name: 'the reviewer', viewer: user(Role.REVIEWER, []), settings: ['user', 'REVIEWER', '{}'] },
  { name: 'an admin', viewer: user(Role.ADMIN, []), settings: ['user', 'ADMIN', '{}'] },
];

describe('the comparison matrix answers as before', () => {
  let db: TestDatabase;
  let app: DataSource;
  let cycles: Array<{ id: string; code: string }> = [];
  const filters: Array<{ name: string; filter: Omit<ComparisonFilter, 'cycleId'> }> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const owner = db.dataSource;
    await storeRowSecurityKey(owner, TEST_JWT_SECRET);
    await seedScale(owner, { countries: 9, indicators: 14, cycles: 5, evidence: 2 });
    // Earlier cycles in every state a trend has to look past, chosen by the assessment's id so that each
    // state falls on many cells of every cycle.
    await owner.query(`
      UPDATE assessment a SET status = CASE get_byte(uuid_send(a.id), 15) % 6
          WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'SUBMITTED' WHEN 2 THEN 'APPROVED' WHEN 3 THEN 'CHANGES_REQUESTED'
          ELSE a.status END
      FROM monitoring_cycle c
      WHERE c.id = a.cycle_id AND c.status = 'PUBLISHED' AND get_byte(uuid_send(a.id), 14) % 3 = 0`);
    await owner.query(`
      UPDATE assessment a SET score = NULL, not_scored_reason = 'NO_DATA'
      WHERE a.score IS NOT NULL AND get_byte(uuid_send(a.id), 13) % 7 = 0`);
    await owner.query(`
      WITH gone AS (SELECT id FROM assessment WHERE get_byte(uuid_send(id), 12) % 9 = 0
        AND cycle_id IN (SELECT id FROM monitoring_cycle WHERE status = 'PUBLISHED')),
      e AS (DELETE FROM evidence WHERE assessment_id IN (SELECT id FROM gone))
      DELETE FROM assessment WHERE id IN (SELECT id FROM gone)
        AND NOT EXISTS (SELECT 1 FROM audit_event x WHERE x.assessment_id = assessment.id)
        AND NOT EXISTS (SELECT 1 FROM review_comment r WHERE r.assessment_id = assessment.id)`);
    // One earlier cycle of the scaled framework is closed but not published.
    await owner.query(`
      UPDATE monitoring_cycle SET status = 'CLOSED', published_at = NULL
      WHERE code = (SELECT min(code) FROM monitoring_cycle WHERE code LIKE 'S%' AND status = 'PUBLISHED')`);
    cycles = await owner.query(`SELECT id, code FROM monitoring_cycle ORDER BY year, code`);
    const [area] = await owner.query(
      `SELECT ar.code FROM area ar JOIN indicator i ON i.area_id = ar.id
       JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id AND c.code = '2025' LIMIT 1`,
    );
    const indicators: Array<{ id: string }> = await owner.query(
      `SELECT i.id FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.code = '2025' ORDER BY i.position DESC LIMIT 3`,
    );
    filters.push(
      { name: 'whole cycle', filter: {} },
      { name: 'two countries', filter: { countryCodes: ['RS', 'AL'] } },
      { name: 'an area', filter: { areaCode: area.code } },
      {
        name: 'three indicators and a country',
        filter: { indicatorIds: indicators.map((i) => i.id), countryCodes: ['ME'] },
      },
    );
    app = await appDataSourceFor(db.url, 2);
  });
  afterAll(async () => {
    await app?.destroy();
    await db.drop();
  });

  async function asReader<T>(reader: Reader, read: (m: DataSource['manager']) => Promise<T>): Promise<T> {
    return app.transaction(async (m) => {
      const [principal, role, countries] = reader.settings;
      await m.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
        principal,
        role,
        countries,
        signInAsProof(TEST_JWT_SECRET, principal, role, countries),
      ]);
      return read(m);
    });
  }

  it('has earlier answers to look past in the data it compares', async () => {
    const [row] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'DRAFT')::int AS drafts,
              count(*) FILTER (WHERE score IS NULL)::int AS unscored,
              (SELECT count(*) FROM monitoring_cycle WHERE status = 'CLOSED')::int AS closed
       FROM assessment a WHERE a.cycle_id IN (SELECT id FROM monitoring_cycle WHERE status <> 'OPEN')`,
    );
    expect(row.drafts).toBeGreaterThan(10);
    expect(row.unscored).toBeGreaterThan(10);
    expect(row.closed).toBe(1);
  });

  it.each(READERS.map((reader) => [reader.name, reader] as const))(
    'gives %s the same matrix, byte for byte, for every cycle and filter',
    async (_name, reader) => {
      let trends = 0;
      for (const cycle of cycles) {
        for (const { name, filter } of filters) {
          const wanted = { cycleId: cycle.id, ...filter };
          const before = await asReader(reader, (m) => loadMatrixAsBefore(m, reader.viewer, wanted));
          const now = await asReader(reader, (m) => loadMatrix(m, reader.viewer, wanted));
          const label = `${cycle.code}, ${name}`;
          expect({ label, answer: JSON.stringify(now) }).toEqual({ label, answer: JSON.stringify(before) });
          trends += before.cells.filter((c) => c.previousCycleCode !== null).length;
        }
      }
      // Signed-in readers see earlier answers, and so the trend is compared too, not only its absence.
      if (reader.viewer.kind === 'user') expect(trends).toBeGreaterThan(0);
    },
  );
});
