import path from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config';
import { databaseUrlOn, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export const EMBEDDED_DATABASE_NAME = 'indicators';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

/** Creates `database` on the server unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database to use: DATABASE_URL when set, else an embedded server with its files under DATA_DIR.
 * `callerStopsOnSignals`: the caller stops the embedded server itself on SIGINT and SIGTERM, after its own work.
 */
export async function resolveDatabase(
  config: AppConfig,
  log: (line: string) => void,
  options: { callerStopsOnSignals?: boolean } = {},
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const dataDir = path.join(config.dataDir, 'postgres');
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: config.embeddedPgPort,
    grantSearchAbovePackage: config.embeddedPgGrantSearch,
    callerStopsOnSignals: options.callerStopsOnSignals,
  });
  await ensureDatabase(embedded.serverUrl, EMBEDDED_DATABASE_NAME);
  const url = databaseUrlOn(embedded.serverUrl, EMBEDDED_DATABASE_NAME);
  log(`Embedded PostgreSQL running at ${url.replace(/:[^:@/]+@/, ':***@')} with its data in ${dataDir}`);
  if (embedded.legacyPassword) {
    log(
      `The embedded PostgreSQL was created with the old fixed superuser password; to replace it, run ` +
        `ALTER ROLE postgres PASSWORD '<new>' on it and write the new password to ${embedded.passwordFile}`,
    );
  }
  return { url, embedded };
}
