import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/context';
import {
  sendRouteError,
  type RouteErrors,
  type RouteHandle,
  type RouteIntake,
  type RouteRunner,
  type RouteWork,
  type RouteWorkWith,
} from '../../common/route';
import { ErrorCode } from '../../common/errors';
import { createRequestContext, requestIdFrom } from '../context/request-context';
import type { AuthSettings } from '../../modules/auth/auth.settings';
import { readCredential } from '../../modules/auth/authenticate';
import type { Logger } from '../../common/logger';
import { faultFields, viewerFields } from '../observability/observability';
import { failedForUnavailableDatabase, UNAVAILABLE_MESSAGE } from './unavailable';

export interface RouteHandlerOptions {
  dataSource: DataSource;
  auth: AuthSettings;
  logger: Logger;
}

/**
 * Wraps the plain HTTP routes (files, exports, imports) as /graphql runs its operations: each request has its
 * own context and transaction, committed when the work is done and rolled back when it fails. A route with an
 * intake first receives what its client sends, with no connection held, and only then gets its context. A
 * failure is answered by the route's own errors first, then as UNAUTHENTICATED (401), an unavailable database
 * (503 with Retry-After) or a fault (500, its details only in the server's log). Every request gets a log line.
 */
export function routeRunner(options: RouteHandlerOptions): RouteRunner {
  const { dataSource, auth, logger } = options;
  return (errors) => {
    const run =
      <T>(intake: RouteIntake<T> | null, work: RouteWorkWith<T>): RequestHandler =>
      async (req, res) => {
        const started = process.hrtime.bigint();
        let ctx: RequestContext | null = null;
        let failure: unknown = null;
        let received: { value: T } | null = null;
        const release = async () => {
          if (!intake || !received) return;
          const { value } = received;
          received = null;
          await intake.release(value).catch((error: unknown) => {
            logger.warn(
              { requestId: requestIdFrom(req.headers), error: faultFields(error) },
              'could not release what a request received',
            );
          });
        };
        try {
          if (intake) {
            // A bad or expired token is refused before the client's body is received.
            const credential = readCredential(auth.jwtSecret, req.headers.authorization);
            received = { value: await intake.receive(req, { signedIn: credential.kind !== 'none' }) };
          }
          ctx = await createRequestContext(dataSource, auth, req.headers);
          res.set('x-request-id', ctx.requestId);
          await work(req, res, ctx, received?.value as T);
          await ctx.transaction.commit();
        } catch (error) {
          failure = error;
          // Refused before its context was made (a bad token, the database away): it still gets a request id.
          if (!ctx && !res.headersSent) res.set('x-request-id', requestIdFrom(req.headers));
          await ctx?.transaction.rollback();
          errors.afterFailure?.(req);
          // Before the answer: a client told of a failure finds nothing of its request left behind.
          await release();
          answerFailure(errors, res, error);
        }
        await release();
        logRequest(logger, { req, res, ctx, started, failure });
      };
    const handle = ((work: RouteWork) =>
      run<undefined>(null, (req, res, ctx) => work(req, res, ctx))) as RouteHandle;
    handle.receiving = (intake, work) => run(intake, work);
    return handle;
  };
}

function answerFailure(errors: RouteErrors, res: Response, error: unknown): void {
  const known = errors.failureOf(error);
  if (known === 'abort') {
    res.destroy();
  } else if (known) {
    sendRouteError(res, known.status, known.error);
  } else if (error instanceof GraphQLError && error.extensions.code === ErrorCode.UNAUTHENTICATED) {
    sendRouteError(res, 401, { code: ErrorCode.UNAUTHENTICATED, message: error.message });
  } else if (failedForUnavailableDatabase(error)) {
    if (!res.headersSent) res.set('Retry-After', '5');
    sendRouteError(res, 503, { code: ErrorCode.SERVICE_UNAVAILABLE, message: UNAVAILABLE_MESSAGE });
  } else {
    sendRouteError(res, 500, { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error.' });
  }
}

/**
 * One log line per request, as /graphql has: who asked which route, the answer's status, how long it took and
 * how many statements it sent; a fault also gets its type, message and stack, which its client never reads.
 */
function logRequest(
  logger: Logger,
  done: { req: Request; res: Response; ctx: RequestContext | null; started: bigint; failure: unknown },
): void {
  const { req, res, ctx, started, failure } = done;
  const requestId = ctx?.requestId ?? String(res.getHeader('x-request-id'));
  const status = res.statusCode;
  if (failure !== null && status === 500)
    logger.error({ requestId, error: faultFields(failure) }, 'internal server error');
  const line = {
    requestId,
    ...viewerFields(ctx ?? undefined),
    method: req.method,
    route: (req.route as { path?: string } | undefined)?.path ?? req.path,
    status,
    ...(res.writableFinished ? {} : { aborted: true }),
    durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
    statements: ctx?.statements.count ?? 0,
  };
  if (status >= 500) logger.warn(line, 'http request failed');
  else logger.info(line, 'http request');
}
