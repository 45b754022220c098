import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config';
import type { RequestContext } from './common/context';
import { ErrorCode } from './common/errors';
import { createRequestContext, requestIdFrom } from './pipeline/context/request-context';
import { limitErrorFor, queryLimitRules } from './pipeline/limits/query-limits';
import { answerBoundsPlugin, countListValues } from './pipeline/limits/answer-bounds';
import { DataListSizes, readListSizes } from './pipeline/limits/data-list-sizes';
import { expensiveGatePlugin } from './pipeline/limits/expensive-gate';
import { loginRateLimitPlugin, setCallerAddress } from './pipeline/rate-limit/login-rate-limit';
import {
  clientAddress,
  createRateLimiter,
  RATE_LIMITED,
  rateLimitImports,
  rateLimitRequests,
  rateLimitRoutes,
} from './pipeline/rate-limit/rate-limit';
import { operationKind } from './pipeline/execution/replica-routing';
import { ViewerCache } from './modules/auth/viewer-cache';
import {
  graphqlBody,
  graphqlBodyErrors,
  graphqlContentType,
  graphqlFaults,
  graphqlJsonDepth,
} from './pipeline/limits/request-body';
import { textArgumentsPlugin } from './pipeline/limits/text-arguments';
import { MAX_VALIDATION_ERRORS, validationErrorsPlugin } from './pipeline/limits/validation-errors';
import { routeTextChecks } from './pipeline/limits/text-input';
import { buildExecutableSchema } from './graphql/schema';
import { compiledExecution } from './pipeline/execution/jit-executor';
import {
  knownOperationTypes,
  operationResolutionPlugin,
  subscriptionsOverWebSocket,
} from './pipeline/execution/operation-resolution';
import { createLiveBus } from './pipeline/live/live-bus';
import { attachLiveServer } from './pipeline/live/live-server';
import { createQueryTextStore, persistedQueryChecks } from './pipeline/execution/persisted-queries';
import { homePage } from './home-page';
import type { AuthSettings } from './modules/auth/auth.settings';
import { registerEvidenceFileRoutes } from './modules/evidence/evidence-file.routes';
import { registerExportRoutes } from './modules/exchange/export.routes';
import { registerResultsRoutes } from './modules/results/results.routes';
import { registerOpenDataRoutes } from './modules/open-data/open-data.routes';
import { setOpenDataSettings } from './modules/open-data/open-data.settings';
import { setFundingStatement } from './modules/deployment/publication';
import { loadLocaleFallbacks } from './common/locale-fallbacks';
import { registerImportRoutes } from './modules/exchange/import.routes';
import { registerGraphiqlRoutes } from './modules/graphiql/graphiql.routes';
import { isDatabaseUnavailable } from './common/db-errors';
import { availabilityPlugin } from './pipeline/execution/availability';
import { responseCachePlugin } from './pipeline/response-cache/response-cache';
import {
  cachedReads,
  cachedSignedInReads,
  carriedStatements,
} from './pipeline/response-cache/response-cache-route';
import { signedInCachePlugin } from './pipeline/response-cache/signed-in-cache';
import { DataChangePruner } from './pipeline/response-cache/data-changes';
import { ResponseStore } from './pipeline/response-cache/response-cache-store';
import { requestTransactionPlugin } from './pipeline/execution/request-transaction.plugin';
import { registerHealthRoutes } from './pipeline/http/health.routes';
import { cors, CORS_ROUTES } from './pipeline/http/cors';
import { routeRunner } from './pipeline/http/route-handler';
import { resolveJwtSecret } from './modules/auth/token';
import { createLogger, type Logger } from './common/logger';
import {
  assignRequestId,
  createMetrics,
  faultFields,
  observabilityPlugin,
  recordRefusedRequest,
  registerMetricsRoute,
  requestIdOf,
  tagRequestId,
} from './pipeline/observability/observability';

export interface AppServer {
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  /**
   * Listens on `port` (0 picks a free one) at `host`, by default the configured HOST (null: every interface),
   * and resolves with the port.
   */
  listen(port: number, host?: string | null): Promise<number>;
  /** How many subscriptions listen on this instance now. */
  liveSubscriptions(): number;
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
  RATE_LIMITED,
]);

// Suggestions name fields, types and enum values a client did not ask about: schema details production keeps.
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Errors the client may read as they are; anything else is a bug and its details stay in the server log. In
 * production no error carries a stack trace or a "Did you mean" suggestion.
 */
export function formatError(config: Pick<AppConfig, 'nodeEnv' | 'graphql'>, logger: Logger) {
  const production = config.nodeEnv === 'production';
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limit = limitErrorFor(formatted, error, config.graphql);
    if (limit) return limit;
    if (isDatabaseUnavailable(error)) {
      logger.error({ requestId: requestIdOf(error), error: faultFields(error) }, 'database unavailable');
      return {
        message: 'The database is unavailable. Try again in a few seconds.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      if (!production) return formatted;
      return { ...formatted, message: formatted.message.replace(SUGGESTION, ''), extensions };
    }
    logger.error({ requestId: requestIdOf(error), error: faultFields(error) }, 'internal server error');
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
        response.http.headers.set('x-sql-round-trips', String(contextValue.statements.roundTrips));
        response.http.headers.set('x-request-id', contextValue.requestId);
      },
    };
  },
};

export async function createServer(
  config: AppConfig,
  dataSource: DataSource,
  logger: Logger = createLogger(config.logLevel),
): Promise<AppServer> {
  const metrics = createMetrics(dataSource);
  const auth: AuthSettings = {
    jwtSecret: resolveJwtSecret(config),
    tokenTtlSeconds: config.tokenTtlSeconds,
    disclosureMinCount: config.disclosureMinCount,
  };
  setFundingStatement(config.fundingStatement);
  await loadLocaleFallbacks(dataSource);
  const listSizes = new DataListSizes(() => readListSizes(dataSource));
  await listSizes.refresh();
  setOpenDataSettings({ licence: config.openDataLicence, publicUrl: config.publicUrl });
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer for a weak ETag; answers are `private, no-store` unless the response cache
  // shares them, and that sets its own strong ETag. Hashing a 2.5 MB comparison took about 3 ms.
  app.set('etag', false);
  // First of all: every later step, and the log line of any fault, reads the same request id.
  app.use(assignRequestId());
  // Behind TRUST_PROXY reverse proxies, the caller's address is the one they put in X-Forwarded-For.
  app.set('trust proxy', config.rateLimit.trustProxy);
  const limiter = createRateLimiter(config.rateLimit);
  await limiter.ready();
  const httpServer = http.createServer(app);
  const responseStore = new ResponseStore(config.responseCache);
  const signedInStore = new ResponseStore({
    maxBytes: config.responseCache.signedInMaxBytes,
    maxEntries: config.responseCache.maxEntries,
  });
  const dataChanges = new DataChangePruner(dataSource);
  const schema = countListValues(buildExecutableSchema());
  const errorFormat = formatError(config, logger);
  // Committed changes go to the subscriptions of every instance (through Redis with REDIS_URL).
  // Who each credential signed in as, for a few seconds: a read starts before its sign-in has answered.
  const viewers = new ViewerCache();
  const bus = createLiveBus(config.rateLimit.redisUrl, config.subscriptions.redisChannel, logger);
  await bus.ready();
  const queryTexts = createQueryTextStore(
    {
      maxBytes: config.graphql.persistedQueriesMaxBytes,
      redisUrl: config.rateLimit.redisUrl,
      redisPrefix: config.graphql.persistedQueriesRedisPrefix,
    },
    logger,
  );
  const apollo = new ApolloServer<RequestContext>({
    // Operations run compiled by graphql-jit rather than interpreted by graphql-js (see jit-executor.ts).
    gateway: compiledExecution(schema),
    formatError: errorFormat,
    includeStacktraceInErrorResponses: config.nodeEnv !== 'production',
    introspection: config.graphql.introspection,
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    validationRules: [knownOperationTypes, subscriptionsOverWebSocket, ...queryLimitRules(config.graphql)],
    validationOptions: { maxErrors: MAX_VALIDATION_ERRORS },
    parseOptions: { maxTokens: config.graphql.maxTokens },
    // Automatic persisted queries: texts by hash, bounded (persisted-queries.ts); kept until the store drops them.
    persistedQueries: { cache: queryTexts, ttl: null },
    // A batch is many operations for the price of one request, past every limit here: refused.
    allowBatchedHttpRequests: false,
    // main.ts owns SIGINT and SIGTERM and stops everything in order. Apollo's own handlers (installed outside
    // tests) would start a second stop beside it, and the two waited on each other until the 30 s guard.
    stopOnTerminationSignals: false,
    // Apollo's default, written out: a request a browser may send cross-site without a preflight is refused.
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // First: the plugins after it may take the operation to be there.
      operationResolutionPlugin,
      ApolloServerPluginLandingPageDisabled(),
      // Its hints are unused (the response cache keeps its own list of what may be cached), and it would
      // instrument every field of every answer.
      ApolloServerPluginCacheControlDisabled(),
      requestTransactionPlugin(logger),
      statementHeaderPlugin,
      // Before the log line and the metrics: they count the errors answered.
      validationErrorsPlugin,
      availabilityPlugin,
      // Before the login counter: an attempt refused for its text is refused as bad input, not as a guess.
      textArgumentsPlugin(),
      loginRateLimitPlugin(limiter),
      expensiveGatePlugin(config.graphql, () => listSizes.current()),
      observabilityPlugin(logger, metrics),
      // Before the response cache: an answer refused for its size must not be stored.
      answerBoundsPlugin(config.graphql),
      responseCachePlugin(config.responseCache, responseStore),
      signedInCachePlugin(signedInStore, dataChanges),
    ],
  });
  await apollo.start();

  app.get('/', (_req, res) => {
    res.type('html').send(homePage({ graphiql: config.graphiql }));
  });
  registerHealthRoutes(app, dataSource);
  if (!registerMetricsRoute(app, metrics, config)) {
    logger.warn({ setting: 'METRICS_TOKEN' }, 'GET /metrics is not served: set METRICS_TOKEN to serve it');
  }
  // First on its routes: a preflight is answered before any limit counts it or any context is made.
  app.use(CORS_ROUTES, cors(config.cors));
  // Files, exports and imports count against the same limits as /graphql; imports against their own too.
  app.use(['/evidence', '/exports', '/open-data'], rateLimitRoutes(limiter, auth.jwtSecret));
  app.use('/imports', rateLimitImports(limiter, auth.jwtSecret));
  app.use(['/evidence', '/exports', '/imports'], routeTextChecks());
  const routes = routeRunner({ dataSource, auth, logger });
  registerEvidenceFileRoutes(app, { config, routes });
  registerExportRoutes(app, { routes });
  registerResultsRoutes(app);
  registerOpenDataRoutes(app, { routes });
  registerImportRoutes(app, { routes });
  registerGraphiqlRoutes(app, config);
  app.use(
    '/graphql',
    rateLimitRequests(limiter, auth.jwtSecret),
    graphqlContentType(),
    graphqlBody(config.graphql.maxBodyBytes),
    graphqlBodyErrors(config.graphql.maxBodyBytes),
    graphqlJsonDepth(),
    persistedQueryChecks(),
    cachedReads({ dataSource, auth, settings: config.responseCache, store: responseStore, logger, metrics }),
    cachedSignedInReads({ dataSource, auth, store: signedInStore, viewers, logger, metrics }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const started = process.hrtime.bigint();
        const requestId = requestIdFrom(req.headers);
        req.headers['x-request-id'] = requestId;
        res.setHeader('x-request-id', requestId);
        const reads = operationKind(req, config.graphql.maxTokens) === 'query';
        // Replicas serve anonymous queries only: signed-in callers read from the primary, so that what they have
        // just saved is what they read next (a replica lags behind).
        const context = await createRequestContext(dataSource, auth, req.headers, {
          statements: carriedStatements(res),
          replica: reads && config.databaseReplicaUrls.length > 0 && !req.headers.authorization,
          live: bus,
          read: reads ? { viewers } : undefined,
        }).catch((error: unknown) => {
          tagRequestId(error, requestId);
          recordRefusedRequest(logger, metrics, { requestId, started, error });
          throw error;
        });
        // A request refused before it runs, or whose client went away, still gives its connection back.
        res.once('close', () => void context.transaction.rollback());
        setCallerAddress(context, clientAddress(req.ip));
        return context;
      },
    }),
    graphqlFaults(logger),
  );
  // Subscriptions: WebSocket upgrades of /graphql on the same port.
  const live = attachLiveServer({
    httpServer,
    schema,
    dataSource,
    auth,
    config,
    bus,
    limiter,
    logger,
    formatError: errorFormat,
  });

  return {
    httpServer,
    apollo,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host ?? undefined, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    liveSubscriptions: () => bus.listening,
    close: async () => {
      // First the sockets: an open WebSocket would hold the HTTP server's close until it ends by itself.
      await live.close();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await limiter.close();
      await queryTexts.close?.();
    },
  };
}
