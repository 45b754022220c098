import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';

const COUNTRY_ROLES = `('COUNTRY_LEAD','COUNTRY_EDITOR','COUNTRY_VIEWER')`;
// Read through sub-selects, so that PostgreSQL reads each once per statement (an InitPlan), not once per row.
const ROLE = '(SELECT app_role())';
const COUNTRIES = '(SELECT app_countries())::text[]';

const COMMENT_READERS = `
  ${ROLE} IN ('ADMIN','REVIEWER')
  OR (${ROLE} IN ${COUNTRY_ROLES} AND country_code::text = ANY (${COUNTRIES}))`;

/**
 * Review comments follow their assessment. The first read policy on `review_comment` looked at the comment's
 * country alone, so in plain SQL the reviewer read the notes a partner wrote on its own drafts, which the API hides
 * (the reviewer reads no drafts, and a comment is read only with its assessment: docs/workflow.md). Now a comment
 * is visible when its assessment is visible to the caller and the caller reads the comments of its country.
 *
 * As for evidence, the assessment is looked up by primary key in a sub-select on `assessment`, which runs under
 * that table's own read policy: no second copy of the assessment rule to drift apart.
 */
export class CommentsFollowAssessment1765200000000 implements MigrationInterface {
  name = 'CommentsFollowAssessment1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY read ON review_comment`);
    await q.query(`
      CREATE POLICY read ON review_comment FOR SELECT TO ${APP_ROLE} USING (
        (${COMMENT_READERS})
        AND EXISTS (SELECT 1 FROM assessment visible WHERE visible.id = review_comment.assessment_id))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY read ON review_comment`);
    await q.query(
      `CREATE POLICY read ON review_comment FOR SELECT TO ${APP_ROLE} USING (${COMMENT_READERS})`,
    );
  }
}
