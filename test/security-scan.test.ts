import express from 'express';
import { createLogger } from '../src/common/logger';
import { ConfigError, loadConfig } from '../src/config';
import { graphqlFaults, MAX_JSON_DEPTH } from '../src/pipeline/limits/request-body';
import { MAX_VALIDATION_ERRORS } from '../src/pipeline/limits/validation-errors';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startTestServer, type TestServer } from './support/server';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: Record<string, any> | null;
    errors?: Array<{
      message: string;
      locations?: unknown[];
      extensions?: Record<string, unknown>;
    }>;
    extensions?: unknown;
  };
}

const PRODUCTION = { NODE_ENV: 'production', LOG_LEVEL: 'warn' };

/** What a stack trace, a source path or an exception object looks like in an answer. */
const INTERNALS = /\bat \S+ \(|\.ts:\d+|node_modules|"exception"|"stacktrace"|"tracing"/;

/**
 * The checks an external GraphQL security scanner (graphql-cop) makes, each against the production
 * configuration, with the scanner's own request and the condition under which it reports a finding. None may
 * report one above low severity.
 */
describe('security scan of the production configuration', () => {
  let db: TestDatabase;
  let api: TestServer;
  let introspectable: TestServer;

  async function send(server: TestServer, init: RequestInit & { path?: string } = {}): Promise<Answer> {
    const response = await fetch(`${server.url}${init.path ?? ''}`, init);
    const text = await response.text();
    let body: Answer['body'] = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = {};
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  /** The scanner's request: POST JSON, the operation named `cop`. */
  function scan(query: string, server = api): Promise<Answer> {
    return send(server, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName: 'cop' }),
    });
  }

  function post(body: string, server = api): Promise<Answer> {
    return send(server, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  }

  function get(params: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
    return send(api, { path: `?${new URLSearchParams(params)}`, headers });
  }

  function expectRefused(answer: Answer, code: string) {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.data ?? undefined).toBeUndefined();
    expect(answer.body.errors!.map((e) => e.extensions?.code)).toContain(code);
    expect(answer.text).not.toMatch(INTERNALS);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db, PRODUCTION);
    introspectable = await startTestServer(db, { ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' });
  });
  afterAll(async () => {
    await api.close();
    await introspectable.close();
    await db.drop();
  });

  describe('denial of service', () => {
    it('refuses alias overloading: 101 aliases of __typename', async () => {
      const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename`).join('\n');
      const answer = await scan(`query cop { ${aliases} }`);
      expectRefused(answer, 'BAD_USER_INPUT');
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ setting: 'GRAPHQL_MAX_ALIASES' }) }),
      ]);
    });

    it('refuses a batch of ten operations sent as a JSON array', async () => {
      const answer = await post(
        JSON.stringify(Array.from({ length: 10 }, () => ({ query: 'query cop { __typename }' }))),
      );
      expectRefused(answer, 'BAD_REQUEST');
      expect(Array.isArray(answer.body)).toBe(false);
    });

    it('runs only the named operation of a document with several, and none when none is named', async () => {
      const query = 'query a { first: __typename } query b { second: __typename }';
      expectRefused(await post(JSON.stringify({ query })), 'OPERATION_RESOLUTION_FAILURE');
      const named = await post(JSON.stringify({ query, operationName: 'b' }));
      expect(named.status).toBe(200);
      expect(named.body).toEqual({ data: { second: 'Query' } });
    });

    it('answers ten copies of one unknown directive with one error, at all ten places', async () => {
      const answer = await scan('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
      expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED');
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors![0].message).toBe('Unknown directive "@aa".');
      expect(answer.body.errors![0].locations).toHaveLength(10);
    });

    it.each([
      ['unknown', `{ __typename ${'@a'.repeat(2400)} }`, 2400],
      ['repeated', `{ __typename ${'@include(if: true)'.repeat(700)} }`, 700],
      [
        'distinct unknown',
        `{ __typename ${Array.from({ length: 1500 }, (_, i) => `@d${i}`).join(' ')} }`,
        1500,
      ],
    ])(
      'refuses thousands of %s directives with one error naming GRAPHQL_MAX_DIRECTIVES',
      async (_kind, query, count) => {
        const answer = await post(JSON.stringify({ query }));
        expectRefused(answer, 'BAD_USER_INPUT');
        expect(answer.body.errors).toEqual([
          {
            message: `The operation uses ${count} directives; the limit is 20 (setting GRAPHQL_MAX_DIRECTIVES).`,
            extensions: {
              code: 'BAD_USER_INPUT',
              setting: 'GRAPHQL_MAX_DIRECTIVES',
              maximum: 20,
              actual: count,
            },
          },
        ]);
        expect(answer.text.length).toBeLessThan(300);
      },
    );

    it('refuses an operation over a limit with one error, whatever comes before it in the document', async () => {
      const mistakes = Array.from({ length: 40 }, (_, i) => `f${i}`).join(' ');
      const query = `query first { ${mistakes} } query cop { __typename ${'@a'.repeat(2000)} }`;
      const answer = await post(JSON.stringify({ query, operationName: 'cop' }));
      expectRefused(answer, 'BAD_USER_INPUT');
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors![0].extensions).toMatchObject({
        setting: 'GRAPHQL_MAX_DIRECTIVES',
        actual: 2000,
      });
    });

    it(`stops validating a document after ${MAX_VALIDATION_ERRORS} errors`, async () => {
      const fields = Array.from({ length: 1500 }, (_, i) => `f${i}`).join(' ');
      const answer = await post(JSON.stringify({ query: `{ ${fields} }` }));
      expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED');
      expect(answer.body.errors).toHaveLength(MAX_VALIDATION_ERRORS + 1);
      expect(answer.body.errors!.at(-1)!.message).toMatch(/error limit reached/);
      expect(answer.text.length).toBeLessThan(5000);
    });

    it('refuses the circular introspection query even where introspection is on', async () => {
      const query =
        'query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }';
      for (const server of [api, introspectable]) {
        const answer = await scan(query, server);
        expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED');
      }
      const refused = await scan(query, introspectable);
      expect(refused.body.errors!.map((e) => e.message)).toEqual(['Maximum introspection depth exceeded']);
    });
  });

  describe('information leakage', () => {
    it('refuses introspection', async () => {
      const answer = await scan('query cop { __schema { types { name fields { name } } } }');
      expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED');
    });

    it('suggests no field, introspection on or off', async () => {
      for (const server of [api, introspectable]) {
        const answer = await scan('query cop { __schema { directive } }', server);
        expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED');
        expect(answer.text).not.toMatch(/Did you mean/);
      }
    });

    it('sends no tracing, timing or stack trace with an answer', async () => {
      const answer = await scan('query cop { __typename }');
      expect(answer.body).toEqual({ data: { __typename: 'Query' } });
      const refused = await scan('query cop { __typename(x: 1) }');
      expectRefused(refused, 'GRAPHQL_VALIDATION_FAILED');
      for (const error of refused.body.errors!) expect(Object.keys(error.extensions!)).toEqual(['code']);
    });

    it('answers malformed requests 4xx in JSON, never with a stack trace or an internal error', async () => {
      const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
      const bodies: Array<[string, number, string]> = [
        [JSON.stringify({ query: 'qwerty cop { abc }', operationName: 'cop' }), 400, 'GRAPHQL_PARSE_FAILED'],
        ['{"query": "{ __typename', 400, 'BAD_REQUEST'],
        ['"{ __typename }"', 400, 'BAD_REQUEST'],
        ['null', 400, 'BAD_REQUEST'],
        ['{}', 400, 'BAD_REQUEST'],
        ['', 400, 'BAD_REQUEST'],
        [JSON.stringify({ query: 5 }), 400, 'BAD_REQUEST'],
        [JSON.stringify({ query: '{ __typename }', variables: '{}' }), 400, 'BAD_REQUEST'],
        [JSON.stringify({ query: '{ __typename }', variables: [1] }), 400, 'BAD_REQUEST'],
        [JSON.stringify({ query: '{ __typename }', operationName: 5 }), 400, 'BAD_REQUEST'],
        [JSON.stringify({ query: '{ __typename \u0000 }' }), 400, 'GRAPHQL_PARSE_FAILED'],
        [JSON.stringify({ query: 'subscription cop { __typename }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
        [`{"query": "{ __typename }", "variables": {"a": ${deep(5000)}}}`, 400, 'BAD_REQUEST'],
        [`{"query": "{ __typename }", "variables": {"a": ${deep(MAX_JSON_DEPTH)}}}`, 400, 'BAD_REQUEST'],
      ];
      for (const [body, status, code] of bodies) {
        const answer = await post(body);
        const shown = body.slice(0, 80);
        expect({ body: shown, status: answer.status }).toEqual({ body: shown, status });
        expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
        expectRefused(answer, code);
      }
      const deepGet = await get(
        { query: '{ __typename }', variables: `{"a": ${deep(2000)}}` },
        { 'apollo-require-preflight': 'true' },
      );
      expect(deepGet.status).toBe(400);
      expectRefused(deepGet, 'BAD_REQUEST');
      // One level less than the refusal is an ordinary request.
      const nested = await post(
        `{"query": "{ __typename }", "variables": {"a": ${deep(MAX_JSON_DEPTH - 2)}}}`,
      );
      expect(nested.body).toEqual({ data: { __typename: 'Query' } });
    });

    it('answers a failure of the steps before Apollo in JSON, with none of its details', async () => {
      const app = express();
      app.use(
        '/graphql',
        () => {
          throw new Error('relation "secret" does not exist');
        },
        graphqlFaults(createLogger('silent')),
      );
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as { port: number };
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST' });
        expect(res.status).toBe(500);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        const text = await res.text();
        expect(JSON.parse(text)).toEqual({
          errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
        expect(text).not.toMatch(/secret|Error:/);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('cross-site request forgery', () => {
    it('refuses a query sent with GET without a header a browser would have to ask permission for', async () => {
      const answer = await get({ query: 'query cop {__typename}' });
      expectRefused(answer, 'BAD_REQUEST');
      expect(answer.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
    });

    it('never runs a mutation sent with GET, with that header or without it', async () => {
      expectRefused(await get({ query: 'mutation cop {__typename}' }), 'BAD_REQUEST');
      const preflighted = await get(
        { query: 'mutation cop {__typename}' },
        { 'apollo-require-preflight': 'true' },
      );
      expect(preflighted.status).toBe(405);
      expectRefused(preflighted, 'BAD_REQUEST');
    });

    it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])(
      'refuses a POST of %s, which a browser sends cross-site without asking',
      async (type) => {
        const answer = await send(api, {
          method: 'POST',
          headers: { 'content-type': type },
          body: new URLSearchParams({ query: 'query cop { __typename }' }).toString(),
        });
        expectRefused(answer, 'BAD_REQUEST');
        expect(answer.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
      },
    );
  });

  describe('GraphiQL (setting GRAPHIQL)', () => {
    /** GraphiQL's page, as a browser asks for it; the scanner looks for these words in the answer. */
    async function page(server: TestServer): Promise<Answer> {
      return send(server, { headers: { accept: 'text/html' } });
    }
    const GRAPHIQL_MARKS = /GraphiQL|graphiql\.min\.css|GraphQL Playground|graphql-playground/;

    it('is on outside production and off in production unless set, and must be a boolean', () => {
      const production = {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x/y',
        DATABASE_APP_PASSWORD: 'y'.repeat(16),
        JWT_SECRET: 'x'.repeat(32),
      };
      expect(loadConfig({}).graphiql).toBe(true);
      expect(loadConfig({ NODE_ENV: 'test' }).graphiql).toBe(true);
      expect(loadConfig(production).graphiql).toBe(false);
      expect(loadConfig({ ...production, GRAPHIQL: 'true' }).graphiql).toBe(true);
      expect(loadConfig({ GRAPHIQL: 'false' }).graphiql).toBe(false);
      expect(() => loadConfig({ GRAPHIQL: 'sometimes' })).toThrow(ConfigError);
      expect(() => loadConfig({ GRAPHIQL: 'sometimes' })).toThrow(/GRAPHIQL must be true or false/);
    });

    it('serves neither the page nor its files in production, and says how to call the API', async () => {
      const enabled = await startTestServer(db, { ...PRODUCTION, GRAPHIQL: 'true' });
      try {
        const served = await page(enabled);
        expect(served.status).toBe(200);
        expect(served.text).toMatch(GRAPHIQL_MARKS);
        const assets = [...served.text.matchAll(/(?:href|src)="(\/graphiql\/assets\/[^"]+)"/g)].map(
          (m) => m[1],
        );
        expect(assets.length).toBeGreaterThan(3);
        const origin = (server: TestServer) => new URL(server.url).origin;
        expect((await fetch(origin(enabled) + assets[0])).status).toBe(200);

        const refused = await page(api);
        expect(refused.status).toBe(406);
        expect(refused.text).not.toMatch(GRAPHIQL_MARKS);
        expect(refused.body.errors).toEqual([
          {
            message: expect.stringMatching(/setting GRAPHIQL.*POST and a JSON body/),
            extensions: { code: 'BAD_REQUEST' },
          },
        ]);
        for (const asset of assets) expect((await fetch(origin(api) + asset)).status).toBe(404);
        const home = await fetch(`${origin(api)}/`);
        expect(await home.text()).not.toMatch(/GraphiQL/);
        // API clients are answered as before.
        expect((await api.query('{ __typename }')).data).toEqual({ __typename: 'Query' });
      } finally {
        await enabled.close();
      }
    });

    it('serves GraphiQL outside production by default', async () => {
      const development = await startTestServer(db);
      try {
        const served = await page(development);
        expect(served.status).toBe(200);
        expect(served.text).toMatch(/<title>GraphiQL/);
        const home = await fetch(`${new URL(development.url).origin}/`);
        expect(await home.text()).toMatch(/<a href="\/graphql">GraphiQL<\/a>/);
      } finally {
        await development.close();
      }
    });
  });
});
