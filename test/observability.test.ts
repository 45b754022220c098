import type { DataSource } from 'typeorm';
import { appDataSourceFor, TEST_APP_PASSWORD } from './support/app-role';
import { loadConfig } from '../src/config';
import { createCapturingLogger } from '../src/common/logger';
import { createServer, type AppServer } from '../src/server';
import { createTestDatabase, type TestDatabase } from './support/database';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './support/server';

const METRICS_TOKEN = 'metrics-token-for-the-tests';

/** What an operator sees: one JSON line per request without secrets, and Prometheus metrics. */
describe('request logs and metrics', () => {
  let db: TestDatabase;
  let server: AppServer;
  let base: string;
  let lines: Array<Record<string, any>>;

  let app: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const captured = createCapturingLogger('info');
    lines = captured.lines;
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      PORT: '0',
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_APP_PASSWORD: TEST_APP_PASSWORD,
      METRICS_TOKEN,
    });
    app = await appDataSourceFor(db.url);
    server = await createServer(config, app, captured.logger);
    base = `http://127.0.0.1:${await server.listen(0)}`;
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
    await db.drop();
  });

  async function post(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any; requestId: string }> {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json(), requestId: res.headers.get('x-request-id')! };
  }

  /** A route's line is written once its work is done, which may be just after its client has the answer. */
  async function lineFor(predicate: (line: Record<string, any>) => boolean) {
    for (let waited = 0; waited < 2000; waited += 20) {
      const found = lines.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  }

  const requestLine = (requestId: string) =>
    lines.find((l) => l.requestId === requestId && l.msg.startsWith('graphql request'));

  it('logs a sign-in and a query by ids, names and counts, never the password, the token or the e-mail', async () => {
    const email = 'editor.rs@demo.example';
    const login = await post(
      `
        mutation SignIn($input: LoginInput!) {
          login(input: $input) {
            token
            userErrors {
              code
            }
          }
        }
      `,
      { input: { email, password: DEMO_PASSWORD } },
    );
    const token: string = login.body.data.login.token;
    expect(token).toBeTruthy();
    const query = await post(
      `
        query MyCountries {
          countries {
            totalCount
          }
        }
      `,
      undefined,
      { authorization: `Bearer ${token}` },
    );
    expect(query.body.errors).toBeUndefined();
    const [{ id: userId, organisation_id: organisationId }] = await db.dataSource.query(
      `SELECT u.id, m.organisation_id FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.email = $1`,
      [email],
    );

    expect(requestLine(login.requestId)).toMatchObject({
      level: 'info',
      requestId: login.requestId,
      // The sign-in makes the request the user's: the line names who signed in, by id.
      viewer: 'user',
      userId,
      operationType: 'mutation',
      operationName: 'SignIn',
      variables: ['input'],
      status: 200,
    });
    const line = requestLine(query.requestId)!;
    expect(line).toMatchObject({
      level: 'info',
      requestId: query.requestId,
      viewer: 'user',
      userId,
      organisationId,
      role: 'COUNTRY_EDITOR',
      operationType: 'query',
      operationName: 'MyCountries',
      variables: [],
      status: 200,
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(line.statements).toBeGreaterThan(0);
    expect(line).not.toHaveProperty('errorCodes');
    const everything = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(everything).not.toContain(DEMO_PASSWORD);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(email);
  });

  it('logs each request to the plain HTTP routes (an export here), and a fault there with its stack', async () => {
    const [{ id: cycleId }] = await db.dataSource.query(
      `SELECT id FROM monitoring_cycle WHERE code = '2024'`,
    );
    const ok = await fetch(`${base}/exports/comparison.csv?cycleId=${cycleId}`);
    expect(ok.status).toBe(200);
    const okId = ok.headers.get('x-request-id')!;
    expect(await lineFor((l) => l.requestId === okId && l.msg === 'http request')).toMatchObject({
      viewer: 'anonymous',
      method: 'GET',
      route: '/exports/comparison.csv',
      status: 200,
      statements: Number(ok.headers.get('x-sql-statements')),
    });

    const refused = await fetch(`${base}/exports/comparison.csv?cycleId=${cycleId}`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(refused.status).toBe(401);
    const refusedId = refused.headers.get('x-request-id')!;
    expect(await lineFor((l) => l.requestId === refusedId && l.msg === 'http request')).toMatchObject({
      status: 401,
      statements: 0,
    });

    // The published comparison is read from its edition: with the table gone, the read fails in the driver.
    await db.dataSource.query(`ALTER TABLE edition RENAME TO edition_away`);
    let failed: Response;
    try {
      failed = await fetch(`${base}/exports/comparison.csv?cycleId=${cycleId}`);
    } finally {
      await db.dataSource.query(`ALTER TABLE edition_away RENAME TO edition`);
    }
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' },
    });
    const failedId = failed.headers.get('x-request-id')!;
    const fault = await lineFor((l) => l.requestId === failedId && l.level === 'error');
    expect(fault).toMatchObject({ msg: 'internal server error', error: { type: 'QueryFailedError' } });
    expect(fault!.error.stack).toMatch(/\n\s+at /);
    expect(await lineFor((l) => l.requestId === failedId && l.msg === 'http request failed')).toMatchObject({
      status: 500,
    });
  });

  it('logs a fault with its stack under the request id while the client reads only "Internal server error."', async () => {
    // A table that is gone makes every read of it fail inside the database driver.
    await db.dataSource.query(`ALTER TABLE country RENAME TO country_away`);
    let res;
    try {
      res = await post(`{ countries { totalCount } }`);
    } finally {
      await db.dataSource.query(`ALTER TABLE country_away RENAME TO country`);
    }
    expect(res.body.errors).toEqual([
      {
        message: 'Internal server error.',
        locations: [{ line: 1, column: 3 }],
        path: ['countries'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    const fault = lines.find((l) => l.requestId === res.requestId && l.level === 'error');
    expect(fault).toMatchObject({ msg: 'internal server error', error: { type: 'QueryFailedError' } });
    expect(fault!.error.message).toMatch(/relation "country" does not exist/);
    expect(fault!.error.stack).toMatch(/QueryFailedError[\s\S]*\n\s+at /);
    expect(requestLine(res.requestId)).toMatchObject({
      operationType: 'query',
      operationName: null,
      errorCodes: ['INTERNAL_SERVER_ERROR'],
    });
  });

  it('logs and counts a request refused while its caller is signed in, without the token', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged-signature';
    const res = await post(`{ me { id } }`, undefined, {
      authorization: `Bearer ${token}`,
      'x-request-id': 'refused-1',
    });
    expect(res.status).toBe(401);
    expect(res.requestId).toBe('refused-1');
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(requestLine('refused-1')).toMatchObject({
      msg: 'graphql request refused',
      status: 401,
      errorCodes: ['UNAUTHENTICATED'],
    });
    expect(JSON.stringify(lines)).not.toContain('forged-signature');
    const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(await metrics.text()).toMatch(/^graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]/m);
  });

  it('serves request, duration, error and pool metrics at /metrics to the holder of METRICS_TOKEN', async () => {
    await post(`
      query Countries {
        countries {
          totalCount
        }
      }
    `);
    await post(`
      query Countries {
        countries {
          totalCount
        }
      }
    `);
    const bad = await post(`
      {
        assessment(id: "not-an-id") {
          id
        }
      }
    `);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const refused = await fetch(`${base}/metrics`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('graphql_requests_total');
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);

    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(
      /^graphql_requests_total\{operation_type="query",operation_name="Countries",outcome="success"\} 2$/m,
    );
    expect(text).toMatch(
      /^graphql_requests_total\{operation_type="query",operation_name="anonymous",outcome="error"\} [1-9]/m,
    );
    expect(text).toMatch(
      /^graphql_request_duration_seconds_bucket\{le="\+Inf",operation_type="query",outcome="success"\} [1-9]/m,
    );
    expect(text).toMatch(
      /^graphql_request_duration_seconds_count\{operation_type="query",outcome="success"\} [1-9]/m,
    );
    expect(text).toMatch(/^graphql_errors_total\{code="BAD_USER_INPUT"\} 1$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\} 1$/m);
    expect(text).toMatch(/^db_pool_connections [1-9]\d*$/m);
    expect(text).toMatch(/^db_pool_idle_connections \d+$/m);
    expect(text).toMatch(/^db_pool_waiting_clients 0$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });
});

describe('LOG_LEVEL and METRICS_TOKEN settings', () => {
  const base = { NODE_ENV: 'development' };

  it('defaults to info, and to silent in tests unless LOG_LEVEL is set', () => {
    expect(loadConfig(base).logLevel).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({ ...base, LOG_LEVEL: 'SILENT' }).logLevel).toBe('silent');
  });

  it('refuses an unknown level and a short metrics token', () => {
    expect(() => loadConfig({ ...base, LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN must be at least 16/,
    );
    expect(loadConfig(base).metricsToken).toBeNull();
  });
});
