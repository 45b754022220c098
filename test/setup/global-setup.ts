import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { APP_ROLE, prepareAppConnection } from '../../src/db/app-role';
import { createDataSource } from '../../src/db/data-source';
import { databaseUrlOn, startEmbeddedPostgres } from '../../src/db/embedded';
import { seedDemoData } from '../../src/seed/seed';
import { freePort } from '../support/net';
import { TEST_APP_PASSWORD, TEST_JWT_SECRET } from '../support/app-role';

/**
 * Prepares one run: a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL when set, else an embedded one in a
 * temporary directory) and a template database with the migrations and the demo data, which every test file
 * copies into a database of its own. Everything the run creates is dropped by the teardown.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `itest_${process.pid}_${randomBytes(3).toString('hex')}`;
  const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let serverUrl: string;
  if (configured) {
    serverUrl = databaseUrlOn(configured, 'postgres');
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicators-pg-'));
    fs.chmodSync(dataDir, 0o777);
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'data'),
      port: await freePort(),
      persistent: false,
      // The tests run as root in CI, from a checkout that may sit in a private directory.
      grantSearchAbovePackage: true,
    });
    (globalThis as Record<string, unknown>).__embeddedPostgres = embedded;
    (globalThis as Record<string, unknown>).__embeddedPostgresDir = dataDir;
    serverUrl = embedded.serverUrl;
  }
  const template = `${runId}_tpl`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  const ds = createDataSource({ url: databaseUrlOn(serverUrl, template), poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemoData(ds);
  // The servers of the tests connect as the app's role, as in production; the password is the run's own. Every
  // database of the run is a copy of the template, so they all name the same role: indicators_app.
  await prepareAppConnection(ds, databaseUrlOn(serverUrl, template), {
    databaseAppUrl: null,
    databaseAppRole: APP_ROLE,
    jwtSecret: TEST_JWT_SECRET,
    databaseAppPassword: TEST_APP_PASSWORD,
    dataDir: os.tmpdir(),
    nodeEnv: 'test',
  });
  await ds.destroy();
  process.env.DATABASE_APP_PASSWORD = TEST_APP_PASSWORD;

  process.env.TEST_PG_SERVER_URL = serverUrl;
  process.env.TEST_RUN_ID = runId;
  process.env.TEST_TEMPLATE_DB = template;
  process.env.NODE_ENV = 'test';
}
