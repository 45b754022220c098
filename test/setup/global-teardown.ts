import fs from 'node:fs';
import { Client } from 'pg';
import type { EmbeddedDatabase } from '../../src/db/embedded';

/** Drops every database this run created, then stops the embedded server if the run started one. */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TEST_PG_SERVER_URL;
  const runId = process.env.TEST_RUN_ID;
  if (serverUrl && runId) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${runId}\\_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    // The roles the API made for the run's databases (`<database>_app`) outlive them: roles are the server's.
    const roles = await admin.query<{ rolname: string }>(
      `SELECT rolname FROM pg_roles WHERE rolname LIKE $1`,
      [`${runId}\\_%`],
    );
    for (const { rolname } of roles.rows)
      await admin.query(`DROP ROLE IF EXISTS "${rolname}"`).catch(() => undefined);
    await admin.end();
  }
  const embedded = (globalThis as Record<string, unknown>).__embeddedPostgres as EmbeddedDatabase | undefined;
  await embedded?.stop();
  const dir = (globalThis as Record<string, unknown>).__embeddedPostgresDir as string | undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
