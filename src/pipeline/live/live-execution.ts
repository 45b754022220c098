import type { IncomingHttpHeaders } from 'node:http';
import type { WebSocket } from 'ws';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { RequestContext } from '../../common/context';
import { isDatabaseUnavailable } from '../../common/db-errors';
import { ErrorCode } from '../../common/errors';
import { HiddenEvent } from '../../common/live-events';
import { createRequestContext } from '../context/request-context';
import { knownOperationTypes, OPERATION_RESOLUTION_FAILURE } from '../execution/operation-resolution';
import { queryLimitRules } from '../limits/query-limits';
import { MAX_VALIDATION_ERRORS } from '../limits/validation-errors';
import { RATE_LIMITED } from '../rate-limit/rate-limit';
import type { LiveServerOptions } from './live-options';

/** The close codes of a socket the server ends, besides graphql-ws's own (4400 bad request, 4408 init timeout…). */
export const LIVE_CLOSE = {
  /** A malformed `connection_init` payload. */
  BAD_REQUEST: 4400,
  /** The token or API key is not valid, has expired or was revoked: sign in again and reconnect. */
  UNAUTHORIZED: 4401,
  /** The page's origin may subscribe only anonymously (CORS_ORIGINS has `*` but does not list it). */
  FORBIDDEN: 4403,
  /** The database is unavailable: reconnect a little later. */
  TRY_AGAIN_LATER: 1013,
  /** Something failed on the server; its details are in the server's log. */
  INTERNAL_ERROR: 1011,
} as const;

/** A close reason is at most 123 bytes. */
function reason(text: string): string {
  const bytes = Buffer.from(text);
  return bytes.length <= 123
    ? text
    : `${bytes
        .subarray(0, 120)
        .toString('utf8')
        .replace(/\uFFFD+$/, '')}...`;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof GraphQLError ? (error.extensions?.code as string | undefined) : undefined;
}

interface OpenRequest {
  socket: WebSocket;
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  anonymousOnly: boolean;
}

/**
 * One signed-in socket: its credential, kept to sign in again for every event (a revoked token or a deactivated
 * user stops receiving at the next event), and its language.
 */
export class LiveConnection {
  private constructor(
    private readonly options: LiveServerOptions,
    private readonly socket: WebSocket,
    private readonly headers: IncomingHttpHeaders,
  ) {}

  /**
   * Signs the socket in with the `authorization` of its `connection_init` payload (as the HTTP header:
   * `Bearer <token or API key>`; none for anonymous). On a refusal the socket is closed with its code and null
   * comes back.
   */
  static async open(options: LiveServerOptions, request: OpenRequest): Promise<LiveConnection | null> {
    const { socket, params } = request;
    const authorization = params.authorization ?? params.Authorization;
    if (authorization !== undefined && authorization !== null && typeof authorization !== 'string') {
      socket.close(LIVE_CLOSE.BAD_REQUEST, 'The authorization of connection_init must be a string.');
      return null;
    }
    if (request.anonymousOnly && authorization) {
      socket.close(
        LIVE_CLOSE.FORBIDDEN,
        'Pages of this origin may only subscribe anonymously: CORS_ORIGINS does not list it.',
      );
      return null;
    }
    const headers: IncomingHttpHeaders = {
      authorization: authorization ?? undefined,
      'accept-language': request.headers['accept-language'],
    };
    const connection = new LiveConnection(options, socket, headers);
    try {
      const ctx = await connection.context();
      await ctx.transaction.rollback();
      return connection;
    } catch (error) {
      connection.closeFor(error);
      return null;
    }
  }

  /** A request context of its own, signed in as the socket, with the sealed row-level security settings. */
  context(): Promise<RequestContext> {
    const { dataSource, auth, bus } = this.options;
    return createRequestContext(dataSource, auth, this.headers, { live: bus });
  }

  /** Closes the socket with the code that says why `error` ended it. */
  closeFor(error: unknown): void {
    if (errorCode(error) === ErrorCode.UNAUTHENTICATED) {
      this.socket.close(LIVE_CLOSE.UNAUTHORIZED, reason((error as Error).message));
    } else if (isDatabaseUnavailable(error) || errorCode(error) === ErrorCode.SERVICE_UNAVAILABLE) {
      this.socket.close(
        LIVE_CLOSE.TRY_AGAIN_LATER,
        'The database is unavailable. Reconnect in a few seconds.',
      );
    } else {
      this.options.logger.error(
        { error: { message: error instanceof Error ? error.message : String(error) } },
        'live updates: connection failed',
      );
      this.socket.close(LIVE_CLOSE.INTERNAL_ERROR, 'Internal server error.');
    }
  }
}

function refusal(message: string, code: string): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code } })];
}

/**
 * Checks a subscription as a query over HTTP is checked: size, parse, the standard rules and the query limits;
 * one operation, which must be a subscription (queries and mutations go over HTTP, through every limit there).
 */
export function prepareSubscription(
  options: LiveServerOptions,
  connection: LiveConnection,
  payload: SubscribePayload,
  held: number,
): ExecutionArgs | GraphQLError[] {
  const { config, schema } = options;
  const max = config.subscriptions.maxPerConnection;
  if (held > max) {
    return refusal(
      `A connection may hold ${max} subscriptions at once (setting SUBSCRIPTIONS_MAX_PER_CONNECTION): complete one first.`,
      RATE_LIMITED,
    );
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: config.graphql.maxTokens });
  } catch (error) {
    return refusal((error as Error).message, 'GRAPHQL_PARSE_FAILED');
  }
  const rules = [...specifiedRules, knownOperationTypes, ...queryLimitRules(config.graphql)];
  const errors = validate(schema, document, rules, { maxErrors: MAX_VALIDATION_ERRORS });
  if (errors.length > 0) {
    // A limit's refusal keeps its own code and setting; the standard rules' get Apollo's code for them.
    return errors.map((error) =>
      error.extensions?.code
        ? error
        : new GraphQLError(error.message, {
            nodes: error.nodes,
            originalError: error.originalError,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
    );
  }
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    return refusal(
      'The document does not say which operation to run: give one operation, or name it in operationName.',
      OPERATION_RESOLUTION_FAILURE,
    );
  }
  if (operation.operation !== 'subscription') {
    return refusal(
      `Only subscriptions are served over WebSocket: send a ${operation.operation} as an HTTP POST to /graphql.`,
      'BAD_REQUEST',
    );
  }
  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables ?? undefined,
    contextValue: connection,
  };
}

function isAsyncIterable<T>(value: unknown): value is AsyncIterableIterator<T> {
  return typeof (value as AsyncIterable<T> | null)?.[Symbol.asyncIterator] === 'function';
}

function serviceUnavailableResult(): ExecutionResult {
  return {
    errors: refusal(
      'The database is unavailable. Try again in a few seconds.',
      ErrorCode.SERVICE_UNAVAILABLE,
    ),
  };
}

/**
 * Starts a subscription: its field's rule and arguments are checked in a context of the socket's sign-in, and
 * each event is then resolved in a context and a transaction of its own, through the same resolvers, services
 * and row-level security as a query. An event that the subscriber may not read is not sent at all.
 */
export async function runSubscription(
  options: LiveServerOptions,
  args: ExecutionArgs,
): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> {
  const connection = args.contextValue as LiveConnection;
  let ctx: RequestContext;
  try {
    ctx = await connection.context();
  } catch (error) {
    if (isDatabaseUnavailable(error) || errorCode(error) === ErrorCode.SERVICE_UNAVAILABLE)
      return serviceUnavailableResult();
    connection.closeFor(error);
    return { errors: [] };
  }
  let source: unknown;
  try {
    source = await createSourceEventStream({ ...args, contextValue: ctx });
  } finally {
    await ctx.transaction.rollback();
  }
  if (!isAsyncIterable<unknown>(source)) return source as ExecutionResult;
  const events = source;

  /** The event as this subscriber may see it; null to skip it, 'end' when the socket was closed. */
  async function resultOf(event: unknown): Promise<ExecutionResult | null | 'end'> {
    let eventContext: RequestContext;
    try {
      eventContext = await connection.context();
    } catch (error) {
      if (isDatabaseUnavailable(error) || errorCode(error) === ErrorCode.SERVICE_UNAVAILABLE)
        return serviceUnavailableResult();
      connection.closeFor(error);
      return 'end';
    }
    try {
      const result = await execute({ ...args, rootValue: event, contextValue: eventContext });
      if (result.errors?.some((error) => error.originalError instanceof HiddenEvent)) return null;
      await eventContext.transaction.commit();
      return result;
    } finally {
      await eventContext.transaction.rollback();
    }
  }

  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      for (;;) {
        const next = await events.next();
        if (next.done) return { value: undefined, done: true };
        const result = await resultOf(next.value);
        if (result === 'end') {
          await events.return?.();
          return { value: undefined, done: true };
        }
        if (result) return { value: result, done: false };
      }
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return iterator;
}
