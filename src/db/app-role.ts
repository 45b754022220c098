import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { escapeIdentifier, escapeLiteral } from 'pg';
import type { DataSource } from 'typeorm';
import { bindAppRole, checkAppRole, defaultAppRole } from './app-role-binding';
import { createDataSource } from './data-source';
import { storeRowSecurityKey } from './row-security-key';
import { withStartupLock } from './startup-lock';
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

/** The password of the app's role: DATABASE_APP_PASSWORD, or in development one made once under DATA_DIR. */
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

/** The settings that say which role the API serves as, and with which login. */
type AppRoleSettings = Pick<
  AppConfig,
  'databaseAppUrl' | 'databaseAppPassword' | 'dataDir' | 'nodeEnv' | 'jwtSecret'
> &
  Partial<Pick<AppConfig, 'databaseAppRole'>>;

/**
 * The role the API serves this database as: the user of DATABASE_APP_URL, else DATABASE_APP_ROLE, else the
 * database's own `<database>_app` (see defaultAppRole).
 */
export async function appRoleOf(owner: DataSource, config: AppRoleSettings): Promise<string> {
  const user = config.databaseAppUrl ? decodeURIComponent(new URL(config.databaseAppUrl).username) : '';
  if (user !== '') return user;
  if (config.databaseAppRole) return config.databaseAppRole;
  const [{ name }]: Array<{ name: string }> = await owner.query('SELECT current_database() AS name');
  return defaultAppRole(name);
}

/**
 * Lets `role` log in with `password`, creating it when it is missing. The role is this database's own (see
 * appRoleOf), so setting its password at each start changes no other deployment's login.
 */
async function letLogIn(owner: DataSource, role: string, password: string): Promise<void> {
  const exists = await checkAppRole(owner, role);
  const name = escapeIdentifier(role);
  const login = `LOGIN PASSWORD ${escapeLiteral(password)}`;
  try {
    if (!exists) {
      await owner
        .query(`CREATE ROLE ${name} ${login} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT`)
        .catch(async (error: { code?: string }) => {
          // Made in the meantime by a start on another database that names the same role.
          if (error.code !== '42710') throw error;
          await owner.query(`ALTER ROLE ${name} WITH ${login}`);
        });
    } else {
      await owner.query(`ALTER ROLE ${name} WITH ${login}`);
    }
  } catch (error) {
    throw new Error(
      `Could not let ${role} log in (${(error as Error).message}). Give the owner of the database the ` +
        `CREATEROLE privilege, or create the login yourself and set DATABASE_APP_URL.`,
      { cause: error },
    );
  }
}

/**
 * Stores the key that seals the row-level security settings (src/db/row-security-key.ts), makes the app's role
 * (appRoleOf) the one the grants and policies of this database are for (src/db/app-role-binding.ts), and gives
 * the URL the API's own pool connects with. DATABASE_APP_URL is used as it is (the operator made the login);
 * otherwise the owner lets the role log in with DATABASE_APP_PASSWORD (or, in development, a password made
 * once and kept under DATA_DIR) and the URL is the owner's with those credentials. All of it runs under the
 * start-up lock, one instance after the other.
 */
export async function prepareAppConnection(
  owner: DataSource,
  ownerUrl: string,
  config: AppRoleSettings,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  return withStartupLock(ownerUrl, async () => {
    // Before anything else: without the key of this deployment's secret, no sign-in could seal its settings.
    await storeRowSecurityKey(owner, resolveJwtSecret(config));
    const role = await appRoleOf(owner, config);
    const password = config.databaseAppUrl ? null : appRolePassword(config);
    if (password !== null) await letLogIn(owner, role, password);
    const kept = await owner.transaction((m) => bindAppRole(m, role));
    for (const other of kept) {
      log(
        `${other} is still connected to this database (an instance of an older version?): it keeps its rights ` +
          `here beside ${role} until a start finds it gone`,
      );
    }
    return password === null ? (config.databaseAppUrl as string) : withCredentials(ownerUrl, role, password);
  });
}

/**
 * Lets the app's role log in (see `prepareAppConnection`), closes the owner's connection, and opens the
 * DataSource the API serves requests with.
 */
export async function openAppDataSource(
  owner: DataSource,
  ownerUrl: string,
  config: AppRoleSettings & Pick<AppConfig, 'logSql' | 'databaseReplicaUrls'>,
  log?: (line: string) => void,
): Promise<DataSource> {
  const url = await prepareAppConnection(owner, ownerUrl, config, log);
  await owner.destroy();
  const dataSource = createDataSource({
    url,
    logSql: config.logSql,
    replicaUrls: config.databaseReplicaUrls,
  });
  await dataSource.initialize();
  return dataSource;
}
