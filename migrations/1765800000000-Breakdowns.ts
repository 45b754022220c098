import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';
import { STANDARD_DIMENSIONS } from './breakdown-dimensions';

const LOCALES = `'en','sq','bs','hr','cnr','mk','sr-Latn','sr-Cyrl'`;
const i18nCheck = (column: string) =>
  `CHECK (jsonb_typeof(${column}) = 'object' AND ${column} ? 'en' AND length(btrim(${column}->>'en')) > 0
          AND ${column} - ARRAY[${LOCALES}] = '{}'::jsonb)`;

const ROLE = '(SELECT app_role())';
const COUNTRIES = '(SELECT app_countries())::text[]';
const IS_USER = '(SELECT app_is_user())';
const WRITES_COUNTRY = `(${IS_USER} AND (${ROLE} = 'ADMIN'
  OR (${ROLE} IN ('COUNTRY_LEAD','COUNTRY_EDITOR') AND country_code::text = ANY (${COUNTRIES}))))`;
const EDITS_FRAMEWORK = `(${IS_USER} AND ${ROLE} IN ('ADMIN','FRAMEWORK_EDITOR'))`;
const FRAMEWORK_TABLES = ['breakdown_dimension', 'breakdown_category', 'indicator_breakdown'];

/**
 * Disaggregated statistics. A breakdown dimension (sex, age, form of exploitation, citizenship, or one a
 * framework defines) has categories; an indicator names the dimensions, alone or two together, its answer should
 * be broken down by; an assessment holds one value per category combination of those, saved with its version.
 *
 * The dimensions and the indicators' breakdowns are framework data: everyone reads them, framework editors
 * change them. The values follow their assessment: readable when the assessment is (the sub-select runs under
 * the assessment's own read policy), written only by the assessment's country.
 */
export class Breakdowns1765800000000 implements MigrationInterface {
  name = 'Breakdowns1765800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE breakdown_dimension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
        -- null: a dimension every framework may use; else the framework that defines it
        framework_id uuid REFERENCES framework(id),
        title jsonb NOT NULL ${i18nCheck('title')},
        description jsonb NOT NULL ${i18nCheck('description')},
        exhaustive boolean NOT NULL,
        position integer NOT NULL CHECK (position >= 0)
      )`);
    await q.query(`
      CREATE TABLE breakdown_category (
        dimension_id uuid NOT NULL REFERENCES breakdown_dimension(id) ON DELETE CASCADE,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_]{0,39}$'),
        title jsonb NOT NULL ${i18nCheck('title')},
        is_unknown boolean NOT NULL DEFAULT false,
        position integer NOT NULL CHECK (position >= 0),
        PRIMARY KEY (dimension_id, code)
      )`);
    await q.query(`
      CREATE TABLE indicator_breakdown (
        indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        -- one dimension, or two crossed: a table with rows and columns
        dimension_codes text[] NOT NULL CHECK (cardinality(dimension_codes) BETWEEN 1 AND 2
          AND (cardinality(dimension_codes) = 1 OR dimension_codes[1] <> dimension_codes[2])),
        PRIMARY KEY (indicator_id, position),
        UNIQUE (indicator_id, dimension_codes)
      )`);
    await q.query(`
      CREATE TABLE assessment_breakdown (
        assessment_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        dimension_codes text[] NOT NULL CHECK (cardinality(dimension_codes) BETWEEN 1 AND 2),
        category_codes text[] NOT NULL CHECK (cardinality(category_codes) = cardinality(dimension_codes)),
        value double precision NOT NULL CHECK (value >= 0 AND value < 'Infinity'),
        PRIMARY KEY (assessment_id, dimension_codes, category_codes),
        -- the country column must be the assessment's country
        FOREIGN KEY (assessment_id, country_code) REFERENCES assessment (id, country_code) ON DELETE CASCADE
      )`);

    for (const [d, dimension] of STANDARD_DIMENSIONS.entries()) {
      const [{ id }] = await q.query(
        `INSERT INTO breakdown_dimension (code, title, description, exhaustive, position)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          dimension.code,
          JSON.stringify(dimension.title),
          JSON.stringify(dimension.description),
          dimension.exhaustive,
          d,
        ],
      );
      for (const [c, category] of dimension.categories.entries()) {
        await q.query(
          `INSERT INTO breakdown_category (dimension_id, code, title, is_unknown, position) VALUES ($1, $2, $3, $4, $5)`,
          [id, category.code, JSON.stringify(category.title), category.unknown ?? false, c],
        );
      }
    }

    for (const table of [...FRAMEWORK_TABLES, 'assessment_breakdown']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        DO $$ BEGIN
          EXECUTE format('CREATE POLICY maintenance ON ${table} TO %I USING (true) WITH CHECK (true)', current_user);
        END $$`);
    }
    for (const table of FRAMEWORK_TABLES) {
      await q.query(`CREATE POLICY read ON ${table} FOR SELECT TO ${APP_ROLE} USING (true)`);
      await q.query(
        `CREATE POLICY add ON ${table} FOR INSERT TO ${APP_ROLE} WITH CHECK (${EDITS_FRAMEWORK})`,
      );
      await q.query(`
        CREATE POLICY change ON ${table} FOR UPDATE TO ${APP_ROLE}
          USING (${EDITS_FRAMEWORK}) WITH CHECK (${EDITS_FRAMEWORK})`);
      await q.query(`CREATE POLICY remove ON ${table} FOR DELETE TO ${APP_ROLE} USING (${EDITS_FRAMEWORK})`);
    }
    const followsAssessment = `EXISTS (SELECT 1 FROM assessment visible WHERE visible.id = assessment_breakdown.assessment_id)`;
    await q.query(
      `CREATE POLICY read ON assessment_breakdown FOR SELECT TO ${APP_ROLE} USING (${followsAssessment})`,
    );
    await q.query(
      `CREATE POLICY add ON assessment_breakdown FOR INSERT TO ${APP_ROLE} WITH CHECK (${WRITES_COUNTRY})`,
    );
    await q.query(`
      CREATE POLICY change ON assessment_breakdown FOR UPDATE TO ${APP_ROLE}
        USING (${WRITES_COUNTRY}) WITH CHECK (${WRITES_COUNTRY})`);
    await q.query(
      `CREATE POLICY remove ON assessment_breakdown FOR DELETE TO ${APP_ROLE} USING (${WRITES_COUNTRY})`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_breakdown`);
    await q.query(`DROP TABLE indicator_breakdown`);
    await q.query(`DROP TABLE breakdown_category`);
    await q.query(`DROP TABLE breakdown_dimension`);
  }
}
