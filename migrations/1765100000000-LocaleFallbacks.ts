import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';

const LOCALES = `'en','sq','bs','hr','cnr','mk','sr-Latn','sr-Cyrl'`;

/**
 * The fallback chain of each locale: the languages a text missing in that locale is looked up in, in order,
 * before English. The region's languages are close enough that a reader of one reads another better than
 * English: Montenegrin falls back to Serbian Latin and Bosnian, Bosnian and Croatian to each other, Serbian to
 * its other script (transliterated). Albanian and Macedonian go straight to English.
 */
const CHAINS: Array<[locale: string, fallbacks: string[]]> = [
  ['en', []],
  ['sq', ['en']],
  ['bs', ['hr', 'sr-Latn', 'en']],
  ['hr', ['bs', 'sr-Latn', 'en']],
  ['cnr', ['sr-Latn', 'bs', 'en']],
  ['mk', ['en']],
  ['sr-Latn', ['sr-Cyrl', 'cnr', 'bs', 'en']],
  ['sr-Cyrl', ['sr-Latn', 'en']],
];

const WITHOUT_HR = "'sr-Cyrl'::text]";
const WITH_HR = "'sr-Cyrl'::text, 'hr'::text]";

/** The CHECK constraints that list the allowed locales: every multilingual text column and country.locales. */
async function localeChecks(q: QueryRunner, marker: string) {
  const rows: Array<{ tab: string; name: string; def: string }> = await q.query(
    `SELECT c.conrelid::regclass::text AS tab, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.contype = 'c' AND strpos(pg_get_constraintdef(c.oid), $1) > 0`,
    [marker],
  );
  return rows;
}

/**
 * Croatian (`hr`), an official language of Bosnia and Herzegovina, joins the stored locales, and each locale gets
 * a fallback chain held as data. The chains are reference data: the API reads them (once per process), only a
 * migration or the database's owner writes them.
 */
export class LocaleFallbacks1765100000000 implements MigrationInterface {
  name = 'LocaleFallbacks1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const { tab, name, def } of await localeChecks(q, WITHOUT_HR)) {
      await q.query(`ALTER TABLE ${tab} DROP CONSTRAINT "${name}"`);
      await q.query(`ALTER TABLE ${tab} ADD CONSTRAINT "${name}" ${def.split(WITHOUT_HR).join(WITH_HR)}`);
    }
    // Bosnia and Herzegovina's partners write in Croatian too.
    await q.query(
      `UPDATE country SET locales = array_append(locales, 'hr') WHERE code = 'BA' AND NOT ('hr' = ANY (locales))`,
    );

    await q.query(`
      CREATE TABLE locale_fallback (
        locale text PRIMARY KEY CHECK (locale IN (${LOCALES})),
        fallbacks text[] NOT NULL CHECK (fallbacks <@ ARRAY[${LOCALES}]::text[] AND NOT (locale = ANY (fallbacks))),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [locale, fallbacks] of CHAINS) {
      await q.query(`INSERT INTO locale_fallback (locale, fallbacks) VALUES ($1, $2)`, [locale, fallbacks]);
    }
    // Read by everyone, written by no one through the API.
    await q.query(`REVOKE ALL ON locale_fallback FROM ${APP_ROLE}, PUBLIC`);
    await q.query(`GRANT SELECT ON locale_fallback TO ${APP_ROLE}`);
    await q.query(`ALTER TABLE locale_fallback ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE locale_fallback FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY read ON locale_fallback FOR SELECT TO ${APP_ROLE} USING (true)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE locale_fallback`);
    await q.query(`UPDATE country SET locales = array_remove(locales, 'hr') WHERE 'hr' = ANY (locales)`);
    // A Croatian text would no longer pass the narrower checks: they go back NOT VALID and are validated where
    // no row holds one, so that going down never destroys a translation (nor fails on one).
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
