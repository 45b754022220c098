import type { DataSource, EntityManager } from 'typeorm';
import { signInAsProof } from '../src/db/row-security-key';
import { Role } from '../src/modules/user/user.enums';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { TEST_JWT_SECRET } from './support/server';

interface Settings {
  principal?: 'user' | 'apiKey';
  role?: Role;
  countries?: string[];
}

/**
 * `search_candidates` runs as the owner to use the search indexes under row-level security: called directly by
 * the app's role, under each caller's settings, it gives exactly the matching ids the caller's own SELECT gives.
 */
describe('search_candidates under row-level security', () => {
  let db: TestDatabase;
  let app: DataSource;
  let approvedOnly: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await appDataSourceFor(db.url, 2);
    const ds = db.dataSource;
    await ds.query(
      `UPDATE assessment SET narrative = coalesce(narrative, '{}'::jsonb)
         || jsonb_build_object('sq', coalesce(narrative->>'sq', '') || ' kandidat') WHERE country_code IN ('RS', 'AL', 'ME')`,
    );
    const [{ id: reviewer }] = await ds.query(
      `SELECT id FROM app_user WHERE email = 'reviewer@demo.example'`,
    );
    const sample: Array<{ id: string; country_code: string }> = await ds.query(
      `SELECT DISTINCT ON (country_code, cycle_id, status) id, country_code FROM assessment
       WHERE country_code IN ('RS', 'AL', 'ME') ORDER BY country_code, cycle_id, status, id`,
    );
    for (const { id, country_code } of sample) {
      for (const level of ['PUBLIC', 'PARTNERS', 'INTERNAL'])
        await ds.query(
          `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
           VALUES ($1, $2, 'REPORT', 'kandidat', 'sq', 'LOW', $3)`,
          [id, country_code, level],
        );
      await ds.query(
        `INSERT INTO review_comment (assessment_id, country_code, author_id, body) VALUES ($1, $2, $3, 'kandidat')`,
        [id, country_code, reviewer],
      );
    }
    await ds.query(
      `UPDATE recommendation SET text = text || jsonb_build_object('sr-Cyrl', 'Кандидат ' || reference)
       WHERE country_code IN ('RS', 'AL', 'ME')`,
    );
    // A recommendation whose only follow-up is approved, not published: the policy's sub-select, run as the
    // owner, would see that follow-up; the public's rule on follow-ups does not.
    [{ id: approvedOnly }] = await ds.query(
      `WITH r AS (
         INSERT INTO recommendation (country_code, source_id, source_body, reference, text)
         SELECT country_code, source_id, source_body, 'para. 9001', '{"en": "Kandidat approved only"}'
         FROM recommendation WHERE country_code = 'RS' LIMIT 1 RETURNING id, country_code)
       INSERT INTO recommendation_follow_up (recommendation_id, country_code, cycle_id, implementation_status, status)
       SELECT r.id, r.country_code, (SELECT id FROM monitoring_cycle WHERE status = 'PUBLISHED' LIMIT 1),
         'IN_PROGRESS', 'APPROVED' FROM r RETURNING recommendation_id AS id`,
    );
  });
  afterAll(async () => {
    await app.destroy();
    await db.drop();
  });

  async function as<T>(settings: Settings, work: (m: EntityManager) => Promise<T>): Promise<T> {
    const args = [settings.principal ?? '', settings.role ?? '', `{${(settings.countries ?? []).join(',')}}`];
    return app.transaction(async (m) => {
      await m.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
        ...args,
        signInAsProof(TEST_JWT_SECRET, args[0], args[1], args[2]),
      ]);
      return work(m);
    });
  }

  const VECTORS: Record<string, string> = {
    assessment: 'search_vector(narrative)',
    evidence: 'evidence_search_vector(title, citation, issuing_institution)',
    review_comment: 'search_vector(body)',
    recommendation: 'recommendation_search_vector(reference, text)',
  };

  it.each<[string, Settings]>([
    ['anonymous', {}],
    ['an API key of RS', { principal: 'apiKey', role: Role.COUNTRY_LEAD, countries: ['RS'] }],
    ['an editor of AL', { principal: 'user', role: Role.COUNTRY_EDITOR, countries: ['AL'] }],
    ['the reviewer', { principal: 'user', role: Role.REVIEWER }],
    ['a framework editor', { principal: 'user', role: Role.FRAMEWORK_EDITOR }],
    ['an admin', { principal: 'user', role: Role.ADMIN }],
  ])('gives %s the ids its own reads give', async (_who, settings) => {
    await as(settings, async (m) => {
      for (const [table, vector] of Object.entries(VECTORS)) {
        const ids = async (sql: string) =>
          ((await m.query(sql)) as Array<{ id: string }>).map((row) => row.id).sort();
        const candidates = await ids(
          `SELECT c AS id FROM search_candidates('${table}', search_query('kandidat', true)) c`,
        );
        const own = await ids(`SELECT id FROM ${table} WHERE ${vector} @@ search_query('kandidat', true)`);
        expect({ table, ids: candidates }).toEqual({ table, ids: own });
      }
    });
  });

  it('finds something for some and less for others, and reads no other table', async () => {
    const count = (settings: Settings, table: string) =>
      as(settings, async (m) =>
        Number(
          (
            await m.query(
              `SELECT count(*)::int AS n FROM search_candidates($1, search_query('kandidat', true))`,
              [table],
            )
          )[0].n,
        ),
      );
    const admin = { principal: 'user' as const, role: Role.ADMIN };
    expect(await count(admin, 'evidence')).toBeGreaterThan(await count({}, 'evidence'));
    expect(await count({}, 'evidence')).toBeGreaterThan(0);
    expect(await count({}, 'review_comment')).toBe(0);
    expect(await count(admin, 'recommendation')).toBeGreaterThan(await count({}, 'recommendation'));
    expect(await count({}, 'recommendation')).toBeGreaterThan(0);
    const publicIds = await as({}, (m) =>
      m.query(`SELECT c AS id FROM search_candidates('recommendation', search_query('kandidat', true)) c`),
    );
    expect(publicIds.map((row: { id: string }) => row.id)).not.toContain(approvedOnly);
    const viewerOfAl = { principal: 'user' as const, role: Role.COUNTRY_VIEWER, countries: ['AL'] };
    const alIds = await as(viewerOfAl, (m) =>
      m.query(`SELECT c AS id FROM search_candidates('recommendation', search_query('kandidat', true)) c`),
    );
    expect(alIds.map((row: { id: string }) => row.id)).toContain(approvedOnly);
    await expect(
      as(admin, (m) => m.query(`SELECT search_candidates('app_user', 'x'::tsquery)`)),
    ).rejects.toThrow(/no search of app_user/);
    await expect(as(admin, (m) => m.query(`SELECT search_read_rule('assessment')`))).rejects.toThrow(
      /permission denied/,
    );
  });
});
