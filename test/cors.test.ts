import { ConfigError, DEV_CORS_ORIGINS, loadConfig } from '../src/config';
import { createServer, type AppServer } from '../src/server';
import { appDataSourceFor, TEST_APP_PASSWORD, TEST_JWT_SECRET } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const APP = 'https://app.example.org';
const OTHER = 'https://elsewhere.example.com';
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'if-none-match',
];
const EXPOSED_HEADERS = ['x-request-id', 'etag', 'retry-after', 'x-sql-statements', 'x-cache'];

type Headers = Record<string, string>;

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

async function call(base: string, route: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${base}${route}`, init);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}

function preflight(base: string, route: string, origin: string, method: string, headers = 'content-type') {
  return call(base, route, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });
}

const listOf = (value: string | undefined) =>
  (value ?? '').split(',').map((item) => item.trim().toLowerCase());
const corsHeadersOf = (answer: Answer) =>
  Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'));

function expectAllowance(answer: Answer, origin: string, methods: string[]) {
  expect(answer.status).toBe(204);
  expect(answer.body).toBe('');
  expect(answer.headers['access-control-allow-origin']).toBe(origin);
  expect(answer.headers['access-control-allow-credentials']).toBe('true');
  expect(listOf(answer.headers['access-control-allow-methods']).sort()).toEqual(
    methods.map((m) => m.toLowerCase()).sort(),
  );
  expect(listOf(answer.headers['access-control-allow-headers'])).toEqual(
    expect.arrayContaining(ALLOWED_HEADERS),
  );
  expect(Number(answer.headers['access-control-max-age'])).toBeGreaterThanOrEqual(60);
  expect(listOf(answer.headers.vary)).toContain('origin');
}

function expectRefusedPreflight(answer: Answer) {
  expect(answer.status).toBe(403);
  expect(corsHeadersOf(answer)).toEqual([]);
  expect(listOf(answer.headers.vary)).toContain('origin');
  expect(JSON.parse(answer.body)).toEqual({
    error: { code: 'FORBIDDEN', message: expect.any(String), setting: 'CORS_ORIGINS' },
  });
}

const TYPENAME = JSON.stringify({ query: '{ __typename }' });

describe('CORS_ORIGINS', () => {
  const base = { JWT_SECRET: TEST_JWT_SECRET, DATABASE_APP_PASSWORD: TEST_APP_PASSWORD };
  const production = { ...base, NODE_ENV: 'production', DATABASE_URL: 'postgres://db/indicators' };

  it('lets the local dev servers in outside production, and no origin in production unless set', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).cors).toEqual({
      origins: DEV_CORS_ORIGINS,
      anyOrigin: false,
    });
    expect(DEV_CORS_ORIGINS).toEqual(
      expect.arrayContaining(['http://localhost:5173', 'http://127.0.0.1:5173']),
    );
    expect(loadConfig(production).cors).toEqual({ origins: [], anyOrigin: false });
    expect(loadConfig({ ...production, CORS_ORIGINS: ` ${APP}, http://[::1]:8080,*,` }).cors).toEqual({
      origins: [APP, 'http://[::1]:8080'],
      anyOrigin: true,
    });
    expect(loadConfig({ ...base, CORS_ORIGINS: 'none' }).cors).toEqual({ origins: [], anyOrigin: false });
  });

  it.each([
    ['https://app.example.org/', 'did you mean "https://app.example.org"'],
    ['https://app.example.org/app', 'did you mean "https://app.example.org"'],
    ['https://App.Example.org', 'did you mean "https://app.example.org"'],
    ['https://app.example.org:443', 'did you mean "https://app.example.org"'],
    ['https://app.example.org?x=1', 'did you mean'],
    ['https://user@app.example.org', 'did you mean'],
    ['app.example.org', 'got "app.example.org"'],
    ['ftp://files.example.org', 'got "ftp://files.example.org"'],
    ['https://*.example.org', 'no wildcard'],
    ['null', 'got "null"'],
  ])('refuses %s with a problem that names CORS_ORIGINS', (value, hint) => {
    let error: unknown;
    try {
      loadConfig({ ...production, CORS_ORIGINS: `${APP},${value}` });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^CORS_ORIGINS must list origins such as https:\/\/app\.example\.org/);
    expect(problems[0]).toContain(hint);
  });
});

describe('cross-origin requests', () => {
  let db: TestDatabase;
  let listed: TestServer;
  let open: TestServer;
  let closed: TestServer;
  let url: string;
  let signedIn: Headers;

  beforeAll(async () => {
    db = await createTestDatabase();
    listed = await startTestServer(db, { CORS_ORIGINS: APP, RATE_LIMIT_IP: '1000' });
    open = await startTestServer(db, { CORS_ORIGINS: `*,${APP}` });
    closed = await startTestServer(db, { CORS_ORIGINS: 'none' });
    url = new URL(listed.url).origin;
    signedIn = await signIn(listed, 'editor.rs@demo.example');
  });

  afterAll(async () => {
    await listed?.close();
    await open?.close();
    await closed?.close();
    await db?.drop();
  });

  it.each([
    ['/graphql', 'POST', ['GET', 'POST']],
    ['/graphql', 'GET', ['GET', 'POST']],
    ['/evidence/1/file', 'PUT', ['GET', 'PUT', 'DELETE']],
    ['/evidence/1/file', 'DELETE', ['GET', 'PUT', 'DELETE']],
    ['/exports/assessments.csv', 'GET', ['GET']],
    ['/imports/assessments?cycleId=1&countryCode=RS', 'POST', ['POST']],
    ['/open-data/editions.atom', 'GET', ['GET']],
  ])(
    'answers the preflight of %s %s from a listed origin with its allowance',
    async (route, method, methods) => {
      const answer = await preflight(
        url,
        route,
        APP,
        method,
        'authorization, content-type, apollo-require-preflight',
      );
      expectAllowance(answer, APP, methods);
    },
  );

  it('refuses the preflight of an origin not listed, of a method the route does not answer, of an unknown header', async () => {
    for (const route of [
      '/graphql',
      '/evidence/1/file',
      '/exports/assessments.csv',
      '/imports/assessments',
    ]) {
      expectRefusedPreflight(await preflight(url, route, OTHER, 'POST'));
    }
    expectRefusedPreflight(await preflight(url, '/exports/assessments.csv', APP, 'DELETE'));
    expectRefusedPreflight(await preflight(url, '/graphql', APP, 'POST', 'content-type, x-secret'));
  });

  it('gives a listed origin its own origin and the exposed headers on a real answer, signed in or not', async () => {
    for (const headers of [{}, signedIn]) {
      const answer = await call(url, '/graphql', {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json', ...headers },
        body: TYPENAME,
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).errors).toBeUndefined();
      expect(answer.headers['access-control-allow-origin']).toBe(APP);
      expect(answer.headers['access-control-allow-credentials']).toBe('true');
      expect(listOf(answer.headers['access-control-expose-headers'])).toEqual(
        expect.arrayContaining(EXPOSED_HEADERS),
      );
      expect(answer.headers['x-request-id']).toBeTruthy();
      expect(answer.headers['x-sql-statements']).toMatch(/^\d+$/);
      expect(listOf(answer.headers.vary)).toContain('origin');
    }
    const download = await call(url, '/exports/assessments.csv', { headers: { origin: APP, ...signedIn } });
    expect(download.headers['access-control-allow-origin']).toBe(APP);
    // The open data of published editions: a page on another origin reads the feed as it reads the API.
    const feed = await call(url, '/open-data/editions.atom', { headers: { origin: APP } });
    expect(feed.status).toBe(200);
    expect(feed.headers['access-control-allow-origin']).toBe(APP);
    expect(listOf(download.headers['access-control-expose-headers'])).toEqual(
      expect.arrayContaining(EXPOSED_HEADERS),
    );
  });

  it('keeps Vary: Origin on an answer a shared cache may keep, computed or served from the cache', async () => {
    const [{ id }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2024'`);
    const body = JSON.stringify({ query: `{ comparison(cycleId: "${id}") { cycle { code } } }` });
    for (const cache of ['miss', 'hit']) {
      const answer = await call(url, '/graphql', {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json' },
        body,
      });
      expect(answer.headers['x-cache']).toBe(cache);
      expect(answer.headers.etag).toBeTruthy();
      expect(answer.headers['access-control-allow-origin']).toBe(APP);
      expect(listOf(answer.headers.vary)).toEqual(expect.arrayContaining(['origin', 'authorization']));
    }
  });

  it('gives an origin not listed no CORS header on its answers', async () => {
    const answer = await call(url, '/graphql', {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: TYPENAME,
    });
    expect(corsHeadersOf(answer)).toEqual([]);
    expect(listOf(answer.headers.vary)).toContain('origin');
  });

  it('still refuses a request a browser sends cross-site without a preflight, from any origin', async () => {
    for (const origin of [OTHER, APP]) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const post = await call(url, '/graphql', {
          method: 'POST',
          headers: { origin, 'content-type': type },
          body: TYPENAME,
        });
        expect(post.status).toBe(400);
        expect(post.body).toMatch(/Cross-Site Request Forgery/);
        if (origin === OTHER) expect(corsHeadersOf(post)).toEqual([]);
      }
      const get = await call(url, `/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { origin },
      });
      expect(get.status).toBe(400);
      expect(get.body).toMatch(/Cross-Site Request Forgery/);
    }
    const json = await call(url, `/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { origin: APP, 'apollo-require-preflight': 'true' },
    });
    expect(json.status).toBe(200);
    expect(json.headers['access-control-allow-origin']).toBe(APP);
  });

  it('under * lets any origin read anonymously, never with credentials or an Authorization header', async () => {
    const base = new URL(open.url).origin;
    const anonymous = await preflight(
      base,
      '/graphql',
      OTHER,
      'POST',
      'content-type, apollo-require-preflight',
    );
    expect(anonymous.status).toBe(204);
    expect(anonymous.headers['access-control-allow-origin']).toBe('*');
    expect(anonymous.headers['access-control-allow-credentials']).toBeUndefined();
    expect(listOf(anonymous.headers['access-control-allow-headers'])).not.toContain('authorization');
    expectRefusedPreflight(await preflight(base, '/graphql', OTHER, 'POST', 'authorization, content-type'));
    expectAllowance(await preflight(base, '/graphql', APP, 'POST', 'authorization, content-type'), APP, [
      'GET',
      'POST',
    ]);

    const read = await call(base, '/graphql', {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: TYPENAME,
    });
    expect(read.status).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBe('*');
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
    expect(listOf(read.headers['access-control-expose-headers'])).toEqual(
      expect.arrayContaining(EXPOSED_HEADERS),
    );
    const withToken = await call(base, '/graphql', {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json', ...signedIn },
      body: TYPENAME,
    });
    expect(corsHeadersOf(withToken)).toEqual([]);
    const listedWithToken = await call(base, '/graphql', {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json', ...signedIn },
      body: TYPENAME,
    });
    expect(listedWithToken.headers['access-control-allow-origin']).toBe(APP);
  });

  it('answers no preflight when no origin is set', async () => {
    const answer = await preflight(new URL(closed.url).origin, '/graphql', APP, 'POST');
    expect(answer.status).not.toBe(204);
    expect(corsHeadersOf(answer)).toEqual([]);
  });
});

describe('preflights and the limits', () => {
  let db: TestDatabase;
  let server: AppServer;
  let url: string;
  let appDataSource: Awaited<ReturnType<typeof appDataSourceFor>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_APP_PASSWORD: TEST_APP_PASSWORD,
      CORS_ORIGINS: APP,
      // Three requests: the one that waits for the held connection, and two more.
      RATE_LIMIT_IP: '3',
      RATE_LIMIT_WINDOW_SECONDS: '600',
    });
    // One connection, so the test can hold it and show a preflight needs none.
    appDataSource = await appDataSourceFor(db.url, 1);
    server = await createServer(config, appDataSource);
    url = `http://127.0.0.1:${await server.listen(0)}`;
  });

  afterAll(async () => {
    await server?.close();
    await appDataSource?.destroy();
    await db?.drop();
  });

  it('answers a preflight while every database connection is taken', async () => {
    const runner = appDataSource.createQueryRunner();
    await runner.connect();
    try {
      // The one connection is taken: a request that needs it gets no answer in time.
      const waiting = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json' },
        body: TYPENAME,
        signal: AbortSignal.timeout(1500),
      }).then(
        (response) => response.status,
        () => 'no answer',
      );
      expect(waiting).not.toBe(200);
      const answers = await Promise.all([
        preflight(url, '/graphql', APP, 'POST'),
        preflight(url, '/evidence/1/file', APP, 'PUT'),
        preflight(url, '/exports/assessments.csv', APP, 'GET'),
        preflight(url, '/imports/assessments', APP, 'POST'),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204, 204]);
    } finally {
      await runner.release();
    }
  });

  it('does not count preflights against the rate limit, and lets the page read a refusal', async () => {
    for (let i = 0; i < 5; i++) expect((await preflight(url, '/graphql', APP, 'POST')).status).toBe(204);
    const post = () =>
      call(url, '/graphql', {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json' },
        body: TYPENAME,
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.headers['access-control-allow-origin']).toBe(APP);
    expect(listOf(refused.headers['access-control-expose-headers'])).toContain('retry-after');
    expect((await preflight(url, '/graphql', APP, 'POST')).status).toBe(204);
  });
});
