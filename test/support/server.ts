import { loadConfig } from '../../src/config';
import { createServer, type AppServer } from '../../src/server';
import type { TestDatabase } from './database';

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

/** The real HTTP server on a free port, against a test database. */
export async function startTestServer(db: TestDatabase): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0' });
  const server = await createServer(config, db.dataSource);
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
    close: () => server.close(),
  };
}
