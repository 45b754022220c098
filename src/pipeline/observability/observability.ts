import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Express, RequestHandler } from 'express';
import type { GraphQLError } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config';
import type { RequestContext } from '../../common/context';
import { ErrorCode } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { requestIdFrom } from '../context/request-context';

/** The request metrics of one server, in a registry of its own so that servers in one process do not collide. */
export interface Metrics {
  registry: Registry;
  requests: Counter<'operation_type' | 'operation_name' | 'outcome'>;
  duration: Histogram<'operation_type' | 'outcome'>;
  errors: Counter<'code'>;
  /** The `operation_name` label of an operation: its name, while there are few enough of them. */
  operationLabel(name: string | null): string;
}

/** The pg Pool behind TypeORM's postgres driver; only the counters read here. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function poolOf(dataSource: DataSource): PoolCounts | null {
  const master = (dataSource.driver as unknown as { master?: Partial<PoolCounts> }).master;
  return master && typeof master.totalCount === 'number' ? (master as PoolCounts) : null;
}

export function createMetrics(dataSource: DataSource): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const poolGauge = (name: string, help: string, read: (pool: PoolCounts) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      // Read at scrape time, so the value is the pool's now and nothing polls in between.
      collect() {
        const pool = poolOf(dataSource);
        if (pool) this.set(read(pool));
      },
    });
  poolGauge('db_pool_connections', 'Connections the database pool holds.', (p) => p.totalCount);
  poolGauge('db_pool_idle_connections', 'Pooled connections not in use.', (p) => p.idleCount);
  poolGauge('db_pool_waiting_clients', 'Queries waiting for a pooled connection.', (p) => p.waitingCount);
  const knownNames = new Set<string>();
  return {
    registry,
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (!OPERATION_NAME_RE.test(name)) return 'other';
      if (knownNames.has(name)) return name;
      if (knownNames.size >= MAX_OPERATION_NAMES) return 'other';
      knownNames.add(name);
      return name;
    },
    requests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests by operation and outcome (success or error).',
      labelNames: ['operation_type', 'operation_name', 'outcome'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response.',
      labelNames: ['operation_type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'Top-level GraphQL errors by extensions.code.',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}

// Operation names are the client's choice: past this many distinct ones, they count as "other" so that a
// client cannot grow the metrics without bound.
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const requestIds = new WeakMap<object, string>();

/**
 * The request an error was raised in, for the server log of a fault (formatError is not given the context): the
 * error's own, or that of the error it wraps (Apollo wraps a failure to make the context, say).
 */
export function requestIdOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const original = (error as { originalError?: unknown }).originalError;
  return requestIds.get(error) ?? requestIdOf(original === error ? undefined : original);
}

/** Marks an error with the request it was raised in, where no plugin sees it (making the context). */
export function tagRequestId(error: unknown, requestId: string): void {
  if (typeof error === 'object' && error !== null) requestIds.set(error, requestId);
}

/**
 * Gives every request its id before anything else runs: the client's `x-request-id` when it is a sensible one,
 * else a new one; set on the request, so that every later step (and every log line of a fault) finds the same
 * one, and on the response.
 */
export function assignRequestId(): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers);
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  };
}

/** Who asked, by id only: never a name, an e-mail address or a credential. */
/**
 * The type, message and stack of a fault: not its other properties, which for a failed query are its SQL
 * parameters (e-mail addresses, password hashes).
 */
export function faultFields(error: unknown): Record<string, unknown> {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  if (!(original instanceof Error)) return { message: String(original) };
  const code = (original as { code?: unknown }).code;
  return {
    type: original.constructor.name,
    message: original.message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: original.stack,
  };
}

export function viewerFields(ctx: RequestContext | undefined): Record<string, unknown> {
  const viewer = ctx?.viewer;
  if (!viewer || viewer.kind === 'anonymous') return { viewer: 'anonymous' };
  return viewer.kind === 'user'
    ? { viewer: 'user', userId: viewer.userId, organisationId: viewer.organisationId, role: viewer.role }
    : {
        viewer: 'apiKey',
        apiKeyId: viewer.apiKeyId,
        organisationId: viewer.organisationId,
        role: viewer.role,
      };
}

/**
 * One log line and the metrics of each GraphQL request. The line names the variables the client sent but never
 * their values, which may be passwords, tokens or e-mail addresses.
 */
export function observabilityPlugin(logger: Logger, metrics: Metrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const started = process.hrtime.bigint();
      let operationType = 'unknown';
      let operationName: string | null = request.operationName ?? null;
      return {
        async didResolveOperation({ operation, operationName: resolved }) {
          operationType = operation?.operation ?? operationType;
          operationName = resolved ?? null;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) requestIds.set(error as GraphQLError, contextValue.requestId);
        },
        async willSendResponse({ response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
          const outcome = codes.length > 0 ? 'error' : 'success';
          const status = response.http.status ?? 200;
          metrics.requests.inc({
            operation_type: operationType,
            operation_name: metrics.operationLabel(operationName),
            outcome,
          });
          metrics.duration.observe({ operation_type: operationType, outcome }, seconds);
          for (const code of codes) metrics.errors.inc({ code });
          const line = {
            requestId: contextValue.requestId,
            ...viewerFields(contextValue),
            operationType,
            operationName,
            variables: Object.keys(request.variables ?? {}),
            durationMs: Math.round(seconds * 10_000) / 10,
            status,
            statements: contextValue.statements.count,
            ...(codes.length > 0 ? { errorCodes: codes } : {}),
          };
          if (status >= 500) logger.warn(line, 'graphql request failed');
          else logger.info(line, 'graphql request');
        },
      };
    },
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * `GET /metrics` in the Prometheus text format; with a token set, only a caller presenting it is answered. In
 * production without METRICS_TOKEN the route is not registered at all (a 404, as any unknown path), so a
 * deployment that forgot the token never shows its traffic to the world; says whether the route is served.
 */
export function registerMetricsRoute(
  app: Express,
  metrics: Metrics,
  settings: Pick<AppConfig, 'metricsToken' | 'nodeEnv'>,
): boolean {
  const token = settings.metricsToken;
  if (token === null && settings.nodeEnv === 'production') return false;
  app.get('/metrics', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (token !== null) {
      const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      // Compared as digests of equal length, so the time taken says nothing about the token.
      if (!timingSafeEqual(digest(presented), digest(token))) {
        res.status(401).set('WWW-Authenticate', 'Bearer').type('text').send('Unauthorized\n');
        return;
      }
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return true;
}

/**
 * The log line and metrics of a request refused before it could run: a bad or stale credential, or the database
 * unreachable while signing the caller in. The plugin above never sees such a request.
 */
export function recordRefusedRequest(
  logger: Logger,
  metrics: Metrics,
  refusal: { requestId: string; started: bigint; error: unknown },
): void {
  const seconds = Number(process.hrtime.bigint() - refusal.started) / 1e9;
  const extensions = (refusal.error as Partial<GraphQLError> | null)?.extensions;
  const code = String(extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const status = Number((extensions?.http as { status?: number } | undefined)?.status ?? 500);
  metrics.requests.inc({ operation_type: 'unknown', operation_name: 'unknown', outcome: 'error' });
  metrics.duration.observe({ operation_type: 'unknown', outcome: 'error' }, seconds);
  metrics.errors.inc({ code });
  const line = {
    requestId: refusal.requestId,
    viewer: 'unknown',
    operationType: 'unknown',
    durationMs: Math.round(seconds * 10_000) / 10,
    status,
    statements: 0,
    errorCodes: [code],
  };
  if (status >= 500) logger.warn(line, 'graphql request refused');
  else logger.info(line, 'graphql request refused');
}
