import { loadConfig } from '../../src/config';
import { createServer, type AppServer } from '../../src/server';
import { appDataSourceFor, TEST_APP_PASSWORD, TEST_JWT_SECRET } from './app-role';
import type { TestDatabase } from './database';

export { TEST_JWT_SECRET };

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions?: { code?: string } & Record<string, unknown>;
  }>;
  statements: number;
  headers: Headers;
}

export interface TestServer {
  url: string;
  server: AppServer;
  query<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real HTTP server on a free port, against a test database; `env` adds or overrides settings. */
export async function startTestServer(
  db: TestDatabase,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    PORT: '0',
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_APP_PASSWORD: TEST_APP_PASSWORD,
    ...env,
  });
  // The API connects as the app's role, bound by row-level security; the test's own db.dataSource is the owner.
  const appDataSource = await appDataSourceFor(db.url, 4, config.databaseReplicaUrls);
  const server = await createServer(config, appDataSource);
  const port = await server.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    server,
    async query(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: GraphQLResponse['errors'] };
      return {
        status: response.status,
        data: body.data,
        errors: body.errors,
        statements: Number(response.headers.get('x-sql-statements') ?? NaN),
        headers: response.headers,
      };
    },
    close: async () => {
      await server.close();
      await appDataSource.destroy();
    },
  };
}

export const DEMO_PASSWORD = 'Demo-Password-1';

/** Signs in as a demo account and returns the headers that carry its token. */
export async function signIn(
  api: TestServer,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const res = await api.query<{ login: { token: string | null; userErrors: Array<{ code: string }> } }>(
    `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`,
    { input: { email, password } },
  );
  const token = res.data?.login.token;
  if (!token)
    throw new Error(
      `Could not sign in as ${email}: ${JSON.stringify(res.data?.login.userErrors ?? res.errors)}`,
    );
  return { authorization: `Bearer ${token}` };
}

/** An answer as the client received it: the exact text, its parse and its headers. */
export interface RawAnswer {
  status: number;
  text: string;
  json: any;
  headers: Headers;
  statements: number;
  roundTrips: number;
}

/** One POST as a client sends it, keeping the exact body the server answered. */
export async function sendRaw(
  api: Pick<TestServer, 'url'>,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: text ? JSON.parse(text) : null,
    headers: response.headers,
    statements: Number(response.headers.get('x-sql-statements') ?? NaN),
    roundTrips: Number(response.headers.get('x-sql-round-trips') ?? NaN),
  };
}
