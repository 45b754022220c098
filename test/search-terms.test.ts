import type { DataSource, EntityManager } from 'typeorm';
import { APP_ROLE } from '../src/db/app-role';
import { refreshSearchRules } from '../src/db/search-rules';
import { signInAsProof } from '../src/db/row-security-key';
import { Role } from '../src/modules/user/user.enums';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { TEST_JWT_SECRET } from './support/server';

const TERM_TABLES = [
  'indicator_search',
  'standard_search',
  'assessment_search',
  'evidence_search',
  'review_comment_search',
  'recommendation_search',
];

/**
 * The stored search terms (migration 1766200000000): kept equal to the vectors of the rows' texts through
 * inserts, updates and deletes, readable by the owner only, and the cached row rules used only while the
 * policies are the ones they were made from.
 */
describe('stored search terms', () => {
  let db: TestDatabase;
  let app: DataSource;
  let assessment: { id: string; country_code: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await appDataSourceFor(db.url, 2);
    [assessment] = await db.dataSource.query(
      `SELECT id, country_code FROM assessment WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`,
    );
  });
  afterAll(async () => {
    await app.destroy();
    await db.drop();
  });

  const owner = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  /** The rows of `table` whose stored terms differ from the vector of their texts now, or are missing. */
  async function stale(table: string, vector: string): Promise<number> {
    const [{ n }] = await owner(
      `SELECT count(*)::int AS n FROM ${table} t LEFT JOIN ${table}_search s ON s.row_id = t.id
       WHERE s.terms IS DISTINCT FROM public.${vector}`,
    );
    return n;
  }

  const found = async (word: string): Promise<string[]> =>
    (
      await owner(
        `SELECT s.row_id AS id FROM evidence_search s WHERE s.terms @@ search_query($1, false) ORDER BY 1`,
        [word],
      )
    ).map((row: { id: string }) => row.id);

  it('hold the vector of every row of the demo data', async () => {
    expect(
      await stale(
        'indicator',
        'indicator_search_vector(t.code, t.title, t.guidance, t.means_of_verification)',
      ),
    ).toBe(0);
    expect(await stale('standard', 'standard_search_vector(t.reference, t.title, t.summary)')).toBe(0);
    expect(await stale('assessment', 'search_vector(t.narrative)')).toBe(0);
    expect(
      await stale('evidence', 'evidence_search_vector(t.title, t.citation, t.issuing_institution)'),
    ).toBe(0);
    expect(await stale('review_comment', 'search_vector(t.body)')).toBe(0);
    expect(await stale('recommendation', 'recommendation_search_vector(t.reference, t.text)')).toBe(0);
    const [{ n }] = await owner(`SELECT count(*)::int AS n FROM evidence_search`);
    expect(n).toBeGreaterThan(0);
  });

  it('follow inserts of many rows at once, changes of the texts and deletes', async () => {
    const rows: Array<{ id: string }> = await owner(
      `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
       SELECT $1, $2, 'REPORT', 'Zapisnik ' || n, 'sr-Latn', 'LOW', 'PUBLIC' FROM generate_series(1, 3) n
       RETURNING id`,
      [assessment.id, assessment.country_code],
    );
    const ids = rows.map((row) => row.id).sort();
    expect(await found('zapisnik')).toEqual(ids);
    expect(await found('записник')).toEqual(ids);

    await owner(`UPDATE evidence SET title = 'Izvještaj', citation = 'Službeni glasnik' WHERE id = $1`, [
      ids[0],
    ]);
    expect(await found('zapisnik')).toEqual(ids.slice(1));
    expect(await found('izvjestaj')).toEqual([ids[0]]);
    expect(await found('glasnik')).toContain(ids[0]);

    await owner(`DELETE FROM evidence WHERE id = ANY($1)`, [ids]);
    expect(await found('zapisnik')).toEqual([]);
    const [{ n }] = await owner(`SELECT count(*)::int AS n FROM evidence_search WHERE row_id = ANY($1)`, [
      ids,
    ]);
    expect(n).toBe(0);
    expect(
      await stale('evidence', 'evidence_search_vector(t.title, t.citation, t.issuing_institution)'),
    ).toBe(0);
  });

  it('are not rewritten when only other columns change', async () => {
    const [{ id }] = await owner(
      `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
       VALUES ($1, $2, 'REPORT', 'Nepromijenjeno', 'sr-Latn', 'LOW', 'PUBLIC') RETURNING id`,
      [assessment.id, assessment.country_code],
    );
    const version = async () =>
      (await owner(`SELECT xmin::text AS v FROM evidence_search WHERE row_id = $1`, [id]))[0].v;
    const before = await version();
    await owner(`UPDATE evidence SET reliability = 'HIGH', title = title WHERE id = $1`, [id]);
    expect(await version()).toBe(before);
    await owner(`DELETE FROM evidence WHERE id = $1`, [id]);
  });

  it('are read by no one but the owner, nor are the rules and what keeps them', async () => {
    const roles: Array<{ rolname: string }> = await owner(
      `SELECT DISTINCT r.rolname FROM pg_policy p JOIN pg_roles r ON r.oid = ANY (p.polroles)
       WHERE p.polrelid = 'public.assessment'::regclass AND p.polname = 'read'`,
    );
    const names = [...new Set([APP_ROLE, ...roles.map((r) => r.rolname)])];
    for (const role of names) {
      for (const table of [...TERM_TABLES, 'search_rule_cache']) {
        const [privileges] = await owner(
          `SELECT has_table_privilege($1, $2, 'SELECT') AS s, has_table_privilege($1, $2, 'INSERT') AS i,
             has_table_privilege($1, $2, 'UPDATE') AS u, has_table_privilege($1, $2, 'DELETE') AS d`,
          [role, table],
        );
        expect({ role, table, ...privileges }).toEqual({
          role,
          table,
          s: false,
          i: false,
          u: false,
          d: false,
        });
      }
    }
    for (const fn of ['search_rule(regclass)', 'search_policies()', 'search_rules_refresh()']) {
      await expect(app.query(`SELECT public.${fn.replace('(regclass)', "('evidence')")}`)).rejects.toThrow(
        /permission denied/,
      );
    }
    await expect(app.query(`SELECT count(*) FROM evidence_search`)).rejects.toThrow(/permission denied/);
    await expect(
      app.query(`SELECT * FROM search_matches('{app_user}', 'x'::tsquery, 'x'::tsquery)`),
    ).rejects.toThrow(/no search of app_user/);
  });

  it('are searched under the policies as they stand, cached or not', async () => {
    async function reviewerFinds(): Promise<number> {
      const args = ['user', Role.REVIEWER, '{}'];
      return app.transaction(async (m: EntityManager) => {
        await m.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, [
          ...args,
          signInAsProof(TEST_JWT_SECRET, args[0], args[1], args[2]),
        ]);
        const [{ n }] = await m.query(
          `SELECT count(*)::int AS n FROM search_matches('{evidence}', search_query('report', true),
             search_query('report', false))`,
        );
        return n;
      });
    }
    const fingerprint = async () => (await owner(`SELECT search_policies() AS f`))[0].f;
    const cached = async () =>
      (await owner(`SELECT count(*)::int AS n FROM search_rule_cache WHERE policies = search_policies()`))[0]
        .n;
    const before = await reviewerFinds();
    expect(before).toBeGreaterThan(0);
    expect(await cached()).toBe(TERM_TABLES.length);

    const [policy] = await owner(
      `SELECT pg_get_expr(polqual, polrelid) AS rule FROM pg_policy WHERE polrelid = 'evidence'::regclass AND polname = 'read'`,
    );
    const was = await fingerprint();
    await owner(`ALTER POLICY read ON evidence USING (false)`);
    try {
      expect(await fingerprint()).not.toBe(was);
      // The cache is stale: the rule is made again from the policy, which now lets nothing be read.
      expect(await cached()).toBe(0);
      expect(await reviewerFinds()).toBe(0);
      await refreshSearchRules(db.dataSource);
      expect(await cached()).toBe(TERM_TABLES.length);
      expect(await reviewerFinds()).toBe(0);
    } finally {
      await owner(`ALTER POLICY read ON evidence USING (${policy.rule})`);
      await refreshSearchRules(db.dataSource);
    }
    expect(await reviewerFinds()).toBe(before);
  });
});
