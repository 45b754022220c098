import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';
import { appRoles } from './app-role';

/**
 * The tables whose writes are noted in `data_change`: everything an answer can be made of. The tables left out
 * are listed, with why, in src/pipeline/response-cache/data-changes.ts, and a test checks that every table of
 * the schema is in one list or the other.
 */
export const NOTED_TABLES = [
  'app_user',
  'area',
  'assessment',
  'assessment_breakdown',
  'breakdown_category',
  'breakdown_dimension',
  'country',
  'deployment_setting',
  'edition',
  'evidence',
  'follow_up_evidence',
  'framework',
  'framework_version',
  'indicator',
  'indicator_breakdown',
  'indicator_standard',
  'locale_fallback',
  'membership',
  'monitoring_cycle',
  'organisation',
  'organisation_country',
  'recommendation',
  'recommendation_follow_up',
  'recommendation_indicator',
  'recommendation_source',
  'recommendation_standard',
  'review_comment',
  'row_security_key',
  'score_level',
  'standard',
];

/** The triggers on each noted table: its event, and the rows it changed as the trigger sees them. */
const TRIGGERS: Array<[string, string]> = [
  ['INSERT', 'REFERENCING NEW TABLE AS changed_rows'],
  ['UPDATE', 'REFERENCING NEW TABLE AS changed_rows'],
  ['DELETE', 'REFERENCING OLD TABLE AS changed_rows'],
  ['TRUNCATE', ''],
];

/**
 * Which transactions have written the data, so that an answer computed earlier can be told to be still
 * current by one short statement (src/pipeline/response-cache/signed-in-cache.ts).
 *
 * Every writing transaction leaves one row, its own id (`pg_current_xact_id()`), from a statement-level trigger
 * on each noted table. Rows are only inserted, each transaction its own key, so writers never wait on one
 * another. An answer remembers the snapshot (`pg_current_snapshot()`) taken before its first read; it is still
 * current when no row has been committed since by a transaction that snapshot did not see. A transaction still
 * running when the snapshot was taken and committed later is one of them, which a counter or a timestamp read
 * then would miss.
 *
 * Old rows are deleted below a horizon that never passes the oldest running transaction, and a snapshot older
 * than the horizon is never current: the rows that could have spoken against it may be gone.
 */
export class DataChanges1766300000000 implements MigrationInterface {
  name = 'DataChanges1766300000000';

  public async up(q: QueryRunner): Promise<void> {
    const roles = [...new Set([...(await appRoles(q)), APP_ROLE])].map(
      (role) => `"${role.replace(/"/g, '""')}"`,
    );
    await q.query(`CREATE TABLE data_change (
      xact xid8 PRIMARY KEY,
      noted_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query(`CREATE TABLE data_change_horizon (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      horizon xid8 NOT NULL)`);
    await q.query(`INSERT INTO data_change_horizon (horizon) VALUES ('0')`);
    await q.query(`REVOKE ALL ON data_change, data_change_horizon FROM ${roles.join(', ')}`);
    // A statement that changed no row (an update the policies narrowed to nothing, say) notes nothing: the
    // triggers see the rows it changed, and a trigger with those may have one event only.
    await q.query(`CREATE FUNCTION data_change_note() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$ BEGIN
        IF TG_OP <> 'TRUNCATE' THEN
          IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
            RETURN NULL;
          END IF;
        END IF;
        INSERT INTO public.data_change (xact) VALUES (pg_current_xact_id()) ON CONFLICT (xact) DO NOTHING;
        RETURN NULL;
      END $fn$`);
    await q.query(`REVOKE ALL ON FUNCTION data_change_note() FROM PUBLIC`);
    for (const table of NOTED_TABLES) {
      for (const [event, rows] of TRIGGERS)
        await q.query(`CREATE TRIGGER data_change_${event.toLowerCase()} AFTER ${event} ON ${table}
          ${rows} FOR EACH STATEMENT EXECUTE FUNCTION data_change_note()`);
    }
    // Asked with the snapshot as a parameter, planned once for any snapshot: each part reads the index. Rows of
    // transactions that ended before the snapshot are visible to it; the others are those it saw running (its
    // list) and those that began after it (at or above its xmax, so the largest id tells).
    await q.query(`CREATE FUNCTION data_unchanged_since(since pg_snapshot) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
        SELECT pg_snapshot_xmin(since) >= (SELECT h.horizon FROM public.data_change_horizon h)
          AND coalesce((SELECT max(c.xact) FROM public.data_change c) < pg_snapshot_xmax(since), true)
          AND NOT EXISTS (SELECT 1 FROM public.data_change c
            WHERE c.xact = ANY (ARRAY(SELECT pg_snapshot_xip(since))))
      $fn$`);
    // Moves the horizon up to `keep_from` (never past the oldest running transaction), deletes the rows below
    // it, and answers the oldest running transaction now: the caller's next `keep_from`.
    await q.query(`CREATE FUNCTION data_change_prune(keep_from xid8) RETURNS xid8
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
      DECLARE
        oldest xid8 := pg_snapshot_xmin(pg_current_snapshot());
        kept xid8;
      BEGIN
        UPDATE public.data_change_horizon SET horizon = greatest(horizon, least(keep_from, oldest))
          RETURNING horizon INTO kept;
        DELETE FROM public.data_change WHERE xact < kept;
        RETURN oldest;
      END $fn$`);
    for (const fn of ['data_unchanged_since(pg_snapshot)', 'data_change_prune(xid8)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${roles.join(', ')}`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of NOTED_TABLES)
      for (const [event] of TRIGGERS)
        await q.query(`DROP TRIGGER data_change_${event.toLowerCase()} ON ${table}`);
    await q.query(`DROP FUNCTION data_change_prune(xid8)`);
    await q.query(`DROP FUNCTION data_unchanged_since(pg_snapshot)`);
    await q.query(`DROP FUNCTION data_change_note()`);
    await q.query(`DROP TABLE data_change_horizon`);
    await q.query(`DROP TABLE data_change`);
  }
}
