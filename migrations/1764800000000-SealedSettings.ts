import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';

// Trusted functions run as the owner with a fixed search path, so that no object of the caller's can stand in.
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, public';

/**
 * Seals the caller's settings. Every role may set custom settings, the app's role included, so an SQL injection
 * in a request could `set_config('app.role', 'ADMIN', true)` and the policies would believe it. Now the settings
 * count only with `app.seal`: an HMAC of them and of the transaction (backend and start time), keyed with a key
 * the app's role cannot read (`row_security_key`, stored by the owner at start, see src/db/row-security-key.ts).
 * Only the sign-in functions below set settings and seal them, and only on a proof the API makes with the same
 * key: for a token, the user and token version the API has verified; for an API key, the key itself. A seal
 * copied into another transaction, or settings changed after sealing, read as nobody.
 */
export class SealedSettings1764800000000 implements MigrationInterface {
  name = 'SealedSettings1764800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE row_security_key (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        inner_pad bytea NOT NULL CHECK (length(inner_pad) = 64),
        outer_pad bytea NOT NULL CHECK (length(outer_pad) = 64)
      )`);
    // Earlier migrations let the app's role use every new table by default: not this one.
    await q.query(`REVOKE ALL ON row_security_key FROM ${APP_ROLE}, PUBLIC`);

    // HMAC-SHA256 from its two padded keys, with the built-in sha256: no extension to install.
    await q.query(`
      CREATE FUNCTION row_security_mac(message text) RETURNS text LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT encode(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(message, 'UTF8'))), 'hex')
        FROM row_security_key k $$`);
    await q.query(`
      CREATE FUNCTION app_settings_message() RETURNS text LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT concat_ws('|', current_setting('app.principal', true), current_setting('app.role', true),
          current_setting('app.countries', true), current_setting('app.user_id', true),
          current_setting('app.organisation_id', true), pg_backend_pid()::text,
          (extract(epoch FROM transaction_timestamp()) * 1000000)::bigint::text) $$`);
    // PL/pgSQL, not SQL: its plans are kept for the session, where a nested SQL function with a SET clause is
    // planned on every call (about four times the cost, paid by every statement under row-level security).
    await q.query(`
      CREATE FUNCTION app_sealed() RETURNS boolean LANGUAGE plpgsql STABLE PARALLEL SAFE ${DEFINER} AS $$
      DECLARE seal text := current_setting('app.seal', true); k record;
      BEGIN
        IF coalesce(seal, '') = '' THEN RETURN false; END IF;
        SELECT inner_pad, outer_pad INTO k FROM row_security_key;
        -- app_settings_message() written out: one function call fewer on every statement.
        RETURN seal = encode(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(concat_ws('|',
          current_setting('app.principal', true), current_setting('app.role', true),
          current_setting('app.countries', true), current_setting('app.user_id', true),
          current_setting('app.organisation_id', true), pg_backend_pid()::text,
          (extract(epoch FROM transaction_timestamp()) * 1000000)::bigint::text), 'UTF8'))), 'hex');
      END $$`);
    await q.query(`
      CREATE FUNCTION app_apply_settings(principal text, role text, countries text, user_id text,
        organisation_id text) RETURNS void LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      BEGIN
        PERFORM set_config('app.principal', coalesce(principal, ''), true),
          set_config('app.role', coalesce(role, ''), true), set_config('app.countries', coalesce(countries, ''), true),
          set_config('app.user_id', coalesce(user_id, ''), true),
          set_config('app.organisation_id', coalesce(organisation_id, ''), true);
        PERFORM set_config('app.seal', row_security_mac(app_settings_message()), true);
      END $$`);

    // The policies read the settings through these three: unsealed, they read as nobody.
    await q.query(`
      CREATE OR REPLACE FUNCTION app_role() RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE ${DEFINER} AS
        $$ BEGIN RETURN CASE WHEN app_sealed() THEN nullif(current_setting('app.role', true), '') END; END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_countries() RETURNS text[] LANGUAGE plpgsql STABLE PARALLEL SAFE ${DEFINER} AS
        $$ BEGIN
          RETURN CASE WHEN app_sealed()
            THEN coalesce(nullif(current_setting('app.countries', true), '')::text[], '{}')
            ELSE '{}' END;
        END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_is_user() RETURNS boolean LANGUAGE plpgsql STABLE PARALLEL SAFE ${DEFINER} AS
        $$ BEGIN
          RETURN app_sealed() AND coalesce(current_setting('app.principal', true), '') = 'user';
        END $$`);

    // A user whose token the API verified (its proof), with the settings of a current, active account.
    await q.query(`
      CREATE FUNCTION app_sign_in_user(p_user_id uuid, p_token_version integer, p_proof text)
      RETURNS TABLE (id uuid, token_version integer, is_active boolean, role text, organisation_id uuid,
        organisation_kind text, countries text[])
      LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      #variable_conflict use_column
      DECLARE r record;
      BEGIN
        IF p_proof IS DISTINCT FROM row_security_mac('user|' || p_user_id || '|' || p_token_version) THEN
          RAISE EXCEPTION 'the sign-in proof does not match the row-security key'
            USING ERRCODE = 'invalid_authorization_specification',
                  HINT = 'The database holds the key of another JWT_SECRET: restart the API to store its own.';
        END IF;
        SELECT u.id, u.token_version, u.is_active, m.role::text AS role, m.organisation_id,
          o.kind::text AS organisation_kind,
          array(SELECT oc.country_code::text FROM organisation_country oc
                WHERE oc.organisation_id = m.organisation_id ORDER BY oc.country_code) AS countries
        INTO r
        FROM app_user u JOIN membership m ON m.user_id = u.id JOIN organisation o ON o.id = m.organisation_id
        WHERE u.id = p_user_id;
        IF NOT FOUND THEN RETURN; END IF;
        IF r.is_active AND r.token_version = p_token_version THEN
          PERFORM app_apply_settings('user', r.role, r.countries::text, r.id::text, r.organisation_id::text);
        END IF;
        RETURN QUERY SELECT r.id, r.token_version, r.is_active, r.role, r.organisation_id, r.organisation_kind,
          r.countries;
      END $$`);

    // An API key, the key itself its proof. An integrator's key has no role and reads as the public.
    await q.query(`
      CREATE FUNCTION app_sign_in_api_key(p_lookup text, p_key text)
      RETURNS TABLE (id uuid, valid boolean, organisation_id uuid, organisation_kind text, role text,
        countries text[])
      LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      #variable_conflict use_column
      DECLARE r record; ok boolean;
      BEGIN
        SELECT a.id, a.key_hash, a.revoked_at, a.last_used_at, a.organisation_id, o.kind::text AS organisation_kind,
          CASE o.kind WHEN 'PARTNER' THEN 'COUNTRY_VIEWER' WHEN 'REVIEWER' THEN 'REVIEWER'
            WHEN 'PLATFORM' THEN 'ADMIN' END AS role,
          array(SELECT oc.country_code::text FROM organisation_country oc
                WHERE oc.organisation_id = a.organisation_id ORDER BY oc.country_code) AS countries
        INTO r
        FROM api_key a JOIN organisation o ON o.id = a.organisation_id
        WHERE a.prefix = p_lookup;
        IF NOT FOUND THEN RETURN; END IF;
        ok := r.revoked_at IS NULL AND r.key_hash = encode(sha256(convert_to(p_key, 'UTF8')), 'hex');
        IF ok THEN
          -- Once a minute at most: a key used for every request would otherwise rewrite its row each time.
          IF r.last_used_at IS NULL OR r.last_used_at < date_trunc('minute', now()) THEN
            UPDATE api_key SET last_used_at = date_trunc('minute', now()) WHERE api_key.id = r.id;
          END IF;
          PERFORM app_apply_settings('apiKey', r.role,
            CASE WHEN r.role IS NULL THEN '{}' ELSE r.countries::text END, NULL, r.organisation_id::text);
        END IF;
        RETURN QUERY SELECT r.id, ok, r.organisation_id, r.organisation_kind, r.role,
          CASE WHEN r.role IS NULL THEN '{}'::text[] ELSE r.countries END;
      END $$`);

    // Any settings, for maintenance tools and tests that hold the key (its proof).
    await q.query(`
      CREATE FUNCTION app_sign_in_as(principal text, role text, countries text, proof text) RETURNS void
      LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      BEGIN
        IF proof IS DISTINCT FROM row_security_mac(concat_ws('|', 'as', principal, role, countries)) THEN
          RAISE EXCEPTION 'the proof does not match the row-security key'
            USING ERRCODE = 'invalid_authorization_specification';
        END IF;
        PERFORM app_apply_settings(principal, role, countries, NULL, NULL);
      END $$`);

    // Only the sign-in functions are the app's to call; the key's helpers are not.
    await q.query(`REVOKE ALL ON FUNCTION row_security_mac(text) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION app_apply_settings(text, text, text, text, text) FROM PUBLIC`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION app_sign_in_as(text, text, text, text)`);
    await q.query(`DROP FUNCTION app_sign_in_api_key(text, text)`);
    await q.query(`DROP FUNCTION app_sign_in_user(uuid, integer, text)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE SECURITY INVOKER
        AS $$ SELECT nullif(current_setting('app.role', true), '') $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_countries() RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE SECURITY INVOKER
        AS $$ SELECT coalesce(nullif(current_setting('app.countries', true), '')::text[], '{}') $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_is_user() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE SECURITY INVOKER
        AS $$ SELECT coalesce(current_setting('app.principal', true), '') = 'user' $$`);
    await q.query(`DROP FUNCTION app_apply_settings(text, text, text, text, text)`);
    await q.query(`DROP FUNCTION app_sealed()`);
    await q.query(`DROP FUNCTION app_settings_message()`);
    await q.query(`DROP FUNCTION row_security_mac(text)`);
    await q.query(`DROP TABLE row_security_key`);
  }
}
