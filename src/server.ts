import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config';
import type { RequestContext } from './common/context';
import { ErrorCode } from './common/errors';
import { createRequestContext } from './common/request-context';
import { runCountingStatements, StatementCounter } from './db/statement-counter';
import { buildExecutableSchema } from './graphql/schema';
import { homePage } from './home-page';
import type { AuthSettings } from './modules/auth/auth.settings';
import { registerEvidenceFileRoutes } from './modules/evidence/evidence-file.routes';
import { registerExportRoutes } from './modules/exchange/export.routes';
import { registerResultsRoutes } from './modules/results/results.routes';
import { registerImportRoutes } from './modules/exchange/import.routes';
import { resolveJwtSecret } from './modules/auth/token';

export interface AppServer {
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** Listens on the configured port (0 picks a free one) and resolves with the port. */
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Errors the client may read as they are; anything else is a bug and its details stay in the server log. */
export function formatError(config: Pick<AppConfig, 'nodeEnv'>) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return {
        ...formatted,
        extensions: config.nodeEnv === 'production' ? extensions : formatted.extensions,
      };
    }
    process.stderr.write(
      `[error] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Reports how many SQL statements the request sent, so integrators and the benchmark can see it. */
const statementHeaderPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set('x-sql-statements', String(contextValue.statements.count));
        response.http.headers.set('x-request-id', contextValue.requestId);
      },
    };
  },
};

export async function createServer(config: AppConfig, dataSource: DataSource): Promise<AppServer> {
  const auth: AuthSettings = { jwtSecret: resolveJwtSecret(config), tokenTtlSeconds: config.tokenTtlSeconds };
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: buildExecutableSchema(),
    formatError: formatError(config),
    includeStacktraceInErrorResponses: config.nodeEnv !== 'production',
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      statementHeaderPlugin,
    ],
  });
  await apollo.start();

  app.get('/', (_req, res) => {
    res.type('html').send(homePage());
  });
  registerEvidenceFileRoutes(app, { config, dataSource, auth });
  registerExportRoutes(app, { dataSource, auth });
  registerResultsRoutes(app);
  registerImportRoutes(app, { dataSource, auth });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    (req, _res, next) => {
      // Every statement sent while serving this request is counted against it.
      const counter = new StatementCounter();
      (req as unknown as { statements: StatementCounter }).statements = counter;
      runCountingStatements(counter, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createRequestContext(
          dataSource,
          auth,
          req.headers,
          (req as unknown as { statements: StatementCounter }).statements,
        ),
    }),
  );

  return {
    httpServer,
    apollo,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
