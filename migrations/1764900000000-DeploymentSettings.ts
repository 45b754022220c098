import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';

/**
 * Settings of the whole deployment, one row. `data_status` says whether what the database holds is the
 * illustrative demo data (DEMO) or real monitoring results (REAL), so that every published surface can say so.
 * A database that already holds the demo accounts is marked DEMO; any other starts REAL. The API only reads it:
 * an SQL injection must not be able to make demo data pass for real results, nor the reverse.
 */
export class DeploymentSettings1764900000000 implements MigrationInterface {
  name = 'DeploymentSettings1764900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deployment_setting (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        data_status text NOT NULL DEFAULT 'REAL' CHECK (data_status IN ('DEMO', 'REAL')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO deployment_setting (data_status)
      SELECT CASE WHEN EXISTS (SELECT 1 FROM app_user WHERE lower(email) LIKE '%@demo.example')
        THEN 'DEMO' ELSE 'REAL' END`);
    await q.query(`REVOKE ALL ON deployment_setting FROM ${APP_ROLE}, PUBLIC`);
    await q.query(`GRANT SELECT ON deployment_setting TO ${APP_ROLE}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deployment_setting`);
  }
}
