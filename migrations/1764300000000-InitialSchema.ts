import type { MigrationInterface, QueryRunner } from 'typeorm';

const LOCALES = `'en','sq','bs','cnr','mk','sr-Latn','sr-Cyrl'`;

/** A multilingual text column: a JSON object of locale → non-empty text that always has English. */
const i18nCheck = (column: string) =>
  `CHECK (jsonb_typeof(${column}) = 'object' AND ${column} ? 'en' AND length(btrim(${column}->>'en')) > 0
          AND ${column} - ARRAY[${LOCALES}] = '{}'::jsonb)`;

/**
 * The whole domain model. Hand-written so that every constraint the domain needs lives in the database:
 * a bug in the service cannot store a row the domain forbids.
 */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE country (
        code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
        name jsonb NOT NULL ${i18nCheck('name')},
        locales text[] NOT NULL CHECK (cardinality(locales) > 0 AND locales <@ ARRAY[${LOCALES}]::text[]),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        short_name text NOT NULL CHECK (length(btrim(short_name)) BETWEEN 1 AND 40),
        kind text NOT NULL CHECK (kind IN ('PARTNER','REVIEWER','INTEGRATOR','PLATFORM')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_name_key ON organisation (lower(name))`);
    await q.query(`CREATE UNIQUE INDEX organisation_short_name_key ON organisation (lower(short_name))`);

    await q.query(`
      CREATE TABLE organisation_country (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        country_code char(2) NOT NULL REFERENCES country(code),
        PRIMARY KEY (organisation_id, country_code)
      )`);
    await q.query(
      `CREATE INDEX organisation_country_country_idx ON organisation_country (country_code, organisation_id)`,
    );

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' AND length(email) <= 254),
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 120),
        password_hash text CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%'),
        is_active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 1 CHECK (token_version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);

    await q.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE REFERENCES app_user(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        role text NOT NULL CHECK (role IN ('ADMIN','COUNTRY_LEAD','COUNTRY_EDITOR','COUNTRY_VIEWER','REVIEWER','FRAMEWORK_EDITOR')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX membership_organisation_idx ON membership (organisation_id, user_id)`);

    await q.query(`
      CREATE TABLE framework (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
        name jsonb NOT NULL ${i18nCheck('name')},
        description jsonb NOT NULL ${i18nCheck('description')},
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE framework_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES framework(id),
        label text NOT NULL CHECK (label ~ '^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$'),
        status text NOT NULL CHECK (status IN ('DRAFT','PUBLISHED')),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (framework_id, label),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);

    await q.query(`
      CREATE TABLE area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_version_id uuid NOT NULL REFERENCES framework_version(id),
        parent_id uuid REFERENCES area(id),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,19}$'),
        pillar text NOT NULL CHECK (pillar IN ('PREVENTION','PROTECTION','PROSECUTION','PARTNERSHIP')),
        title jsonb NOT NULL ${i18nCheck('title')},
        description jsonb NOT NULL ${i18nCheck('description')},
        position integer NOT NULL CHECK (position >= 0),
        UNIQUE (framework_version_id, code),
        UNIQUE (framework_version_id, id),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX area_parent_idx ON area (framework_version_id, parent_id, position)`);

    await q.query(`
      CREATE TABLE score_level (
        framework_version_id uuid NOT NULL REFERENCES framework_version(id),
        code text NOT NULL CHECK (code IN ('0','1','2','3','NOT_APPLICABLE','NO_DATA')),
        value smallint CHECK (value BETWEEN 0 AND 3),
        label jsonb NOT NULL ${i18nCheck('label')},
        descriptor jsonb NOT NULL ${i18nCheck('descriptor')},
        PRIMARY KEY (framework_version_id, code),
        CHECK ((code IN ('NOT_APPLICABLE','NO_DATA') AND value IS NULL) OR value::text = code)
      )`);

    await q.query(`
      CREATE TABLE standard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instrument text NOT NULL CHECK (instrument IN ('COE_CONVENTION','EU_DIRECTIVE_2011_36','PALERMO_PROTOCOL','NATIONAL_ACTION_PLAN')),
        reference text NOT NULL CHECK (length(btrim(reference)) BETWEEN 1 AND 60),
        country_code char(2) REFERENCES country(code),
        title jsonb NOT NULL ${i18nCheck('title')},
        summary jsonb NOT NULL ${i18nCheck('summary')},
        CHECK ((instrument = 'NATIONAL_ACTION_PLAN') = (country_code IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX standard_reference_key ON standard (instrument, coalesce(country_code, '--'), reference)`,
    );

    await q.query(`
      CREATE TABLE indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_version_id uuid NOT NULL REFERENCES framework_version(id),
        area_id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,19}$'),
        type text NOT NULL CHECK (type IN ('STRUCTURAL','PROCESS','OUTCOME')),
        answer_type text NOT NULL CHECK (answer_type IN ('SCORE','NUMBER','PERCENT','BOOLEAN','TEXT')),
        title jsonb NOT NULL ${i18nCheck('title')},
        guidance jsonb NOT NULL ${i18nCheck('guidance')},
        means_of_verification jsonb NOT NULL ${i18nCheck('means_of_verification')},
        expected_breakdowns text[] NOT NULL DEFAULT '{}',
        position integer NOT NULL CHECK (position >= 0),
        UNIQUE (framework_version_id, code),
        UNIQUE (id, answer_type),
        -- the area must belong to the same framework version
        FOREIGN KEY (framework_version_id, area_id) REFERENCES area (framework_version_id, id)
      )`);
    await q.query(`CREATE INDEX indicator_area_idx ON indicator (area_id, position)`);
    await q.query(`CREATE INDEX indicator_code_idx ON indicator (code)`);

    await q.query(`
      CREATE TABLE indicator_standard (
        indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        standard_id uuid NOT NULL REFERENCES standard(id),
        PRIMARY KEY (indicator_id, standard_id)
      )`);
    await q.query(
      `CREATE INDEX indicator_standard_standard_idx ON indicator_standard (standard_id, indicator_id)`,
    );

    await q.query(`
      CREATE TABLE monitoring_cycle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$'),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        title jsonb NOT NULL ${i18nCheck('title')},
        framework_version_id uuid NOT NULL REFERENCES framework_version(id),
        status text NOT NULL CHECK (status IN ('PLANNED','OPEN','CLOSED','PUBLISHED')),
        opens_on date,
        closes_on date,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (opens_on IS NULL OR closes_on IS NULL OR opens_on <= closes_on),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX monitoring_cycle_version_idx ON monitoring_cycle (framework_version_id)`);

    await q.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country_code char(2) NOT NULL REFERENCES country(code),
        cycle_id uuid NOT NULL REFERENCES monitoring_cycle(id),
        indicator_id uuid NOT NULL REFERENCES indicator(id),
        score smallint CHECK (score BETWEEN 0 AND 3),
        not_scored_reason text CHECK (not_scored_reason IN ('NOT_APPLICABLE','NO_DATA')),
        value_number double precision CHECK (value_number IS NULL OR value_number::text NOT IN ('NaN','Infinity','-Infinity')),
        value_boolean boolean,
        value_text text CHECK (length(value_text) <= 4000),
        narrative jsonb ${i18nCheck('narrative')},
        confidence text CHECK (confidence IN ('HIGH','MEDIUM','LOW')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','CHANGES_REQUESTED','APPROVED','PUBLISHED')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid REFERENCES app_user(id),
        updated_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessment_one_per_country_indicator_cycle UNIQUE (country_code, cycle_id, indicator_id),
        CONSTRAINT assessment_id_country_key UNIQUE (id, country_code),
        CONSTRAINT assessment_score_or_reason CHECK (score IS NULL OR not_scored_reason IS NULL)
      )`);
    await q.query(`CREATE INDEX assessment_cycle_idx ON assessment (country_code, cycle_id, status)`);
    await q.query(`CREATE INDEX assessment_cycle_indicator_idx ON assessment (cycle_id, indicator_id)`);

    // Rules that span tables: the indicator must be of the cycle's framework version, and only the field that
    // matches the indicator's answer type may hold an answer.
    await q.query(`
      CREATE FUNCTION assessment_check_answer() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_answer_type text;
        v_indicator_version uuid;
        v_cycle_version uuid;
      BEGIN
        SELECT answer_type, framework_version_id INTO v_answer_type, v_indicator_version
          FROM indicator WHERE id = NEW.indicator_id;
        SELECT framework_version_id INTO v_cycle_version FROM monitoring_cycle WHERE id = NEW.cycle_id;
        IF v_indicator_version IS DISTINCT FROM v_cycle_version THEN
          RAISE EXCEPTION 'indicator % is not part of the framework version of cycle %', NEW.indicator_id, NEW.cycle_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_indicator_in_cycle_version';
        END IF;
        IF (v_answer_type <> 'SCORE' AND (NEW.score IS NOT NULL OR NEW.not_scored_reason IS NOT NULL))
           OR (v_answer_type NOT IN ('NUMBER','PERCENT') AND NEW.value_number IS NOT NULL)
           OR (v_answer_type <> 'BOOLEAN' AND NEW.value_boolean IS NOT NULL)
           OR (v_answer_type <> 'TEXT' AND NEW.value_text IS NOT NULL) THEN
          RAISE EXCEPTION 'the answer does not match the % answer type of the indicator', v_answer_type
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_answer_matches_type';
        END IF;
        IF v_answer_type = 'PERCENT' AND NEW.value_number IS NOT NULL AND (NEW.value_number < 0 OR NEW.value_number > 100) THEN
          RAISE EXCEPTION 'a percentage must be between 0 and 100'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_percent_range';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER assessment_check_answer BEFORE INSERT OR UPDATE OF indicator_id, cycle_id, score,
        not_scored_reason, value_number, value_boolean, value_text ON assessment
        FOR EACH ROW EXECUTE FUNCTION assessment_check_answer()`);

    await q.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('LAW','BYLAW','POLICY','SOP','COURT_DECISION','STATISTICS','INTERVIEW','MONITORING_VISIT','REPORT','MEDIA','OTHER')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
        citation text CHECK (length(citation) <= 1000),
        url text CHECK (url ~ '^https?://[^\\s/$.?#][^\\s]*$' AND length(url) <= 2000),
        document_date date CHECK (document_date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
        language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
        issuing_institution text CHECK (length(issuing_institution) <= 300),
        reliability text NOT NULL CHECK (reliability IN ('HIGH','MEDIUM','LOW')),
        confidentiality text NOT NULL CHECK (confidentiality IN ('PUBLIC','PARTNERS','INTERNAL')),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- the country column must be the assessment's country
        FOREIGN KEY (assessment_id, country_code) REFERENCES assessment (id, country_code)
      )`);
    await q.query(
      `CREATE INDEX evidence_assessment_idx ON evidence (country_code, assessment_id, created_at)`,
    );
    await q.query(`CREATE INDEX evidence_by_assessment_idx ON evidence (assessment_id)`);

    await q.query(`
      CREATE TABLE review_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        author_id uuid NOT NULL REFERENCES app_user(id),
        field text CHECK (field IN ('SCORE','VALUE','NARRATIVE','CONFIDENCE','EVIDENCE')),
        body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 10000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RESOLVED')),
        resolved_by uuid REFERENCES app_user(id),
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (assessment_id, country_code) REFERENCES assessment (id, country_code),
        CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL AND resolved_by IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX review_comment_assessment_idx ON review_comment (country_code, assessment_id, created_at)`,
    );
    await q.query(`CREATE INDEX review_comment_by_assessment_idx ON review_comment (assessment_id)`);

    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Orders the events of one transaction, which share their commit time.
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES app_user(id),
        actor_organisation_id uuid REFERENCES organisation(id),
        entity_type text NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 60),
        entity_id uuid NOT NULL,
        assessment_id uuid REFERENCES assessment(id),
        country_code char(2) REFERENCES country(code),
        action text NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
        before jsonb,
        after jsonb,
        CHECK (before IS NOT NULL OR after IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX audit_event_assessment_idx ON audit_event (country_code, assessment_id, seq)`,
    );
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_id, seq)`);

    // The audit trail is append-only: no role the application uses can rewrite history.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events are never changed or deleted'
          USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'audit_event_append_only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);

    // A framework version that a cycle uses is frozen, so that published results keep their meaning.
    await q.query(`
      CREATE FUNCTION framework_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_version uuid;
      BEGIN
        IF TG_TABLE_NAME = 'framework_version' THEN
          v_version := OLD.id;
        ELSIF TG_TABLE_NAME = 'indicator_standard' THEN
          SELECT framework_version_id INTO v_version FROM indicator
            WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.indicator_id ELSE OLD.indicator_id END;
        ELSIF TG_OP = 'INSERT' THEN
          v_version := NEW.framework_version_id;
        ELSE
          v_version := OLD.framework_version_id;
        END IF;
        IF EXISTS (SELECT 1 FROM monitoring_cycle WHERE framework_version_id = v_version) THEN
          RAISE EXCEPTION 'framework version % is used by a monitoring cycle and cannot change', v_version
            USING ERRCODE = 'check_violation', CONSTRAINT = 'framework_version_frozen';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER framework_version_frozen BEFORE UPDATE OR DELETE ON framework_version
      FOR EACH ROW EXECUTE FUNCTION framework_version_frozen()`);
    for (const table of ['area', 'indicator', 'score_level', 'indicator_standard']) {
      await q.query(`CREATE TRIGGER ${table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION framework_version_frozen()`);
    }

    // A cycle may only use a published framework version.
    await q.query(`
      CREATE FUNCTION monitoring_cycle_check_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM framework_version WHERE id = NEW.framework_version_id AND status = 'PUBLISHED') THEN
          RAISE EXCEPTION 'a monitoring cycle can only use a published framework version'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'monitoring_cycle_published_version';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER monitoring_cycle_check_version BEFORE INSERT OR UPDATE OF framework_version_id
      ON monitoring_cycle FOR EACH ROW EXECUTE FUNCTION monitoring_cycle_check_version()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE review_comment`);
    await q.query(`DROP TABLE evidence`);
    await q.query(`DROP TABLE assessment`);
    await q.query(`DROP FUNCTION assessment_check_answer()`);
    await q.query(`DROP TABLE monitoring_cycle`);
    await q.query(`DROP FUNCTION monitoring_cycle_check_version()`);
    await q.query(`DROP TABLE indicator_standard`);
    await q.query(`DROP TABLE indicator`);
    await q.query(`DROP TABLE standard`);
    await q.query(`DROP TABLE score_level`);
    await q.query(`DROP TABLE area`);
    await q.query(`DROP TABLE framework_version`);
    await q.query(`DROP FUNCTION framework_version_frozen()`);
    await q.query(`DROP TABLE framework`);
    await q.query(`DROP TABLE membership`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE organisation_country`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP TABLE country`);
  }
}
