import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ConfigError, loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { defaultAppRole } from '../src/db/app-role-binding';
import { databaseUrlOn } from '../src/db/embedded';
import { startApi, type RunningApi } from '../src/start';
import { appDataSourceFor, TEST_APP_PASSWORD, TEST_JWT_SECRET } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { DEMO_PASSWORD } from './support/server';

/**
 * Two deployments on one PostgreSQL server, each with its own database and its own DATABASE_APP_PASSWORD, as a
 * staging and a production API share a managed server. Starting one must leave the other's login alone.
 */

/** Whether `password` is the one a SCRAM-SHA-256 verifier from pg_authid was made from (RFC 5802). */
function scramMatches(verifier: string, password: string): boolean {
  const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(verifier);
  if (!match) throw new Error(`not a SCRAM-SHA-256 verifier: ${verifier.slice(0, 20)}`);
  const salted = pbkdf2Sync(password, Buffer.from(match[2], 'base64'), Number(match[1]), 32, 'sha256');
  const storedKey = createHash('sha256')
    .update(createHmac('sha256', salted).update('Client Key').digest())
    .digest('base64');
  return storedKey === match[3];
}

async function onServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function passwordOf(role: string): Promise<string | null> {
  return onServer(process.env.TEST_PG_SERVER_URL!, async (c) => {
    const { rows } = await c.query(`SELECT rolpassword FROM pg_authid WHERE rolname = $1`, [role]);
    return rows[0]?.rolpassword ?? null;
  });
}

/** What `role` may do in the database at `url`: privileges on the schema `public` and its objects, and policies. */
async function rightsOf(url: string, role: string): Promise<string[]> {
  return onServer(url, async (c) => {
    const { rows } = await c.query(
      `WITH r AS (SELECT oid FROM pg_roles WHERE rolname = $1)
       SELECT c.relname || ' ' || a.privilege_type AS "right"
         FROM pg_class c, aclexplode(c.relacl) a, r WHERE c.relnamespace = 'public'::regnamespace AND a.grantee = r.oid
       UNION ALL SELECT p.proname || '() ' || a.privilege_type
         FROM pg_proc p, aclexplode(p.proacl) a, r WHERE p.pronamespace = 'public'::regnamespace AND a.grantee = r.oid
       UNION ALL SELECT 'schema ' || a.privilege_type
         FROM pg_namespace n, aclexplode(n.nspacl) a, r WHERE n.nspname = 'public' AND a.grantee = r.oid
       UNION ALL SELECT 'policy ' || tablename || '.' || policyname FROM pg_policies WHERE $1 = ANY (roles)
       ORDER BY 1`,
      [role],
    );
    return rows.map((row) => row.right);
  });
}

describe('deployments sharing a PostgreSQL server', () => {
  const deployments: Array<{ db: TestDatabase; password: string; dataDir: string; api?: RunningApi }> = [];

  beforeAll(async () => {
    for (const name of ['staging', 'production', 'upgraded']) {
      deployments.push({
        db: await createTestDatabase(),
        password: `password-of-the-${name}-deployment`,
        dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `shared-server-${name}-`)),
      });
    }
  });
  afterAll(async () => {
    for (const deployment of deployments) {
      await deployment.api?.stop();
      await deployment.db.drop();
      fs.rmSync(deployment.dataDir, { recursive: true, force: true });
    }
  });

  /** As `npm start` starts: migrations, the app's role and its login, then the server. */
  function start(
    deployment: (typeof deployments)[number],
    log: (line: string) => void = () => undefined,
    env: Record<string, string> = {},
  ): Promise<RunningApi> {
    const config = loadConfig({
      ...env,
      NODE_ENV: 'test',
      DATABASE_URL: deployment.db.url,
      DATABASE_APP_PASSWORD: deployment.password,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      DATA_DIR: deployment.dataDir,
      SEED_ON_START: 'false',
      WEBHOOK_WORKER: 'false',
    });
    return startApi(config, { log, logger: createLogger('silent') });
  }

  /** Signs in as the admin and reads the countries: what an operator tries first. */
  async function serves(api: RunningApi): Promise<number> {
    const post = async (query: string, variables: object, headers: Record<string, string> = {}) => {
      const response = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as any;
    };
    const login = await post(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
      input: { email: 'admin@demo.example', password: DEMO_PASSWORD },
    });
    const token: string = login.data.login.token;
    const read = await post('{ countries { nodes { code } } }', {}, { authorization: `Bearer ${token}` });
    return read.data.countries.nodes.length;
  }

  it('gives each database a role of its own, so that starting one never changes the other’s login', async () => {
    const [staging, production] = deployments;
    const pair = deployments.slice(0, 2);

    staging.api = await start(staging);
    expect(await serves(staging.api)).toBe(5);
    production.api = await start(production);
    expect(await serves(production.api)).toBe(5);
    // Started again, as after a deploy: the other deployment's login is still untouched.
    await staging.api.stop();
    staging.api = await start(staging);
    expect(await serves(staging.api)).toBe(5);
    expect(await serves(production.api)).toBe(5);

    // The role both databases used before keeps its password (the test run's), for whatever else still uses it.
    expect(scramMatches((await passwordOf('indicators_app'))!, TEST_APP_PASSWORD)).toBe(true);
    const roles = pair.map(({ db }) => `${db.name}_app`);
    for (const [i, { password }] of pair.entries()) {
      const verifier = await passwordOf(roles[i]);
      expect(verifier).not.toBeNull();
      expect(scramMatches(verifier!, password)).toBe(true);
      expect(scramMatches(verifier!, pair[1 - i].password)).toBe(false);
    }

    // Each database's role has exactly what the migrations give the app's role, which has nothing left there.
    const template = databaseUrlOn(process.env.TEST_PG_SERVER_URL!, process.env.TEST_TEMPLATE_DB!);
    const granted = await rightsOf(template, 'indicators_app');
    expect(granted).toEqual(
      expect.arrayContaining(['app_user SELECT', 'policy assessment.read', 'schema USAGE']),
    );
    for (const [i, { db }] of pair.entries()) {
      expect(await rightsOf(db.url, roles[i])).toEqual(granted);
      expect(await rightsOf(db.url, 'indicators_app')).toEqual([]);
    }

    // Each role reaches its own database only; in each, the policies are for that database's role.
    for (const [i, { db }] of pair.entries()) {
      const [reach] = await db.dataSource.query(
        `SELECT has_table_privilege($1, 'app_user', 'SELECT') AS own,
                has_table_privilege($2, 'app_user', 'SELECT') AS other,
                has_table_privilege('indicators_app', 'app_user', 'SELECT') AS shared`,
        [roles[i], roles[1 - i]],
      );
      expect(reach).toEqual({ own: true, other: false, shared: false });
      const policyRoles = await db.dataSource.query(
        `SELECT DISTINCT unnest(roles)::text AS role FROM pg_policies WHERE policyname <> 'maintenance'`,
      );
      expect(policyRoles).toEqual([{ role: roles[i] }]);
      // The search's cached row rules were made from the policies as bound, not as the migrations left them.
      const [cache] = await db.dataSource.query(
        `SELECT count(*)::int AS tables, count(*) FILTER (WHERE policies = search_policies())::int AS fresh,
           count(*) FILTER (WHERE rule = search_rule(tbl))::int AS same FROM search_rule_cache`,
      );
      expect(cache).toEqual({ tables: 6, fresh: 6, same: 6 });
      const [{ connected }] = await db.dataSource.query(
        `SELECT array_agg(DISTINCT usename::text) AS connected FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'indicators-api' AND usename <> current_user`,
      );
      expect(connected).toEqual([roles[i]]);
    }
  }, 120_000);

  it('keeps an older instance, still connected as indicators_app, serving until a later start finds it gone', async () => {
    const upgraded = deployments[2];
    const role = `${upgraded.db.name}_app`;
    const template = databaseUrlOn(process.env.TEST_PG_SERVER_URL!, process.env.TEST_TEMPLATE_DB!);
    const granted = await rightsOf(template, 'indicators_app');
    // An instance of the version before, serving this database as indicators_app during a rolling upgrade.
    const older = await appDataSourceFor(upgraded.db.url, 1);
    const readsAsOlder = async () =>
      (await older.query(`SELECT count(*)::int AS n FROM country`))[0].n as number;
    expect(await readsAsOlder()).toBe(5);

    const lines: string[] = [];
    upgraded.api = await start(upgraded, (line) => lines.push(line));
    expect(await serves(upgraded.api)).toBe(5);
    expect(await readsAsOlder()).toBe(5);
    expect(lines).toContain(
      `indicators_app is still connected to this database (an instance of an older version?): it keeps its ` +
        `rights here beside ${role} until a start finds it gone`,
    );
    expect(await rightsOf(upgraded.db.url, role)).toEqual(granted);
    expect(await rightsOf(upgraded.db.url, 'indicators_app')).toEqual(granted);

    // The older instance is replaced; the next start finishes the move.
    await older.destroy();
    await upgraded.api.stop();
    upgraded.api = await start(upgraded);
    expect(await serves(upgraded.api)).toBe(5);
    expect(await rightsOf(upgraded.db.url, role)).toEqual(granted);
    expect(await rightsOf(upgraded.db.url, 'indicators_app')).toEqual([]);
  }, 120_000);

  it('refuses a DATABASE_APP_ROLE that would bypass row-level security, before touching its login', async () => {
    const bypassing = `${process.env.TEST_RUN_ID}_bypassing`;
    await deployments[0].db.dataSource.query(`CREATE ROLE ${bypassing} NOLOGIN BYPASSRLS`);
    await expect(start(deployments[0], undefined, { DATABASE_APP_ROLE: bypassing })).rejects.toThrow(
      `The app's role ${bypassing} would bypass row-level security`,
    );
    const [role] = await deployments[0].db.dataSource.query(
      `SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = $1`,
      [bypassing],
    );
    expect(role).toEqual({ rolcanlogin: false, rolpassword: null });
    expect(await serves(deployments[0].api!)).toBe(5);
  });

  it('names the role after the database, within PostgreSQL’s 63 bytes, and checks DATABASE_APP_ROLE', () => {
    expect(defaultAppRole('indicators')).toBe('indicators_app');
    const long = 'š'.repeat(40);
    const longer = `${'š'.repeat(39)}x`;
    for (const name of [long, longer])
      expect(Buffer.byteLength(defaultAppRole(name))).toBeLessThanOrEqual(63);
    expect(defaultAppRole(long)).not.toBe(defaultAppRole(longer));

    const env = { DATABASE_URL: 'postgres://owner@db/indicators' };
    expect(loadConfig({ ...env, DATABASE_APP_ROLE: 'staging_app' }).databaseAppRole).toBe('staging_app');
    expect(loadConfig(env).databaseAppRole).toBeNull();
    for (const bad of ['Staging', 'pg_app', '1app', 'a"b', 'x'.repeat(64)]) {
      expect(() => loadConfig({ ...env, DATABASE_APP_ROLE: bad })).toThrow(ConfigError);
    }
    expect(() =>
      loadConfig({
        ...env,
        DATABASE_APP_ROLE: 'staging_app',
        DATABASE_APP_URL: 'postgres://production_app:secret@db/indicators',
      }),
    ).toThrow('DATABASE_APP_ROLE (staging_app) must be the user of DATABASE_APP_URL (production_app)');
  });
});
