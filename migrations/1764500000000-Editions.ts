import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published editions: publishing a cycle stores exactly what the public reads then, so that a published result
 * can be cited forever, even after the cycle is reopened, corrected and published again as a new edition.
 */
export class Editions1764500000000 implements MigrationInterface {
  name = 'Editions1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE edition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES monitoring_cycle(id),
        number integer NOT NULL CHECK (number >= 1),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES app_user(id),
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[a-f0-9]{64}$'),
        CONSTRAINT edition_number_key UNIQUE (cycle_id, number)
      )`);
    await q.query(`
      CREATE FUNCTION edition_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published edition is never changed or deleted'
          USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'edition_immutable';
      END $$`);
    await q.query(`CREATE TRIGGER edition_immutable BEFORE UPDATE OR DELETE ON edition
      FOR EACH ROW EXECUTE FUNCTION edition_immutable()`);
    await q.query(`CREATE TRIGGER edition_no_truncate BEFORE TRUNCATE ON edition
      FOR EACH STATEMENT EXECUTE FUNCTION edition_immutable()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE edition`);
    await q.query(`DROP FUNCTION edition_immutable()`);
  }
}
