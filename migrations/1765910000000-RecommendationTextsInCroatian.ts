import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The register's multilingual columns; their checks were written with the locales before Croatian. */
const TABLES = ['recommendation_source', 'recommendation', 'recommendation_follow_up'];

const WITHOUT_HR = "'sr-Cyrl'::text]";
const WITH_HR = "'sr-Cyrl'::text, 'hr'::text]";

async function localeChecks(q: QueryRunner, marker: string) {
  const rows: Array<{ tab: string; name: string; def: string }> = await q.query(
    `SELECT c.conrelid::regclass::text AS tab, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.contype = 'c' AND c.conrelid::regclass::text = ANY($2)
       AND strpos(pg_get_constraintdef(c.oid), $1) > 0`,
    [marker, TABLES],
  );
  return rows;
}

/**
 * The recommendations register stores Croatian texts: sources' titles, recommendations and follow-up narratives
 * accept `hr` like every other multilingual column since LocaleFallbacks1765100000000.
 */
export class RecommendationTextsInCroatian1765910000000 implements MigrationInterface {
  name = 'RecommendationTextsInCroatian1765910000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const { tab, name, def } of await localeChecks(q, WITHOUT_HR)) {
      await q.query(`ALTER TABLE ${tab} DROP CONSTRAINT "${name}"`);
      await q.query(`ALTER TABLE ${tab} ADD CONSTRAINT "${name}" ${def.split(WITHOUT_HR).join(WITH_HR)}`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    // As in LocaleFallbacks: the narrower checks come back NOT VALID and are validated where no row holds a
    // Croatian text, so that going down never destroys a translation (nor fails on one).
    for (const { tab, name, def } of await localeChecks(q, WITH_HR)) {
      await q.query(`ALTER TABLE ${tab} DROP CONSTRAINT "${name}"`);
      await q.query(
        `ALTER TABLE ${tab} ADD CONSTRAINT "${name}" ${def.split(WITH_HR).join(WITHOUT_HR)} NOT VALID`,
      );
      await q.query(`
        DO $$ BEGIN
          ALTER TABLE ${tab} VALIDATE CONSTRAINT "${name}";
        EXCEPTION WHEN check_violation THEN NULL;
        END $$`);
    }
  }
}
