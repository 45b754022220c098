import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS = `ARRAY['assessment.submitted', 'assessment.approved', 'assessment.changes_requested', 'cycle.published']`;
const TABLES = 'webhook_subscription, webhook_delivery, webhook_delivery_attempt';

/**
 * Webhooks: an organisation's endpoints, and the deliveries queued for them. A delivery row is written in the
 * transaction of the change it announces, and it is the job itself: the worker claims due rows with
 * `FOR UPDATE SKIP LOCKED`, so the queue survives a restart and several instances can share it.
 */
export class Webhooks1764700000000 implements MigrationInterface {
  name = 'Webhooks1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000 AND url ~ '^https?://'),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
        events text[] NOT NULL CHECK (cardinality(events) >= 1 AND events <@ ${EVENTS}),
        secret text NOT NULL CHECK (length(secret) >= 32),
        previous_secret text CHECK (length(previous_secret) >= 32),
        previous_secret_expires_at timestamptz,
        enabled boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_subscription_previous_secret_pair
          CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL)),
        CONSTRAINT webhook_subscription_tenant_key UNIQUE (organisation_id, id)
      )`);
    await q.query(
      `CREATE INDEX webhook_subscription_organisation_idx ON webhook_subscription (organisation_id, created_at)`,
    );

    // The organisation is repeated on each delivery (and kept equal by the composite key) so that a tenant's
    // log is read, and may be guarded, without a join.
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        subscription_id uuid NOT NULL,
        event text NOT NULL CHECK (event = ANY (${EVENTS})),
        payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_attempt_at timestamptz,
        last_response_code integer CHECK (last_response_code BETWEEN 100 AND 599),
        last_error text CHECK (length(last_error) <= 1000),
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_delivery_subscription_fkey FOREIGN KEY (organisation_id, subscription_id)
          REFERENCES webhook_subscription (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT webhook_delivery_delivered CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX webhook_delivery_subscription_idx
      ON webhook_delivery (organisation_id, subscription_id, created_at)`);
    // What the worker polls: small, since only waiting deliveries are in it.
    await q.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at)
      WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_delivery_finished_idx ON webhook_delivery (created_at)
      WHERE status <> 'PENDING'`);

    await q.query(`
      CREATE TABLE webhook_delivery_attempt (
        delivery_id uuid NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
        attempt integer NOT NULL CHECK (attempt >= 1),
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        response_code integer CHECK (response_code BETWEEN 100 AND 599),
        error text CHECK (length(error) <= 1000),
        PRIMARY KEY (delivery_id, attempt)
      )`);

    // The application role, when the database has one, gets its grants here as well as through default
    // privileges, so that the order in which the two migrations ran does not matter.
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'indicators_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLES} TO indicators_app;
      END IF;
    END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'indicators_app') THEN
        REVOKE SELECT, INSERT, UPDATE, DELETE ON ${TABLES} FROM indicators_app;
      END IF;
    END $$`);
    await q.query(`DROP TABLE webhook_delivery_attempt`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_subscription`);
  }
}
