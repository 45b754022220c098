import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../common/context';
import { ErrorCode } from '../common/errors';
import { createRequestContext } from '../common/request-context';
import type { AuthSettings } from '../modules/auth/auth.settings';
import { failedForUnavailableDatabase, UNAVAILABLE_MESSAGE } from './unavailable';

/** How a route answers one of its own errors: a status and the `error` body, or `abort` when its client left. */
export type RouteFailure = { status: number; error: Record<string, unknown> } | 'abort';

export interface RouteHandlerOptions {
  dataSource: DataSource;
  auth: AuthSettings;
  /** The route's own errors: how to answer those it knows, null for the rest. */
  failureOf(error: unknown): RouteFailure | null;
  /** Runs after a failure, before the answer (to drain what is left of a request body, say). */
  afterFailure?(req: Request): void;
}

/** Answers `{ error }` with `status`; an answer already begun cannot change, and its connection is dropped. */
export function sendRouteError(res: Response, status: number, error: Record<string, unknown>): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).set('Cache-Control', 'no-store').json({ error });
}

/**
 * Wraps the plain HTTP routes (files, exports, imports) as /graphql runs its operations: each request has its
 * own context and transaction, committed when the work is done and rolled back when it fails. A failure is
 * answered by the route's own errors first, then as UNAUTHENTICATED (401), an unavailable database (503 with
 * Retry-After) or a fault (500, its details only in the server's log).
 */
export function routeHandler(options: RouteHandlerOptions) {
  const { dataSource, auth } = options;
  return (work: (req: Request, res: Response, ctx: RequestContext) => Promise<void>): RequestHandler =>
    async (req, res) => {
      let ctx: RequestContext | null = null;
      try {
        ctx = await createRequestContext(dataSource, auth, req.headers);
        res.set('x-request-id', ctx.requestId);
        await work(req, res, ctx);
        await ctx.transaction.commit();
      } catch (error) {
        await ctx?.transaction.rollback();
        options.afterFailure?.(req);
        const known = options.failureOf(error);
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
          process.stderr.write(
            `[error] ${req.method} ${req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
          );
          sendRouteError(res, 500, {
            code: ErrorCode.INTERNAL_SERVER_ERROR,
            message: 'Internal server error.',
          });
        }
      }
    };
}
