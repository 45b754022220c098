import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';

const COUNTRY_ROLES = `('COUNTRY_LEAD','COUNTRY_EDITOR','COUNTRY_VIEWER')`;
// Read through sub-selects, so that PostgreSQL reads each once per statement (an InitPlan), not once per row.
const ROLE = '(SELECT app_role())';
const COUNTRIES = '(SELECT app_countries())::text[]';

const CONFIDENTIALITY_ALLOWS = `
  CASE
    WHEN ${ROLE} IN ('ADMIN','REVIEWER') THEN true
    WHEN ${ROLE} IN ${COUNTRY_ROLES}
      THEN country_code::text = ANY (${COUNTRIES}) OR confidentiality IN ('PUBLIC','PARTNERS')
    ELSE confidentiality = 'PUBLIC'
  END`;

/**
 * Evidence is read only with its assessment. The first read policy on `evidence` looked at the evidence's own
 * confidentiality alone, so the public and other countries' partners could read, in plain SQL, the PUBLIC evidence
 * of another country's draft. Now a row of evidence is visible when its assessment is visible to the caller and
 * its confidentiality allows it, the rule of the API's own policies (evidence.policy.ts, assessment.policy.ts).
 *
 * The assessment is looked up by primary key in a sub-select on `assessment`, which runs under that table's own
 * read policy: the evidence follows whatever that policy says, with no second copy of it to drift apart.
 */
export class EvidenceFollowsAssessment1765000000000 implements MigrationInterface {
  name = 'EvidenceFollowsAssessment1765000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY read ON evidence`);
    await q.query(`
      CREATE POLICY read ON evidence FOR SELECT TO ${APP_ROLE} USING (
        (${CONFIDENTIALITY_ALLOWS})
        AND EXISTS (SELECT 1 FROM assessment visible WHERE visible.id = evidence.assessment_id))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY read ON evidence`);
    await q.query(
      `CREATE POLICY read ON evidence FOR SELECT TO ${APP_ROLE} USING (${CONFIDENTIALITY_ALLOWS})`,
    );
  }
}
