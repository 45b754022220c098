import type { DataSource, EntityManager } from 'typeorm';
import { createRequestContext } from '../src/pipeline/context/request-context';
import { saveAssessment } from '../src/modules/assessment/assessment-save.service';
import { createEvidence } from '../src/modules/evidence/evidence-edit.service';
import { Role } from '../src/modules/user/user.enums';
import { signInAsProof, userSignInProof } from '../src/db/row-security-key';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { databaseFingerprint } from './support/fingerprint';
import { signIn, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server';

/**
 * Row-level security is the backstop behind the API's rules: these tests go around the API, with SQL sent as the
 * app's role under a partner's settings and with service calls whose in-process rules have been fooled, and the
 * database still refuses.
 */

interface Settings {
  principal?: 'user' | 'apiKey';
  role?: Role;
  countries?: string[];
}

describe('row-level security', () => {
  let db: TestDatabase;
  let app: DataSource;
  let api: TestServer;
  const ids: Record<string, string> = {};

  /** Runs `work` as the app's role in one transaction with the caller settings the API would make. */
  async function as<T>(settings: Settings, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return app.transaction(async (m) => {
      await m.query(`SELECT app_sign_in_as($1, $2, $3, $4)`, asArguments(settings));
      return work(m);
    });
  }

  /** The settings as `app_sign_in_as` takes them, with the proof that only a holder of the key can make. */
  function asArguments(settings: Settings): string[] {
    const args = [settings.principal ?? '', settings.role ?? '', `{${(settings.countries ?? []).join(',')}}`];
    return [...args, signInAsProof(TEST_JWT_SECRET, args[0], args[1], args[2])];
  }

  const editorAl: Settings = { principal: 'user', role: Role.COUNTRY_EDITOR, countries: ['AL'] };
  const count = async (m: EntityManager, sql: string, params: unknown[] = []) =>
    Number((await m.query(`SELECT count(*)::int AS n FROM (${sql}) s`, params))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await appDataSourceFor(db.url, 2);
    api = await startTestServer(db);
    const one = async (sql: string) => (await db.dataSource.query(sql))[0].id as string;
    ids.rsDraft = await one(
      `SELECT a.id FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       JOIN indicator i ON i.id = a.indicator_id
       WHERE c.code = '2025' AND a.country_code = 'RS' AND a.status = 'DRAFT' AND i.answer_type = 'SCORE'
       ORDER BY a.id LIMIT 1`,
    );
    ids.alDraft = await one(
      `SELECT a.id FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.code = '2025' AND a.country_code = 'AL' AND a.status = 'DRAFT' ORDER BY a.id LIMIT 1`,
    );
    ids.rsApproved = await one(
      `SELECT id FROM assessment WHERE country_code = 'RS' AND status = 'APPROVED' ORDER BY id LIMIT 1`,
    );
  });
  afterAll(async () => {
    await api.close();
    await app.destroy();
    await db.drop();
  });

  it('connects the API as a role that owns nothing, is no superuser and cannot bypass the policies', async () => {
    const [role] = await app.query(
      `SELECT current_user AS name, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ name: 'indicators_app', rolsuper: false, rolbypassrls: false });
    const owned = await app.query(
      `SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(owned[0].n).toBe(0);
    const tables = await db.dataSource.query(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
       WHERE relname IN ('assessment', 'evidence', 'review_comment') ORDER BY relname`,
    );
    expect(tables).toEqual(
      ['assessment', 'evidence', 'review_comment'].map((relname) => ({
        relname,
        relrowsecurity: true,
        relforcerowsecurity: true,
      })),
    );
  });

  it('hides another country’s work in progress from a partner, even from plain SQL', async () => {
    await as(editorAl, async (m) => {
      expect(await count(m, `SELECT 1 FROM assessment WHERE id = $1`, [ids.rsDraft])).toBe(0);
      expect(await count(m, `SELECT 1 FROM assessment WHERE country_code = 'RS' AND status = 'DRAFT'`)).toBe(
        0,
      );
      expect(await count(m, `SELECT 1 FROM assessment WHERE id = $1`, [ids.rsApproved])).toBe(1);
      expect(await count(m, `SELECT 1 FROM assessment WHERE id = $1`, [ids.alDraft])).toBe(1);
      expect(await count(m, `SELECT 1 FROM review_comment WHERE country_code <> 'AL'`)).toBe(0);
      expect(
        await count(m, `SELECT 1 FROM evidence WHERE country_code <> 'AL' AND confidentiality = 'INTERNAL'`),
      ).toBe(0);
    });
  });

  it('shows callers without settings only what the public reads', async () => {
    await as({}, async (m) => {
      const statuses = await m.query(`SELECT DISTINCT status FROM assessment ORDER BY status`);
      expect(statuses).toEqual([{ status: 'PUBLISHED' }]);
      const levels = await m.query(`SELECT DISTINCT confidentiality FROM evidence`);
      expect(levels).toEqual([{ confidentiality: 'PUBLIC' }]);
      expect(await count(m, `SELECT 1 FROM review_comment`)).toBe(0);
    });
  });

  it('keeps a partner’s writes in its own countries, and lets no API key write', async () => {
    const before = await databaseFingerprint(db.dataSource);
    await as(editorAl, async (m) => {
      // Hidden rows cannot be changed: the statement finds nothing.
      const [, changed] = await m.query(`UPDATE assessment SET narrative = NULL WHERE id = $1`, [
        ids.rsDraft,
      ]);
      expect(changed).toBe(0);
      // Visible but not its own: still nothing.
      const [, approved] = await m.query(`UPDATE assessment SET confidence = 'LOW' WHERE id = $1`, [
        ids.rsApproved,
      ]);
      expect(approved).toBe(0);
      const [, removed] = await m.query(`DELETE FROM evidence WHERE country_code = 'RS'`);
      expect(removed).toBe(0);
    });
    await expect(
      as(editorAl, (m) =>
        m.query(
          `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
           VALUES ($1, 'RS', 'REPORT', '{"en":"Planted"}', 'en', 'LOW', 'PUBLIC')`,
          [ids.rsApproved],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as({ principal: 'apiKey', role: Role.COUNTRY_VIEWER, countries: ['AL'] }, (m) =>
        m.query(
          `INSERT INTO review_comment (assessment_id, country_code, author_id, body)
           SELECT $1, 'AL', id, 'From a key' FROM app_user LIMIT 1`,
          [ids.alDraft],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);

    // Its own country's draft it may change, which proves the refusals above are the policies' doing.
    await as(editorAl, async (m) => {
      const [, own] = await m.query(`UPDATE assessment SET confidence = confidence WHERE id = $1`, [
        ids.alDraft,
      ]);
      expect(own).toBe(1);
    });
  });

  it('keeps the recommendations register with its country as assessments are, even from plain SQL', async () => {
    const owner = (sql: string) => db.dataSource.query(sql);
    const [rsDraft] = await owner(
      `SELECT id, recommendation_id FROM recommendation_follow_up WHERE country_code = 'RS' AND status = 'DRAFT' LIMIT 1`,
    );
    const [hidden] = await owner(
      `SELECT r.id FROM recommendation r WHERE r.country_code = 'RS' AND NOT EXISTS (SELECT 1 FROM recommendation_follow_up f
         WHERE f.recommendation_id = r.id AND f.status IN ('APPROVED','PUBLISHED')) LIMIT 1`,
    );
    const [rsVisible] = await owner(
      `SELECT f.recommendation_id AS id FROM recommendation_follow_up f WHERE f.country_code = 'RS' AND f.status = 'PUBLISHED' LIMIT 1`,
    );
    expect(rsDraft && hidden && rsVisible).toBeTruthy();
    await as(editorAl, async (m) => {
      expect(
        await count(
          m,
          `SELECT 1 FROM recommendation_follow_up WHERE country_code = 'RS' AND status = 'DRAFT'`,
        ),
      ).toBe(0);
      expect(await count(m, `SELECT 1 FROM recommendation WHERE id = $1`, [hidden.id])).toBe(0);
      expect(
        await count(m, `SELECT 1 FROM recommendation_standard WHERE recommendation_id = $1`, [hidden.id]),
      ).toBe(0);
      expect(await count(m, `SELECT 1 FROM recommendation WHERE id = $1`, [rsVisible.id])).toBe(1);
      expect(await count(m, `SELECT 1 FROM recommendation WHERE country_code = 'AL'`)).toBe(12);
    });
    await as({}, async (m) => {
      const statuses = await m.query(`SELECT DISTINCT status FROM recommendation_follow_up`);
      expect(statuses).toEqual([{ status: 'PUBLISHED' }]);
      expect(await count(m, `SELECT 1 FROM recommendation WHERE id = $1`, [hidden.id])).toBe(0);
      expect(await count(m, `SELECT 1 FROM recommendation_source`)).toBeGreaterThan(5);
    });
    const before = await databaseFingerprint(db.dataSource);
    await as(editorAl, async (m) => {
      const [, changed] = await m.query(`UPDATE recommendation SET reference = 'x' WHERE id = $1`, [
        rsVisible.id,
      ]);
      expect(changed).toBe(0);
      const [, removed] = await m.query(`DELETE FROM follow_up_evidence WHERE country_code = 'RS'`);
      expect(removed).toBe(0);
    });
    await expect(
      as(editorAl, (m) =>
        m.query(
          `INSERT INTO recommendation_follow_up (recommendation_id, country_code, cycle_id, implementation_status)
           SELECT $1, 'RS', id, 'IMPLEMENTED' FROM monitoring_cycle WHERE code = '2025'`,
          [rsVisible.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as({ principal: 'apiKey', role: Role.COUNTRY_EDITOR, countries: ['RS'] }, (m) =>
        m.query(
          `INSERT INTO recommendation_source (body, country_code, title, year) VALUES ('OTHER', 'RS', '{"en":"Key"}', 2025)`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
    await as({ principal: 'user', role: Role.COUNTRY_EDITOR, countries: ['RS'] }, async (m) => {
      const [, own] = await m.query(
        `UPDATE recommendation_follow_up SET narrative = narrative WHERE id = $1`,
        [rsDraft.id],
      );
      expect(own).toBe(1);
    });
  });

  it('keeps breakdown cells with their assessment, and the dimensions with the framework editors', async () => {
    for (const id of [ids.rsDraft, ids.alDraft])
      await db.dataSource.query(
        `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
         SELECT id, country_code, '{sex}', '{female}', 2 FROM assessment WHERE id = $1`,
        [id],
      );
    const cellsOf = `SELECT 1 FROM assessment_breakdown WHERE assessment_id = $1`;
    await as(editorAl, async (m) => {
      expect(await count(m, cellsOf, [ids.rsDraft])).toBe(0);
      expect(await count(m, cellsOf, [ids.alDraft])).toBe(1);
      const [, changed] = await m.query(
        `UPDATE assessment_breakdown SET value = 9 WHERE assessment_id = $1`,
        [ids.rsDraft],
      );
      expect(changed).toBe(0);
      expect(await count(m, `SELECT 1 FROM breakdown_dimension`)).toBe(4);
    });
    await as({}, async (m) => {
      expect(await count(m, cellsOf, [ids.alDraft])).toBe(0);
      expect(
        await count(
          m,
          `SELECT 1 FROM assessment_breakdown b JOIN assessment a ON a.id = b.assessment_id WHERE a.status <> 'PUBLISHED'`,
        ),
      ).toBe(0);
    });
    const before = await databaseFingerprint(db.dataSource);
    await expect(
      as(editorAl, (m) =>
        m.query(
          `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
           VALUES ($1, 'RS', '{sex}', '{male}', 1)`,
          [ids.rsApproved],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as(editorAl, (m) =>
        m.query(
          `INSERT INTO breakdown_dimension (code, title, description, exhaustive, position)
           VALUES ('region', '{"en":"Region"}', '{"en":"Region"}', false, 9)`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
    await as({ principal: 'user', role: Role.FRAMEWORK_EDITOR, countries: [] }, async (m) => {
      const [, renamed] = await m.query(`UPDATE breakdown_dimension SET title = title WHERE code = 'sex'`);
      expect(renamed).toBe(1);
    });
  });

  it('forgets the settings at the end of each transaction: nothing leaks to the next user of a connection', async () => {
    const runner = app.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(
        `SELECT app_sign_in_as($1, $2, $3, $4)`,
        asArguments({ principal: 'user', role: Role.ADMIN }),
      );
      expect(
        await runner.query(`SELECT count(*)::int AS n FROM assessment WHERE status = 'DRAFT'`),
      ).not.toEqual([{ n: 0 }]);
      await runner.commitTransaction();
      // Same connection, next transaction: back to what the public reads.
      expect(await runner.query(`SELECT app_role() AS role`)).toEqual([{ role: null }]);
      expect(await runner.query(`SELECT count(*)::int AS n FROM assessment WHERE status = 'DRAFT'`)).toEqual([
        { n: 0 },
      ]);
    } finally {
      await runner.release();
    }
  });

  describe('the settings are sealed: the app role cannot raise its own role', () => {
    const rsDrafts = `SELECT count(*)::int AS n FROM assessment WHERE country_code = 'RS' AND status = 'DRAFT'`;

    it('counts settings it sets itself for nobody, before or after a sign-in', async () => {
      await as({}, async (m) => {
        await m.query(
          `SELECT set_config('app.principal', 'user', true), set_config('app.role', 'ADMIN', true),
                  set_config('app.countries', '{RS}', true)`,
        );
        expect(await m.query(`SELECT app_role() AS role, app_is_user() AS user`)).toEqual([
          { role: null, user: false },
        ]);
        expect(await m.query(rsDrafts)).toEqual([{ n: 0 }]);
      });
      await as(editorAl, async (m) => {
        expect(await m.query(`SELECT app_role() AS role`)).toEqual([{ role: Role.COUNTRY_EDITOR }]);
        // An injected statement raises the role and adds a country: the seal no longer matches.
        await m.query(
          `SELECT set_config('app.role', 'ADMIN', true), set_config('app.countries', '{AL,RS}', true)`,
        );
        expect(await m.query(`SELECT app_role() AS role, app_countries() AS countries`)).toEqual([
          { role: null, countries: [] },
        ]);
        expect(await m.query(rsDrafts)).toEqual([{ n: 0 }]);
        const [, changed] = await m.query(`UPDATE assessment SET confidence = confidence WHERE id = $1`, [
          ids.rsDraft,
        ]);
        expect(changed).toBe(0);
      });
    });

    it('takes no seal from another transaction', async () => {
      const admin = { principal: 'user' as const, role: Role.ADMIN };
      const [sealed] = await as(admin, (m) =>
        m.query(
          `SELECT current_setting('app.principal') AS principal, current_setting('app.role') AS role,
             current_setting('app.countries') AS countries, current_setting('app.seal') AS seal`,
        ),
      );
      expect(sealed.seal).toMatch(/^[0-9a-f]{64}$/);
      await as({}, async (m) => {
        await m.query(
          `SELECT set_config('app.principal', $1, true), set_config('app.role', $2, true),
                  set_config('app.countries', $3, true), set_config('app.seal', $4, true)`,
          [sealed.principal, sealed.role, sealed.countries, sealed.seal],
        );
        expect(await m.query(`SELECT app_role() AS role`)).toEqual([{ role: null }]);
        expect(await m.query(rsDrafts)).toEqual([{ n: 0 }]);
      });
    });

    it('can neither read the key, nor compute a seal, nor sign in without a proof', async () => {
      const refused = async (sql: string, params: unknown[] = []) => {
        await expect(app.transaction((m) => m.query(sql, params))).rejects.toThrow();
      };
      await refused(`SELECT * FROM row_security_key`);
      await refused(`SELECT row_security_mac('as|user|ADMIN|{}')`);
      await refused(`SELECT app_apply_settings('user', 'ADMIN', '{}', NULL, NULL)`);
      await refused(`SELECT app_sign_in_as('user', 'ADMIN', '{}', $1)`, ['0'.repeat(64)]);
      const [admin] = await db.dataSource.query(
        `SELECT id, token_version FROM app_user WHERE email = 'admin@demo.example'`,
      );
      await refused(`SELECT * FROM app_sign_in_user($1, $2, $3)`, [
        admin.id,
        admin.token_version,
        'f'.repeat(64),
      ]);
      // The same call with the proof the API makes, after verifying a token, signs the admin in.
      const [signedIn] = await app.transaction(async (m) => {
        await m.query(`SELECT * FROM app_sign_in_user($1, $2, $3)`, [
          admin.id,
          admin.token_version,
          userSignInProof(TEST_JWT_SECRET, admin.id, admin.token_version),
        ]);
        return m.query(`SELECT app_role() AS role`);
      });
      expect(signedIn).toEqual({ role: Role.ADMIN });
    });
  });

  it('refuses a service call whose in-process rules were fooled into letting a partner work on another country', async () => {
    const { authorization } = await signIn(api, 'editor.al@demo.example');
    const [rs] = await db.dataSource.query(
      `SELECT a.cycle_id, a.indicator_id FROM assessment a WHERE a.id = $1`,
      [ids.rsDraft],
    );
    const before = await databaseFingerprint(db.dataSource);
    const ctx = await createRequestContext(
      app,
      { jwtSecret: TEST_JWT_SECRET, tokenTtlSeconds: 3600 },
      {
        authorization,
      },
    );
    try {
      // A bug in the API's rules: the viewer claims RS too; the database still knows better.
      if (ctx.viewer.kind !== 'user') throw new Error('expected a signed-in user');
      ctx.viewer = { ...ctx.viewer, countries: ['AL', 'RS'] };
      const evidence = await createEvidence(ctx, {
        assessmentId: ids.rsDraft,
        kind: 'REPORT',
        title: 'Planted',
        language: 'en',
        reliability: 'LOW',
        confidentiality: 'PUBLIC',
      } as never);
      expect(evidence.evidence ?? null).toBeNull();
      expect(evidence.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
      const saved = await saveAssessment(ctx, {
        cycleId: rs.cycle_id,
        countryCode: 'RS',
        indicatorId: rs.indicator_id,
        score: 0,
      } as never).catch((error: Error) => error);
      // The draft is hidden, so the service tries to add it anew: the policy's WITH CHECK refuses the row.
      expect(saved).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    } finally {
      await ctx.transaction.commit();
    }
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
  });
});
