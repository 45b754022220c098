import { getIntrospectionQuery } from 'graphql';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startTestServer, type TestServer } from './support/server';

/** What a production deployment tells a client: no schema it did not ask for, no internals. */
describe('production behaviour', () => {
  let db: TestDatabase;
  let api: TestServer;
  let introspectable: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    // LOG_LEVEL=warn: the faults this file provokes are logged, the request lines are not.
    api = await startTestServer(db, { NODE_ENV: 'production', LOG_LEVEL: 'warn' });
    introspectable = await startTestServer(db, {
      NODE_ENV: 'production',
      GRAPHQL_INTROSPECTION: 'true',
      LOG_LEVEL: 'warn',
    });
  });
  afterAll(async () => {
    await api.close();
    await introspectable.close();
    await db.drop();
  });

  function expectNoInternals(errors: Array<{ message: string; extensions?: Record<string, unknown> }>) {
    for (const error of errors) {
      expect(error.extensions).not.toHaveProperty('stacktrace');
      expect(error.message).not.toMatch(/Did you mean/);
    }
  }

  it('refuses introspection unless GRAPHQL_INTROSPECTION=true', async () => {
    for (const query of [`{ __schema { queryType { name } } }`, `{ __type(name: "Query") { name } }`]) {
      const res = await api.query(query);
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0].message).toMatch(/introspection is not allowed/i);
      expectNoInternals(res.errors!);
    }
    expect((await api.query(`{ __typename }`)).data).toEqual({ __typename: 'Query' });
  });

  it('answers the standard introspection query within every limit when it is turned on', async () => {
    const res = await introspectable.query(
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.__schema.types.length).toBeGreaterThan(50);
  });

  it('suggests no field, type or enum value in any error', async () => {
    const field = await api.query(`{ countrys { totalCount } }`);
    expect(field.status).toBe(400);
    expect(field.errors!.map((e) => e.message)).toEqual(['Cannot query field "countrys" on type "Query".']);

    const argument = await api.query(`{ countries(frist: 5) { totalCount } }`);
    expect(argument.errors!.map((e) => e.message)).toEqual([
      'Unknown argument "frist" on field "Query.countries".',
    ]);

    const enumValue = await api.query(
      `query($locale: Locale) { countries { nodes { name(locale: $locale) { text } } } }`,
      { locale: 'SR_LATNN' },
    );
    expect(enumValue.status).toBe(400);
    expect(enumValue.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(enumValue.errors![0].message).toMatch(/^Variable "\$locale" got invalid value "SR_LATNN"/);

    const inputField = await api.query(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
      input: { emial: 'a@demo.example', password: 'x' },
    });
    expect(inputField.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    for (const res of [field, argument, enumValue, inputField]) expectNoInternals(res.errors!);
  });

  it('sends no stack trace with an error the client caused', async () => {
    const res = await api.query(`{ assessment(id: "not-an-id") { id } }`);
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('serves no /metrics in production without METRICS_TOKEN', async () => {
    const origin = new URL(api.url).origin;
    const res = await fetch(`${origin}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/graphql_requests_total|process_cpu/);
  });

  it('listens on every interface in production, and on loopback only elsewhere unless HOST says so', async () => {
    const everywhere = api.server.httpServer.address() as { address: string };
    expect(['::', '0.0.0.0']).toContain(everywhere.address);
    const development = await startTestServer(db, { NODE_ENV: 'development' });
    const chosen = await startTestServer(db, { NODE_ENV: 'development', HOST: '0.0.0.0' });
    try {
      expect(development.server.httpServer.address()).toMatchObject({ address: '127.0.0.1' });
      expect(chosen.server.httpServer.address()).toMatchObject({ address: '0.0.0.0' });
      const metrics = await fetch(`${new URL(development.url).origin}/metrics`);
      expect(metrics.status).toBe(200);
    } finally {
      await development.close();
      await chosen.close();
    }
  });

  it('answers a fault with "Internal server error." and keeps its SQL and stack in the server log', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    // A table that is gone makes every read of it fail inside the database driver.
    await db.dataSource.query(`ALTER TABLE country RENAME TO country_away`);
    try {
      const res = await api.query(`{ countries { totalCount nodes { code } } }`);
      expect(res.errors).toEqual([
        {
          message: 'Internal server error.',
          locations: [{ line: 1, column: 3 }],
          path: ['countries'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(res.errors)).not.toMatch(/relation|country|SELECT|QueryFailedError|\.ts:/);
    } finally {
      await db.dataSource.query(`ALTER TABLE country_away RENAME TO country`);
      spy.mockRestore();
    }
    const faults = logged.map((line) => JSON.parse(line) as { level: string; error?: { message: string } });
    expect(faults.find((line) => line.level === 'error')?.error?.message).toMatch(
      /relation "country" does not exist/,
    );
    expect((await api.query(`{ countries { totalCount } }`)).data).toEqual({ countries: { totalCount: 5 } });
  });
});
