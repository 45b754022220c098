import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTRY_ROLES = `('COUNTRY_LEAD','COUNTRY_EDITOR','COUNTRY_VIEWER')`;
// Read through sub-selects, so that PostgreSQL reads each once per statement (an InitPlan), not once per row.
const ROLE = '(SELECT app_role())';
const COUNTRIES = '(SELECT app_countries())::text[]';
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, public';

/**
 * Who may read an assessment, as the read policy of `assessment` says it (1764600000000-RowLevelSecurity), with
 * the columns that hold its status, country and cycle named by the caller: written once here and applied to
 * both tables, so that the rule the evidence follows is the assessment's own, word for word.
 */
function assessmentReadable(status: string, country: string, cycle: string): string {
  return `
  CASE
    WHEN ${ROLE} = 'ADMIN' THEN true
    WHEN ${ROLE} = 'REVIEWER' THEN ${status} <> 'DRAFT'
    WHEN ${ROLE} IN ${COUNTRY_ROLES}
      THEN ${country}::text = ANY (${COUNTRIES}) OR ${status} IN ('APPROVED','PUBLISHED')
    ELSE ${status} = 'PUBLISHED'
      AND ${cycle} IN (SELECT c.id FROM monitoring_cycle c WHERE c.status = 'PUBLISHED')
  END`;
}

const CONFIDENTIALITY_ALLOWS = `
  CASE
    WHEN ${ROLE} IN ('ADMIN','REVIEWER') THEN true
    WHEN ${ROLE} IN ${COUNTRY_ROLES}
      THEN country_code::text = ANY (${COUNTRIES}) OR confidentiality IN ('PUBLIC','PARTNERS')
    ELSE confidentiality = 'PUBLIC'
  END`;

/**
 * Evidence carries its assessment's status and cycle, so that its read policy needs no join. Since
 * 1765000000000-EvidenceFollowsAssessment a row of evidence is visible only when its assessment is, checked by
 * an `EXISTS` on `assessment` for each row of evidence read: that look-up ran the assessment's own policy once
 * per row of evidence, and cost a country dashboard about a third of its throughput. Now `evidence` holds
 * `assessment_status` and `assessment_cycle_id`, which no one can set: a trigger on `evidence` copies them from
 * the assessment on every insert and on every change of the assessment a row belongs to (whatever was written
 * there), and a trigger on `assessment` copies a changed status or cycle to its evidence. Both run as the
 * owner, so a reviewer's approval reaches the evidence of a country the reviewer may not write. The country was
 * already copied, and held equal by the foreign key on (assessment_id, country_code). The columns may be null only
 * while a row names an assessment that does not exist, which its foreign key then refuses as before (a null
 * status reads as invisible to all but admins).
 *
 * The read policy of `evidence` then applies the assessment's rule to those columns, and the assessment's
 * policy is rewritten from the same text (unchanged in meaning), so the two cannot drift apart.
 */
export class EvidenceCarriesAssessmentState1765300000000 implements MigrationInterface {
  name = 'EvidenceCarriesAssessmentState1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE evidence ADD COLUMN assessment_status text, ADD COLUMN assessment_cycle_id uuid`,
    );
    await q.query(`
      UPDATE evidence e SET assessment_status = a.status, assessment_cycle_id = a.cycle_id
      FROM assessment a WHERE a.id = e.assessment_id`);

    // The evidence of a cycle counted per assessment from the index alone (the comparison's evidence counts):
    // every column the read policy and the count need is in it.
    await q.query(`
      CREATE INDEX evidence_cycle_idx ON evidence (country_code, assessment_cycle_id, assessment_id)
      INCLUDE (confidentiality, assessment_status)`);
    await q.query(`
      CREATE FUNCTION evidence_copy_assessment_state() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        SELECT a.status, a.cycle_id INTO NEW.assessment_status, NEW.assessment_cycle_id
        FROM assessment a WHERE a.id = NEW.assessment_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER evidence_copy_assessment_state
      BEFORE INSERT OR UPDATE OF assessment_id, assessment_status, assessment_cycle_id ON evidence
      FOR EACH ROW EXECUTE FUNCTION evidence_copy_assessment_state()`);
    await q.query(`
      CREATE FUNCTION assessment_state_to_evidence() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        UPDATE evidence SET assessment_status = NEW.status, assessment_cycle_id = NEW.cycle_id
        WHERE assessment_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER assessment_state_to_evidence AFTER UPDATE OF status, cycle_id ON assessment
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.cycle_id IS DISTINCT FROM NEW.cycle_id)
      EXECUTE FUNCTION assessment_state_to_evidence()`);
    // Triggers only: nobody calls these directly.
    await q.query(`REVOKE ALL ON FUNCTION evidence_copy_assessment_state() FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION assessment_state_to_evidence() FROM PUBLIC`);

    // ALTER POLICY keeps the roles each policy is for (moved to the database's own app role at start).
    await q.query(
      `ALTER POLICY read ON assessment USING (${assessmentReadable('status', 'country_code', 'cycle_id')})`,
    );
    await q.query(`
      ALTER POLICY read ON evidence USING (
        (${CONFIDENTIALITY_ALLOWS})
        AND (${assessmentReadable('assessment_status', 'country_code', 'assessment_cycle_id')}))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER POLICY read ON evidence USING (
        (${CONFIDENTIALITY_ALLOWS})
        AND EXISTS (SELECT 1 FROM assessment visible WHERE visible.id = evidence.assessment_id))`);
    await q.query(`
      ALTER POLICY read ON assessment USING (
        CASE
          WHEN ${ROLE} = 'ADMIN' THEN true
          WHEN ${ROLE} = 'REVIEWER' THEN status <> 'DRAFT'
          WHEN ${ROLE} IN ${COUNTRY_ROLES}
            THEN country_code::text = ANY (${COUNTRIES}) OR status IN ('APPROVED','PUBLISHED')
          ELSE status = 'PUBLISHED'
            AND cycle_id IN (SELECT c.id FROM monitoring_cycle c WHERE c.status = 'PUBLISHED')
        END)`);
    await q.query(`DROP TRIGGER assessment_state_to_evidence ON assessment`);
    await q.query(`DROP FUNCTION assessment_state_to_evidence()`);
    await q.query(`DROP TRIGGER evidence_copy_assessment_state ON evidence`);
    await q.query(`DROP FUNCTION evidence_copy_assessment_state()`);
    await q.query(`DROP INDEX evidence_cycle_idx`);
    await q.query(`ALTER TABLE evidence DROP COLUMN assessment_cycle_id, DROP COLUMN assessment_status`);
  }
}
