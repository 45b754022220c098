import type { Request, RequestHandler, Response } from 'express';
import type { RequestContext } from './context';

/**
 * The seam between a module's plain HTTP routes (files, exports, imports) and the request pipeline: a module
 * says what its route does and how its own errors are answered; the pipeline (src/pipeline/http/route-handler.ts)
 * gives it a context and a transaction, answers every other failure and logs the request. A module never builds
 * a context itself, so its routes sign callers in and set the row-level security settings exactly as /graphql.
 */

/** How a route answers one of its own errors: a status and the `error` body, or `abort` when its client left. */
export type RouteFailure = { status: number; error: Record<string, unknown> } | 'abort';

/** What a route does once its caller is signed in: its transaction commits when the promise resolves. */
export type RouteWork = (req: Request, res: Response, ctx: RequestContext) => Promise<void>;

export interface RouteErrors {
  /** The route's own errors: how to answer those it knows, null for the rest. */
  failureOf(error: unknown): RouteFailure | null;
  /** Runs after a failure, before the answer (to drain what is left of a request body, say). */
  afterFailure?(req: Request): void;
}

/**
 * What a route takes from its client before its context and transaction are made: a request body spooled to a
 * file, say. A client may send slowly; while it does, the request holds no connection of the pool.
 */
export interface RouteIntake<T> {
  /**
   * Receives it. The caller's credential has been checked as far as it can be without the database (a bad or
   * expired token is refused before this runs), so `signedIn` says whether one was sent; checks that need no
   * database belong here too, so that a request they refuse is not received at all.
   */
  receive(req: Request, caller: { signedIn: boolean }): Promise<T>;
  /** Frees what `receive` took, once the request is answered, whatever the outcome. */
  release(received: T): Promise<void>;
}

/** What a route does with what its intake received, once its caller is signed in. */
export type RouteWorkWith<T> = (
  req: Request,
  res: Response,
  ctx: RequestContext,
  received: T,
) => Promise<void>;

/** Wraps a route's handler in the pipeline. */
export interface RouteHandle {
  (work: RouteWork): RequestHandler;
  /** The same, for a route that receives something from its client first (see RouteIntake). */
  receiving<T>(intake: RouteIntake<T>, work: RouteWorkWith<T>): RequestHandler;
}

/** Given how a group of routes answers its own errors, wraps each of its handlers in the pipeline. */
export type RouteRunner = (errors: RouteErrors) => RouteHandle;

/** Answers `{ error }` with `status`; an answer already begun cannot change, and its connection is dropped. */
export function sendRouteError(res: Response, status: number, error: Record<string, unknown>): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).set('Cache-Control', 'no-store').json({ error });
}
