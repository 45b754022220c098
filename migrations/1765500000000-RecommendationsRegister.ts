import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoles } from './app-role';

const LOCALES = `'en','sq','bs','hr','cnr','mk','sr-Latn','sr-Cyrl'`;
const i18nCheck = (column: string) =>
  `CHECK (jsonb_typeof(${column}) = 'object' AND ${column} ? 'en' AND length(btrim(${column}->>'en')) > 0
          AND ${column} - ARRAY[${LOCALES}] = '{}'::jsonb)`;

const TABLES = [
  'recommendation_source',
  'recommendation',
  'recommendation_standard',
  'recommendation_indicator',
  'recommendation_follow_up',
  'follow_up_evidence',
];

const COUNTRY_ROLES = `('COUNTRY_LEAD','COUNTRY_EDITOR','COUNTRY_VIEWER')`;
// Each setting is read through a sub-select, once per statement (an InitPlan), as in the first policies.
const ROLE = '(SELECT app_role())';
const COUNTRIES = '(SELECT app_countries())::text[]';
const IS_USER = '(SELECT app_is_user())';
const WRITES_COUNTRY = `(${IS_USER} AND (${ROLE} = 'ADMIN'
  OR (${ROLE} IN ('COUNTRY_LEAD','COUNTRY_EDITOR') AND country_code::text = ANY (${COUNTRIES}))))`;
const REVIEWING_USER = `(${IS_USER} AND ${ROLE} = 'REVIEWER')`;

/**
 * The recommendations register: what a monitoring body (GRETA, the TIP report, the UPR, CEDAW, a national action
 * plan) asked a country to do, linked to the standards and indicators it concerns, and a follow-up per monitoring
 * cycle saying how far it was implemented, with evidence, under the review workflow of assessments.
 *
 * Row-level security as for assessments: a follow-up is read and changed exactly as an assessment (its own
 * `status`, `country_code` and `cycle_id` columns, the same policy text); a recommendation is read by the people
 * who work on its country, the reviewer and admins, and by anyone who may read one of its approved or published
 * follow-ups (looked up in a sub-select that runs under the follow-up's own policy); the link tables follow the
 * row they hang from. Evidence is not copied: a follow-up links evidence of its country, which stays readable only
 * to those who may read it where it was filed.
 */
export class RecommendationsRegister1765500000000 implements MigrationInterface {
  name = 'RecommendationsRegister1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    const roles = (await appRoles(q)).map((role) => `"${role.replace(/"/g, '""')}"`).join(', ');
    await q.query(`
      CREATE TABLE recommendation_source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body text NOT NULL CHECK (body IN ('GRETA','TIP','UPR','CEDAW','NATIONAL_ACTION_PLAN','OTHER')),
        country_code char(2) REFERENCES country(code),
        title jsonb NOT NULL ${i18nCheck('title')},
        round text CHECK (length(btrim(round)) BETWEEN 1 AND 40),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        published_on date CHECK (published_on BETWEEN DATE '1990-01-01' AND DATE '2100-12-31'),
        url text CHECK (url ~ '^https?://[^\\s/$.?#][^\\s]*$' AND length(url) <= 2000),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recommendation_source_id_body_key UNIQUE (id, body)
      )`);
    await q.query(
      `CREATE INDEX recommendation_source_country_idx ON recommendation_source (country_code, body, year)`,
    );

    // The source's body is repeated (and held equal by the composite key) so that "strength only for GRETA" is
    // a check on the row.
    await q.query(`
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country_code char(2) NOT NULL REFERENCES country(code),
        source_id uuid NOT NULL,
        source_body text NOT NULL,
        reference text NOT NULL CHECK (length(btrim(reference)) BETWEEN 1 AND 60),
        strength text CHECK (strength IN ('URGE','CONSIDER','INVITE')),
        text jsonb NOT NULL ${i18nCheck('text')},
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid REFERENCES app_user(id),
        updated_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recommendation_source_fkey FOREIGN KEY (source_id, source_body)
          REFERENCES recommendation_source (id, body),
        CONSTRAINT recommendation_strength_greta CHECK (strength IS NULL OR source_body = 'GRETA'),
        CONSTRAINT recommendation_reference_key UNIQUE (country_code, source_id, reference),
        CONSTRAINT recommendation_id_country_key UNIQUE (id, country_code)
      )`);
    await q.query(`CREATE INDEX recommendation_source_idx ON recommendation (source_id)`);
    // A source addressed to one country holds only that country's recommendations.
    await q.query(`
      CREATE FUNCTION recommendation_check_source() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM recommendation_source s WHERE s.id = NEW.source_id
                   AND s.country_code IS NOT NULL AND s.country_code <> NEW.country_code) THEN
          RAISE EXCEPTION 'the source of recommendation % is addressed to another country', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'recommendation_source_country';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER recommendation_check_source BEFORE INSERT OR UPDATE OF source_id, country_code
        ON recommendation FOR EACH ROW EXECUTE FUNCTION recommendation_check_source()`);

    for (const [table, column, target] of [
      ['recommendation_standard', 'standard_id', 'standard'],
      ['recommendation_indicator', 'indicator_id', 'indicator'],
    ]) {
      await q.query(`
        CREATE TABLE ${table} (
          recommendation_id uuid NOT NULL,
          country_code char(2) NOT NULL,
          ${column} uuid NOT NULL REFERENCES ${target}(id),
          PRIMARY KEY (recommendation_id, ${column}),
          FOREIGN KEY (recommendation_id, country_code) REFERENCES recommendation (id, country_code)
            ON DELETE CASCADE
        )`);
      await q.query(`CREATE INDEX ${table}_target_idx ON ${table} (${column}, country_code)`);
    }

    await q.query(`
      CREATE TABLE recommendation_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recommendation_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        cycle_id uuid NOT NULL REFERENCES monitoring_cycle(id),
        implementation_status text NOT NULL CHECK (implementation_status IN
          ('NOT_STARTED','IN_PROGRESS','PARTIALLY_IMPLEMENTED','IMPLEMENTED','NO_LONGER_RELEVANT')),
        narrative jsonb ${i18nCheck('narrative')},
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','CHANGES_REQUESTED','APPROVED','PUBLISHED')),
        review_note text CHECK (length(review_note) <= 10000),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid REFERENCES app_user(id),
        updated_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recommendation_follow_up_recommendation_fkey FOREIGN KEY (recommendation_id, country_code)
          REFERENCES recommendation (id, country_code),
        CONSTRAINT recommendation_follow_up_one_per_cycle UNIQUE (country_code, recommendation_id, cycle_id),
        CONSTRAINT recommendation_follow_up_id_country_key UNIQUE (id, country_code)
      )`);
    await q.query(`CREATE INDEX recommendation_follow_up_cycle_idx
      ON recommendation_follow_up (country_code, cycle_id, status)`);
    await q.query(`CREATE INDEX recommendation_follow_up_recommendation_idx
      ON recommendation_follow_up (recommendation_id, cycle_id)`);

    // Evidence a follow-up cites: evidence of the same country (both keys carry it), filed with an assessment.
    await q.query(`ALTER TABLE evidence ADD CONSTRAINT evidence_id_country_key UNIQUE (id, country_code)`);
    await q.query(`
      CREATE TABLE follow_up_evidence (
        follow_up_id uuid NOT NULL,
        evidence_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (follow_up_id, evidence_id),
        FOREIGN KEY (follow_up_id, country_code) REFERENCES recommendation_follow_up (id, country_code)
          ON DELETE CASCADE,
        FOREIGN KEY (evidence_id, country_code) REFERENCES evidence (id, country_code) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX follow_up_evidence_evidence_idx ON follow_up_evidence (country_code, evidence_id)`,
    );

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLES.join(', ')} TO ${roles}`);
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        DO $$ BEGIN
          EXECUTE format('CREATE POLICY maintenance ON ${table} TO %I USING (true) WITH CHECK (true)', current_user);
        END $$`);
    }

    // Sources are bibliographic references to public reports: anyone reads them. A partner records its own
    // countries' sources; a source addressed to several countries (country_code NULL) is an admin's.
    await q.query(`CREATE POLICY read ON recommendation_source FOR SELECT TO ${roles} USING (true)`);
    const sourceWrite = `(${WRITES_COUNTRY} OR (${IS_USER} AND ${ROLE} = 'ADMIN'))`;
    await q.query(
      `CREATE POLICY add ON recommendation_source FOR INSERT TO ${roles} WITH CHECK (${sourceWrite})`,
    );
    await q.query(`CREATE POLICY change ON recommendation_source FOR UPDATE TO ${roles}
      USING (${sourceWrite}) WITH CHECK (${sourceWrite})`);
    await q.query(
      `CREATE POLICY remove ON recommendation_source FOR DELETE TO ${roles} USING (${sourceWrite})`,
    );

    // The follow-up: the policies of assessment, word for word.
    await q.query(`
      CREATE POLICY read ON recommendation_follow_up FOR SELECT TO ${roles} USING (
        CASE
          WHEN ${ROLE} = 'ADMIN' THEN true
          WHEN ${ROLE} = 'REVIEWER' THEN status <> 'DRAFT'
          WHEN ${ROLE} IN ${COUNTRY_ROLES}
            THEN country_code::text = ANY (${COUNTRIES}) OR status IN ('APPROVED','PUBLISHED')
          ELSE status = 'PUBLISHED'
            AND cycle_id IN (SELECT c.id FROM monitoring_cycle c WHERE c.status = 'PUBLISHED')
        END)`);
    await q.query(
      `CREATE POLICY add ON recommendation_follow_up FOR INSERT TO ${roles} WITH CHECK (${WRITES_COUNTRY})`,
    );
    await q.query(`
      CREATE POLICY change ON recommendation_follow_up FOR UPDATE TO ${roles}
        USING (${WRITES_COUNTRY} OR (${REVIEWING_USER} AND status <> 'DRAFT'))
        WITH CHECK (${WRITES_COUNTRY} OR (${REVIEWING_USER} AND status <> 'DRAFT'))`);
    await q.query(
      `CREATE POLICY remove ON recommendation_follow_up FOR DELETE TO ${roles} USING (${WRITES_COUNTRY})`,
    );

    await q.query(`
      CREATE POLICY read ON recommendation FOR SELECT TO ${roles} USING (
        ${ROLE} IN ('ADMIN','REVIEWER')
        OR (${ROLE} IN ${COUNTRY_ROLES} AND country_code::text = ANY (${COUNTRIES}))
        OR EXISTS (SELECT 1 FROM recommendation_follow_up visible
                   WHERE visible.recommendation_id = recommendation.id AND visible.status IN ('APPROVED','PUBLISHED')))`);
    for (const table of ['recommendation', 'recommendation_standard', 'recommendation_indicator']) {
      await q.query(`CREATE POLICY add ON ${table} FOR INSERT TO ${roles} WITH CHECK (${WRITES_COUNTRY})`);
      await q.query(`CREATE POLICY change ON ${table} FOR UPDATE TO ${roles}
        USING (${WRITES_COUNTRY}) WITH CHECK (${WRITES_COUNTRY})`);
      await q.query(`CREATE POLICY remove ON ${table} FOR DELETE TO ${roles} USING (${WRITES_COUNTRY})`);
    }
    for (const table of ['recommendation_standard', 'recommendation_indicator']) {
      await q.query(`CREATE POLICY read ON ${table} FOR SELECT TO ${roles} USING (
        EXISTS (SELECT 1 FROM recommendation visible WHERE visible.id = ${table}.recommendation_id))`);
    }

    await q.query(`CREATE POLICY read ON follow_up_evidence FOR SELECT TO ${roles} USING (
      EXISTS (SELECT 1 FROM recommendation_follow_up visible WHERE visible.id = follow_up_evidence.follow_up_id)
      AND EXISTS (SELECT 1 FROM evidence visible WHERE visible.id = follow_up_evidence.evidence_id))`);
    await q.query(
      `CREATE POLICY add ON follow_up_evidence FOR INSERT TO ${roles} WITH CHECK (${WRITES_COUNTRY})`,
    );
    await q.query(
      `CREATE POLICY remove ON follow_up_evidence FOR DELETE TO ${roles} USING (${WRITES_COUNTRY})`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['follow_up_evidence', 'recommendation_indicator', 'recommendation_standard'])
      await q.query(`DROP TABLE ${table}`);
    // The read policy of recommendation looks at the follow-ups: it goes first.
    await q.query(`DROP POLICY read ON recommendation`);
    for (const table of ['recommendation_follow_up', 'recommendation', 'recommendation_source'])
      await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION recommendation_check_source()`);
    await q.query(`ALTER TABLE evidence DROP CONSTRAINT evidence_id_country_key`);
  }
}
