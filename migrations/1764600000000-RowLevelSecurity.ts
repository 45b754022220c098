import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security as the backstop behind the API's own rules. The API connects as `indicators_app`, a role
 * that owns nothing and cannot bypass the policies; each request's transaction carries who is asking in
 * transaction-local settings (`app.principal`, `app.role`, `app.countries`), set together with the sign-in
 * check. The policies repeat the read rules of the country data (drafts stay with their country) and keep every
 * write of a partner in its own countries, so a bug in a resolver, or SQL sent around the API under a
 * partner's settings, still cannot read or change another country's work.
 */

export const APP_ROLE = 'indicators_app';

const TENANT_TABLES = ['assessment', 'evidence', 'review_comment'];
// The audit trail and the editions are append-only: the app may add to them, never rewrite them.
const APPEND_ONLY_TABLES = ['audit_event', 'edition'];

const COUNTRY_ROLES = `('COUNTRY_LEAD','COUNTRY_EDITOR','COUNTRY_VIEWER')`;

// Each setting is read through a sub-select: PostgreSQL then reads it once per statement (an InitPlan), not once
// per row, which keeps a policy's cost flat on large reads.
const ROLE = '(SELECT app_role())';
const COUNTRIES = '(SELECT app_countries())::text[]';
const IS_USER = '(SELECT app_is_user())';
const WRITES_COUNTRY = `(${IS_USER} AND (${ROLE} = 'ADMIN'
  OR (${ROLE} IN ('COUNTRY_LEAD','COUNTRY_EDITOR') AND country_code::text = ANY (${COUNTRIES}))))`;
const REVIEWING_USER = `(${IS_USER} AND ${ROLE} = 'REVIEWER')`;

export class RowLevelSecurity1764600000000 implements MigrationInterface {
  name = 'RowLevelSecurity1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    // Roles belong to the whole server, not to one database: another database of the server may have made it.
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migration FROM ${APP_ROLE}`);
    for (const table of APPEND_ONLY_TABLES) {
      await q.query(`REVOKE UPDATE, DELETE ON ${table} FROM ${APP_ROLE}`);
    }
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // Tables of later migrations are the app's to use too, unless a migration says otherwise.
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`,
    );

    // Unset and reset settings read as '' (a setting once set in a session stays defined): both mean nobody.
    await q.query(`
      CREATE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT nullif(current_setting('app.role', true), '') $$`);
    await q.query(`
      CREATE FUNCTION app_countries() RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(nullif(current_setting('app.countries', true), '')::text[], '{}') $$`);
    // API keys read only: a write needs a signed-in user.
    await q.query(`
      CREATE FUNCTION app_is_user() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(current_setting('app.principal', true), '') = 'user' $$`);
    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      // The role that runs the migrations (and the seed and other maintenance) keeps its access to the tables
      // it owns: FORCE would otherwise hide every row from it too when it is not a superuser.
      await q.query(`
        DO $$ BEGIN
          EXECUTE format('CREATE POLICY maintenance ON ${table} TO %I USING (true) WITH CHECK (true)', current_user);
        END $$`);
    }

    await q.query(`
      CREATE POLICY read ON assessment FOR SELECT TO ${APP_ROLE} USING (
        CASE
          WHEN ${ROLE} = 'ADMIN' THEN true
          WHEN ${ROLE} = 'REVIEWER' THEN status <> 'DRAFT'
          WHEN ${ROLE} IN ${COUNTRY_ROLES}
            THEN country_code::text = ANY (${COUNTRIES}) OR status IN ('APPROVED','PUBLISHED')
          ELSE status = 'PUBLISHED'
            AND cycle_id IN (SELECT c.id FROM monitoring_cycle c WHERE c.status = 'PUBLISHED')
        END)`);
    await q.query(`
      CREATE POLICY add ON assessment FOR INSERT TO ${APP_ROLE} WITH CHECK (${WRITES_COUNTRY})`);
    // The reviewer changes the state of any country's submitted work, never a draft.
    await q.query(`
      CREATE POLICY change ON assessment FOR UPDATE TO ${APP_ROLE}
        USING (${WRITES_COUNTRY} OR (${REVIEWING_USER} AND status <> 'DRAFT'))
        WITH CHECK (${WRITES_COUNTRY} OR (${REVIEWING_USER} AND status <> 'DRAFT'))`);
    await q.query(`
      CREATE POLICY remove ON assessment FOR DELETE TO ${APP_ROLE} USING (${WRITES_COUNTRY})`);

    await q.query(`
      CREATE POLICY read ON evidence FOR SELECT TO ${APP_ROLE} USING (
        CASE
          WHEN ${ROLE} IN ('ADMIN','REVIEWER') THEN true
          WHEN ${ROLE} IN ${COUNTRY_ROLES}
            THEN country_code::text = ANY (${COUNTRIES}) OR confidentiality IN ('PUBLIC','PARTNERS')
          ELSE confidentiality = 'PUBLIC'
        END)`);
    await q.query(`
      CREATE POLICY add ON evidence FOR INSERT TO ${APP_ROLE} WITH CHECK (${WRITES_COUNTRY})`);
    await q.query(`
      CREATE POLICY change ON evidence FOR UPDATE TO ${APP_ROLE}
        USING (${WRITES_COUNTRY}) WITH CHECK (${WRITES_COUNTRY})`);
    await q.query(`
      CREATE POLICY remove ON evidence FOR DELETE TO ${APP_ROLE} USING (${WRITES_COUNTRY})`);

    await q.query(`
      CREATE POLICY read ON review_comment FOR SELECT TO ${APP_ROLE} USING (
        ${ROLE} IN ('ADMIN','REVIEWER')
        OR (${ROLE} IN ${COUNTRY_ROLES} AND country_code::text = ANY (${COUNTRIES})))`);
    for (const [name, command] of [
      ['add', 'INSERT'],
      ['change', 'UPDATE'],
      ['remove', 'DELETE'],
    ]) {
      const rule = `${WRITES_COUNTRY} OR ${REVIEWING_USER}`;
      const using = command === 'INSERT' ? '' : `USING (${rule})`;
      const check = command === 'DELETE' ? '' : `WITH CHECK (${rule})`;
      await q.query(
        `CREATE POLICY ${name} ON review_comment FOR ${command} TO ${APP_ROLE} ${using} ${check}`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      const policies: Array<{ policyname: string }> = await q.query(
        `SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = $1`,
        [table],
      );
      for (const { policyname } of policies) await q.query(`DROP POLICY "${policyname}" ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP FUNCTION app_is_user()`);
    await q.query(`DROP FUNCTION app_countries()`);
    await q.query(`DROP FUNCTION app_role()`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    // The role itself stays: it belongs to the server, and other databases on it may still grant it rights.
  }
}
