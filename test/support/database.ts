import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { databaseUrlOn } from '../../src/db/embedded';

export interface TestDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest so that the global setup runs`);
  return value;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: env('TEST_PG_SERVER_URL') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of the test file's own: a copy of the migrated and seeded template (`seeded`), or an empty one
 * (`empty`, for migration tests).
 */
export async function createTestDatabase(kind: 'seeded' | 'empty' = 'seeded'): Promise<TestDatabase> {
  const name = `${env('TEST_RUN_ID')}_${randomBytes(4).toString('hex')}`;
  await admin((c) =>
    c.query(
      kind === 'seeded'
        ? `CREATE DATABASE "${name}" TEMPLATE "${env('TEST_TEMPLATE_DB')}"`
        : `CREATE DATABASE "${name}"`,
    ),
  );
  const url = databaseUrlOn(env('TEST_PG_SERVER_URL'), name);
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  return {
    name,
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
