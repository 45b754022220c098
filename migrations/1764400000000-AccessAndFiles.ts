import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys for integrators, one-time setup tokens for invited users, and files attached to evidence. */
export class AccessAndFiles1764400000000 implements MigrationInterface {
  name = 'AccessAndFiles1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        created_by uuid NOT NULL REFERENCES app_user(id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        prefix text NOT NULL UNIQUE CHECK (prefix ~ '^[a-f0-9]{12}$'),
        key_hash text NOT NULL CHECK (key_hash ~ '^[a-f0-9]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_key_organisation_idx ON api_key (organisation_id, created_at)`);

    await q.query(`ALTER TABLE app_user
      ADD COLUMN setup_token_hash text UNIQUE CHECK (setup_token_hash ~ '^[a-f0-9]{64}$'),
      ADD COLUMN setup_token_expires_at timestamptz,
      ADD CONSTRAINT app_user_setup_token_pair CHECK ((setup_token_hash IS NULL) = (setup_token_expires_at IS NULL))`);

    await q.query(`ALTER TABLE evidence
      ADD COLUMN file_key text CHECK (length(file_key) BETWEEN 1 AND 300),
      ADD COLUMN file_name text CHECK (length(btrim(file_name)) BETWEEN 1 AND 255),
      ADD COLUMN file_mime text CHECK (file_mime IN (
        'application/pdf', 'application/msword', 'application/vnd.ms-excel',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'image/png', 'image/jpeg', 'image/gif', 'image/webp')),
      ADD COLUMN file_size bigint CHECK (file_size > 0),
      ADD COLUMN file_sha256 text CHECK (file_sha256 ~ '^[a-f0-9]{64}$'),
      ADD CONSTRAINT evidence_file_complete CHECK (
        (file_key IS NULL AND file_name IS NULL AND file_mime IS NULL AND file_size IS NULL AND file_sha256 IS NULL) OR
        (file_key IS NOT NULL AND file_name IS NOT NULL AND file_mime IS NOT NULL AND file_size IS NOT NULL AND file_sha256 IS NOT NULL))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evidence DROP CONSTRAINT evidence_file_complete,
      DROP COLUMN file_sha256, DROP COLUMN file_size, DROP COLUMN file_mime, DROP COLUMN file_name, DROP COLUMN file_key`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_setup_token_pair,
      DROP COLUMN setup_token_expires_at, DROP COLUMN setup_token_hash`);
    await q.query(`DROP TABLE api_key`);
  }
}
