import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { escapeLiteral } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { storeRowSecurityKey } from './row-security-key';
import { resolveJwtSecret } from '../modules/auth/token';
import type { AppConfig } from '../config';
import { APP_ROLE } from '../../migrations/1764600000000-RowLevelSecurity';

export { APP_ROLE };

/** `url` with its user and password replaced. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The password of `indicators_app`: DATABASE_APP_PASSWORD, or in development one made once under DATA_DIR. */
export function appRolePassword(
  config: Pick<AppConfig, 'databaseAppPassword' | 'dataDir' | 'nodeEnv'>,
): string {
  if (config.databaseAppPassword) return config.databaseAppPassword;
  if (config.nodeEnv === 'production') {
    throw new Error('DATABASE_APP_URL or DATABASE_APP_PASSWORD is required when NODE_ENV=production');
  }
  const file = path.join(config.dataDir, 'database-app-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Stores the key that seals the row-level security settings (src/db/row-security-key.ts), then gives the URL
 * the API's own pool connects with. DATABASE_APP_URL is used as it is (the operator made the login);
 * otherwise the owner lets `indicators_app` log in with DATABASE_APP_PASSWORD (or, in development, a password
 * made once and kept under DATA_DIR) and the URL is the owner's with those credentials.
 */
export async function prepareAppConnection(
  owner: DataSource,
  ownerUrl: string,
  config: Pick<AppConfig, 'databaseAppUrl' | 'databaseAppPassword' | 'dataDir' | 'nodeEnv' | 'jwtSecret'>,
): Promise<string> {
  // Before anything else: without the key of this deployment's secret, no sign-in could seal its settings.
  await storeRowSecurityKey(owner, resolveJwtSecret(config));
  if (config.databaseAppUrl) return config.databaseAppUrl;
  const password = appRolePassword(config);
  try {
    await owner.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${escapeLiteral(password)}`);
  } catch (error) {
    throw new Error(
      `Could not let ${APP_ROLE} log in (${(error as Error).message}). Give the owner of the database the ` +
        `CREATEROLE privilege, or create the login yourself and set DATABASE_APP_URL.`,
      { cause: error },
    );
  }
  return withCredentials(ownerUrl, APP_ROLE, password);
}

/**
 * Lets the app's role log in (see `prepareAppConnection`), closes the owner's connection, and opens the
 * DataSource the API serves requests with.
 */
export async function openAppDataSource(
  owner: DataSource,
  ownerUrl: string,
  config: Pick<
    AppConfig,
    | 'databaseAppUrl'
    | 'databaseAppPassword'
    | 'dataDir'
    | 'nodeEnv'
    | 'logSql'
    | 'databaseReplicaUrls'
    | 'jwtSecret'
  >,
): Promise<DataSource> {
  const url = await prepareAppConnection(owner, ownerUrl, config);
  await owner.destroy();
  const dataSource = createDataSource({
    url,
    logSql: config.logSql,
    replicaUrls: config.databaseReplicaUrls,
  });
  await dataSource.initialize();
  return dataSource;
}
