import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * Every rule of the domain that the database holds: each case sends a bad row straight to SQL, past the service,
 * and expects PostgreSQL to refuse it. Each case runs in a transaction that is rolled back.
 */
describe('database constraints', () => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    const q = (sql: string) => db.dataSource.query(sql).then((rows: Array<{ id: string }>) => rows[0].id);
    ids.cycle2024 = await q(`SELECT id FROM monitoring_cycle WHERE code = '2024'`);
    ids.cycle2025 = await q(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
    ids.version = await q(`SELECT framework_version_id AS id FROM monitoring_cycle WHERE code = '2024'`);
    ids.scoreIndicator = await q(
      `SELECT id FROM indicator WHERE answer_type = 'SCORE' ORDER BY position LIMIT 1`,
    );
    ids.percentIndicator = await q(
      `SELECT id FROM indicator WHERE answer_type = 'PERCENT' ORDER BY position LIMIT 1`,
    );
    ids.area = await q(`SELECT id FROM area WHERE parent_id IS NULL ORDER BY position LIMIT 1`);
    ids.rsAssessment = await q(
      `SELECT id FROM assessment WHERE country_code = 'RS' ORDER BY created_at, id LIMIT 1`,
    );
    ids.user = await q(`SELECT id FROM app_user WHERE email = 'editor.rs@demo.example'`);
    ids.org = await q(`SELECT id FROM organisation WHERE short_name = 'ASTRA'`);
    ids.framework = await q(`SELECT id FROM framework LIMIT 1`);
    ids.freeIndicatorForAl = await q(
      `SELECT i.id FROM indicator i WHERE i.answer_type = 'SCORE' AND NOT EXISTS
         (SELECT 1 FROM assessment a WHERE a.indicator_id = i.id AND a.country_code = 'AL' AND a.cycle_id =
           (SELECT id FROM monitoring_cycle WHERE code = '2025')) ORDER BY i.position LIMIT 1`,
    );
  });
  afterAll(() => db.drop());

  async function attempt(
    sql: string,
    params: unknown[] = [],
  ): Promise<{ code?: string; constraint?: string; message?: string }> {
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(sql, params);
      return {};
    } catch (error) {
      const driver = (error as { driverError?: { code?: string; constraint?: string; message?: string } })
        .driverError;
      return { code: driver?.code, constraint: driver?.constraint, message: driver?.message };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  const CHECK = '23514';
  const UNIQUE = '23505';
  const FOREIGN_KEY = '23503';
  const NOT_NULL = '23502';

  const insertAssessment = (fields: Record<string, unknown>) => {
    const row = {
      country_code: 'AL',
      cycle_id: ids.cycle2025,
      indicator_id: ids.freeIndicatorForAl,
      ...fields,
    };
    const cols = Object.keys(row);
    return attempt(
      `INSERT INTO assessment (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(row),
    );
  };

  it('accepts a valid assessment (the baseline the cases below break)', async () => {
    expect(await insertAssessment({ score: 2, confidence: 'HIGH', narrative: { en: 'Fine.' } })).toEqual({});
  });

  it.each([
    [
      'a lower-case country code',
      `INSERT INTO country (code, name, locales) VALUES ('xx', '{"en":"X"}', '{en}')`,
      CHECK,
    ],
    [
      'a country name without English',
      `INSERT INTO country (code, name, locales) VALUES ('XK', '{"sq":"Kosova"}', '{sq}')`,
      CHECK,
    ],
    [
      'a country locale that is not supported',
      `INSERT INTO country (code, name, locales) VALUES ('XK', '{"en":"X"}', '{de}')`,
      CHECK,
    ],
    [
      'a text in an unknown locale',
      `INSERT INTO country (code, name, locales) VALUES ('XK', '{"en":"X","xx":"Y"}', '{en}')`,
      CHECK,
    ],
    [
      'an organisation kind outside the list',
      `INSERT INTO organisation (name, short_name, kind) VALUES ('X', 'X', 'DONOR')`,
      CHECK,
    ],
    [
      'an organisation short name differing only in case',
      `INSERT INTO organisation (name, short_name, kind) VALUES ('Other', 'astra', 'PARTNER')`,
      UNIQUE,
    ],
    [
      'an e-mail address differing only in case',
      `INSERT INTO app_user (email, display_name) VALUES ('Editor.RS@Demo.Example', 'Copy')`,
      UNIQUE,
    ],
    [
      'a malformed e-mail address',
      `INSERT INTO app_user (email, display_name) VALUES ('not-an-email', 'X')`,
      CHECK,
    ],
    [
      'a password hash that is not argon2id',
      `INSERT INTO app_user (email, display_name, password_hash) VALUES ('x@y.org', 'X', 'md5abc')`,
      CHECK,
    ],
    ['a user without a name', `INSERT INTO app_user (email) VALUES ('x@y.org')`, NOT_NULL],
  ])('rejects %s', async (_label, sql, code) => {
    expect((await attempt(sql)).code).toBe(code);
  });

  it('rejects a second membership for a user, and an unknown role', async () => {
    expect(
      (
        await attempt(
          `INSERT INTO membership (user_id, organisation_id, role) VALUES ($1, $2, 'COUNTRY_VIEWER')`,
          [ids.user, ids.org],
        )
      ).code,
    ).toBe(UNIQUE);
    const fresh = `WITH u AS (INSERT INTO app_user (email, display_name) VALUES ('new@demo.example', 'N') RETURNING id)
      INSERT INTO membership (user_id, organisation_id, role) SELECT id, $1, 'OWNER' FROM u`;
    expect((await attempt(fresh, [ids.org])).code).toBe(CHECK);
  });

  it.each([
    ['a score above 3', { score: 4 }, CHECK, undefined],
    ['a negative score', { score: -1 }, CHECK, undefined],
    [
      'a score together with a not-scored reason',
      { score: 1, not_scored_reason: 'NO_DATA' },
      CHECK,
      'assessment_score_or_reason',
    ],
    ['an unknown status', { status: 'REJECTED' }, CHECK, undefined],
    ['an unknown confidence', { confidence: 'CERTAIN' }, CHECK, undefined],
    ['version 0', { version: 0 }, CHECK, undefined],
    ['an unknown country', { country_code: 'FR' }, FOREIGN_KEY, undefined],
    ['a narrative without English', { narrative: { sq: 'Vetëm shqip' } }, CHECK, undefined],
    ['a number on a score indicator', { value_number: 12 }, CHECK, 'assessment_answer_matches_type'],
    ['a text answer on a score indicator', { value_text: 'yes' }, CHECK, 'assessment_answer_matches_type'],
  ])('rejects an assessment with %s', async (_label, fields, code, constraint) => {
    const result = await insertAssessment(fields);
    expect(result.code).toBe(code);
    if (constraint) expect(result.constraint).toBe(constraint);
  });

  it('rejects a percentage above 100 and a score on a percent indicator', async () => {
    const update = (set: string) =>
      attempt(
        `UPDATE assessment SET ${set} WHERE id = (SELECT a.id FROM assessment a JOIN indicator i ON i.id = a.indicator_id
           WHERE i.answer_type = 'PERCENT' ORDER BY a.id LIMIT 1)`,
      );
    expect((await update('value_number = 120')).constraint).toBe('assessment_percent_range');
    expect((await update('value_number = NULL, score = 2')).constraint).toBe(
      'assessment_answer_matches_type',
    );
    expect(await update('value_number = 42.5')).toEqual({});
  });

  it('rejects a second assessment of the same country, indicator and cycle', async () => {
    const result = await attempt(
      `INSERT INTO assessment (country_code, cycle_id, indicator_id) SELECT country_code, cycle_id, indicator_id FROM assessment WHERE id = $1`,
      [ids.rsAssessment],
    );
    expect(result).toMatchObject({ code: UNIQUE, constraint: 'assessment_one_per_country_indicator_cycle' });
  });

  it('rejects an indicator that is not in the cycle’s framework version, and a cycle on a draft version', async () => {
    const sql = `
      WITH v AS (INSERT INTO framework_version (framework_id, label, status) VALUES ($1, '2099.1', 'DRAFT') RETURNING id),
      a AS (INSERT INTO area (framework_version_id, code, pillar, title, description, position)
            SELECT id, 'PREV', 'PREVENTION', '{"en":"P"}', '{"en":"P"}', 0 FROM v RETURNING id, framework_version_id),
      i AS (INSERT INTO indicator (framework_version_id, area_id, code, type, answer_type, title, guidance, means_of_verification, position)
            SELECT framework_version_id, id, 'X-1', 'PROCESS', 'SCORE', '{"en":"X"}', '{"en":"X"}', '{"en":"X"}', 0 FROM a RETURNING id)
      INSERT INTO assessment (country_code, cycle_id, indicator_id) SELECT 'AL', $2, id FROM i`;
    expect((await attempt(sql, [ids.framework, ids.cycle2025])).constraint).toBe(
      'assessment_indicator_in_cycle_version',
    );

    const cycle = `
      WITH v AS (INSERT INTO framework_version (framework_id, label, status) VALUES ($1, '2099.2', 'DRAFT') RETURNING id)
      INSERT INTO monitoring_cycle (code, year, title, framework_version_id, status) SELECT '2099', 2099, '{"en":"X"}', id, 'PLANNED' FROM v`;
    expect((await attempt(cycle, [ids.framework])).constraint).toBe('monitoring_cycle_published_version');
  });

  it('rejects evidence whose country is not its assessment’s, and bad URLs, kinds and confidentiality', async () => {
    const evidence = (fields: Record<string, unknown>) => {
      const row = {
        assessment_id: ids.rsAssessment,
        country_code: 'RS',
        kind: 'LAW',
        title: 'Criminal Code, Art. 388',
        language: 'sr-Latn',
        reliability: 'HIGH',
        confidentiality: 'PUBLIC',
        ...fields,
      };
      const cols = Object.keys(row);
      return attempt(
        `INSERT INTO evidence (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
    };
    expect(await evidence({})).toEqual({});
    expect((await evidence({ country_code: 'AL' })).code).toBe(FOREIGN_KEY);
    expect((await evidence({ url: 'javascript:alert(1)' })).code).toBe(CHECK);
    expect(
      (await evidence({ url: 'https://www.coe.int/en/web/anti-human-trafficking' })).code,
    ).toBeUndefined();
    expect((await evidence({ kind: 'RUMOUR' })).code).toBe(CHECK);
    expect((await evidence({ confidentiality: 'SECRET' })).code).toBe(CHECK);
    expect((await evidence({ title: '   ' })).code).toBe(CHECK);
    expect((await evidence({ language: 'Serbian' })).code).toBe(CHECK);
    expect((await evidence({ title: null })).code).toBe(NOT_NULL);
  });

  it('rejects a resolved comment without who and when, and a comment on another country', async () => {
    const comment = (fields: Record<string, unknown>) => {
      const row = {
        assessment_id: ids.rsAssessment,
        country_code: 'RS',
        author_id: ids.user,
        body: 'Please add a source.',
        ...fields,
      };
      const cols = Object.keys(row);
      return attempt(
        `INSERT INTO review_comment (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
    };
    expect(await comment({})).toEqual({});
    expect((await comment({ status: 'RESOLVED' })).code).toBe(CHECK);
    expect((await comment({ country_code: 'ME' })).code).toBe(FOREIGN_KEY);
    expect((await comment({ field: 'COLOUR' })).code).toBe(CHECK);
  });

  it('keeps the audit trail append-only', async () => {
    const insert = `INSERT INTO audit_event (entity_type, entity_id, action, after) VALUES ('assessment', $1, 'update', '{"score":2}') RETURNING id`;
    expect(await attempt(insert, [ids.rsAssessment])).toEqual({});
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const [{ id }] = await runner.query(insert, [ids.rsAssessment]);
      await expect(
        runner.query(`UPDATE audit_event SET action = 'edited' WHERE id = $1`, [id]),
      ).rejects.toMatchObject({
        driverError: { constraint: 'audit_event_append_only' },
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const runner2 = db.dataSource.createQueryRunner();
    await runner2.startTransaction();
    try {
      const [{ id }] = await runner2.query(insert, [ids.rsAssessment]);
      await expect(runner2.query(`DELETE FROM audit_event WHERE id = $1`, [id])).rejects.toMatchObject({
        driverError: { constraint: 'audit_event_append_only' },
      });
    } finally {
      await runner2.rollbackTransaction();
      await runner2.release();
    }
  });

  it('freezes a framework version that a cycle uses', async () => {
    expect(
      (await attempt(`UPDATE indicator SET title = '{"en":"Changed"}' WHERE id = $1`, [ids.scoreIndicator]))
        .constraint,
    ).toBe('framework_version_frozen');
    expect(
      (await attempt(`DELETE FROM indicator_standard WHERE indicator_id = $1`, [ids.scoreIndicator]))
        .constraint,
    ).toBe('framework_version_frozen');
    expect(
      (
        await attempt(
          `INSERT INTO area (framework_version_id, code, pillar, title, description, position) VALUES ($1, 'NEW', 'PREVENTION', '{"en":"N"}', '{"en":"N"}', 9)`,
          [ids.version],
        )
      ).constraint,
    ).toBe('framework_version_frozen');
    expect(
      (await attempt(`UPDATE framework_version SET label = '9.9' WHERE id = $1`, [ids.version])).constraint,
    ).toBe('framework_version_frozen');
  });

  it('requires a publication date exactly when a cycle or version is published', async () => {
    expect(
      (await attempt(`UPDATE monitoring_cycle SET status = 'PUBLISHED' WHERE id = $1`, [ids.cycle2025])).code,
    ).toBe(CHECK);
    expect(
      (await attempt(`UPDATE monitoring_cycle SET published_at = NULL WHERE id = $1`, [ids.cycle2024])).code,
    ).toBe(CHECK);
    expect(
      (await attempt(`UPDATE monitoring_cycle SET status = 'ARCHIVED' WHERE id = $1`, [ids.cycle2025])).code,
    ).toBe(CHECK);
    expect(
      (
        await attempt(
          `UPDATE monitoring_cycle SET opens_on = '2027-01-01', closes_on = '2026-01-01' WHERE id = $1`,
          [ids.cycle2025],
        )
      ).code,
    ).toBe(CHECK);
  });
});
