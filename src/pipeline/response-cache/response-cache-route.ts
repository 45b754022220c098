import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { localeFromAcceptLanguage } from '../../common/i18n';
import type { Logger } from '../../common/logger';
import { createRequestContext, requestIdFrom } from '../context/request-context';
import type { ResponseCacheSettings } from '../../config';
import type { AuthSettings } from '../../modules/auth/auth.settings';
import type { ViewerCache } from '../../modules/auth/viewer-cache';
import { readCredential, type Credential } from '../../modules/auth/authenticate';
import type { Viewer } from '../../modules/auth/viewer';
import type { Metrics } from '../observability/observability';
import type { StatementCounter } from '../../db/statement-counter';
import { unchangedSince } from './data-changes';
import { noneMatch, publicationStamp, responseKey, sharedHeaderList } from './response-cache';
import type { ResponseStore } from './response-cache-store';
import { SIGNED_IN_HEADERS, signedInKey } from './signed-in-cache';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface CachedReadsOptions {
  dataSource: DataSource;
  auth: AuthSettings;
  settings: ResponseCacheSettings;
  store: ResponseStore;
  logger: Logger;
  metrics: Metrics;
}

interface StoredRequest {
  operationName: string | null;
  variables: Record<string, unknown> | null;
  queryHash: string;
}

/**
 * A request the stored bytes may answer: a POST of a query for `application/json`, by its text or by the hash of
 * an automatic persisted query (checked against the text, when both come, by `persistedQueryChecks`); the key
 * is the hash of the text either way. Anything else (a GET, other extensions, a client that wants another media
 * type) goes on to Apollo, which answers it as before.
 */
function storedRequest(req: Request): StoredRequest | null {
  const body = req.body as {
    query?: unknown;
    operationName?: unknown;
    variables?: unknown;
    extensions?: unknown;
  };
  const persisted = body?.extensions === undefined ? undefined : persistedHash(body.extensions);
  if (
    req.method !== 'POST' ||
    persisted === null ||
    (typeof body?.query !== 'string' && persisted === undefined) ||
    (body.query != null && typeof body.query !== 'string') ||
    (body.operationName != null && typeof body.operationName !== 'string') ||
    (body.variables != null && typeof body.variables !== 'object') ||
    !acceptsJson(req)
  )
    return null;
  return {
    operationName: (body.operationName as string | null | undefined) ?? null,
    variables: (body.variables as Record<string, unknown> | null | undefined) ?? null,
    queryHash:
      persisted ??
      createHash('sha256')
        .update(body.query as string)
        .digest('hex'),
  };
}

/** The hash of `{ "persistedQuery": { "version": 1, "sha256Hash": … } }` and nothing else; null for other extensions. */
function persistedHash(extensions: unknown): string | null {
  if (!extensions || typeof extensions !== 'object' || Object.keys(extensions).length !== 1) return null;
  const persisted = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } })
    .persistedQuery;
  if (!persisted || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string') return null;
  return /^[0-9a-f]{64}$/.test(persisted.sha256Hash) ? persisted.sha256Hash : null;
}

interface Hit {
  status: number;
  headers: Array<[string, string]>;
  body: string | null;
  ctx: RequestContext;
  started: bigint;
  viewer: string;
}

/** Sends a stored answer, and counts and logs it as Apollo would have. */
function sendHit(
  req: Request,
  res: Response,
  request: StoredRequest,
  hit: Hit,
  options: Pick<CachedReadsOptions, 'logger' | 'metrics'>,
) {
  const { ctx, status } = hit;
  const requestId = requestIdFrom(req.headers);
  res.status(status);
  for (const [name, value] of hit.headers) res.setHeader(name, value);
  res.setHeader('content-type', JSON_TYPE);
  res.setHeader('x-request-id', requestId);
  res.setHeader('x-sql-statements', String(ctx.statements.count));
  res.setHeader('x-sql-round-trips', String(ctx.statements.roundTrips));
  if (hit.body === null) res.end();
  else res.end(hit.body);
  const seconds = Number(process.hrtime.bigint() - hit.started) / 1e9;
  options.metrics.requests.inc({
    operation_type: 'query',
    operation_name: options.metrics.operationLabel(request.operationName),
    outcome: 'success',
  });
  options.metrics.duration.observe({ operation_type: 'query', outcome: 'success' }, seconds);
  options.logger.info(
    {
      requestId,
      viewer: hit.viewer,
      operationType: 'query',
      operationName: request.operationName,
      variables: Object.keys(request.variables ?? {}),
      durationMs: Math.round(seconds * 10_000) / 10,
      status,
      statements: ctx.statements.count,
      cache: 'hit',
    },
    'graphql request',
  );
}

/**
 * Answers an anonymous POST whose response the cache holds, before Apollo: the stored bytes go out as they
 * are, once one statement has checked that the publication stamp they were computed under is still the
 * database's. Parsing, validating, and turning the stored answer back into objects for Apollo to serialise
 * again cost the most of a hit: for a 50-country comparison, megabytes of JSON both ways. A key is only ever
 * stored for an operation the cache plugin found cacheable, so a request whose key is known is one; anything
 * else (a miss, a stale entry, a GET, a client that wants another media type) goes on to Apollo as before.
 */
export function cachedReads(options: CachedReadsOptions): RequestHandler {
  const { dataSource, auth, settings, store } = options;
  return (req: Request, res: Response, next: NextFunction) => {
    const request = req.headers.authorization || !store.enabled ? null : storedRequest(req);
    if (!request) return next();
    const key = responseKey(
      request.queryHash,
      request.operationName,
      request.variables,
      localeFromAcceptLanguage(req.headers['accept-language']),
    );
    const cached = store.get(key);
    if (!cached) return next();
    const started = process.hrtime.bigint();
    void (async () => {
      let ctx;
      try {
        ctx = await createRequestContext(dataSource, auth, req.headers);
      } catch {
        return next();
      }
      let stamp: string;
      try {
        stamp = await publicationStamp(ctx.db);
        await ctx.transaction.commit();
      } catch {
        // Apollo answers the same request, and says what went wrong.
        await ctx.transaction.rollback();
        return next();
      }
      if (stamp !== cached.stamp) {
        store.delete(key);
        res.locals[CARRIED_STATEMENTS] = ctx.statements;
        return next();
      }
      const unchanged = noneMatch(req.headers['if-none-match'], cached.etag);
      sendHit(
        req,
        res,
        request,
        {
          status: unchanged ? 304 : 200,
          headers: sharedHeaderList(settings, cached.etag, 'hit'),
          body: unchanged ? null : cached.body,
          ctx,
          started,
          viewer: 'anonymous',
        },
        options,
      );
    })().catch(next);
  };
}

export interface CachedSignedInReadsOptions extends Omit<CachedReadsOptions, 'settings'> {
  viewers: ViewerCache;
}

/**
 * Answers a signed-in POST whose answer the caller's own cache holds (src/pipeline/response-cache/
 * signed-in-cache.ts), before Apollo: the caller is signed in as for any read, and in the same round trip one
 * statement checks that nothing has been written since the snapshot the answer was read under. A refused
 * sign-in, a stale answer or a failure goes on to Apollo, which answers as it would have.
 */
export function cachedSignedInReads(options: CachedSignedInReadsOptions): RequestHandler {
  const { dataSource, auth, store, viewers } = options;
  return (req: Request, res: Response, next: NextFunction) => {
    const request = !req.headers.authorization || store.size === 0 ? null : storedRequest(req);
    if (!request) return next();
    let credential: Credential;
    try {
      credential = readCredential(auth.jwtSecret, req.headers.authorization);
    } catch {
      return next();
    }
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    const keyOf = (viewer: Viewer) =>
      signedInKey(viewer, request.queryHash, request.operationName, request.variables, locale);
    // A caller known from the last few seconds, with nothing stored for this request: no connection is taken.
    const known = viewers.get(credential);
    if (known && !store.get(keyOf(known))) return next();
    const started = process.hrtime.bigint();
    void (async () => {
      let ctx;
      try {
        ctx = await createRequestContext(dataSource, auth, req.headers, { read: { viewers } });
      } catch {
        return next();
      }
      // What this step sent is the request's too: Apollo goes on counting from here (`carriedStatements`).
      const goOn = () => {
        res.locals[CARRIED_STATEMENTS] = ctx.statements;
        next();
      };
      const key = keyOf(ctx.viewer);
      const cached = store.get(key);
      if (!cached) {
        await ctx.transaction.rollback();
        return goOn();
      }
      let unchanged: boolean;
      try {
        unchanged = await unchangedSince(ctx.db, cached.stamp);
        await ctx.transaction.commit();
      } catch {
        await ctx.transaction.rollback();
        return goOn();
      }
      if (!unchanged) {
        store.delete(key);
        return goOn();
      }
      sendHit(
        req,
        res,
        request,
        {
          status: 200,
          headers: [...SIGNED_IN_HEADERS, ['x-cache', 'hit']],
          body: cached.body,
          ctx,
          started,
          viewer: ctx.viewer.kind,
        },
        options,
      );
    })().catch(next);
  };
}

const CARRIED_STATEMENTS = 'signedInCacheStatements';

/** The statements a request sent before it went on to Apollo, to be counted with the rest of its own. */
export function carriedStatements(res: Response): StatementCounter | undefined {
  return res.locals[CARRIED_STATEMENTS] as StatementCounter | undefined;
}

/** Whether the client takes `application/json`, which is what Apollo would answer it with. */
function acceptsJson(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json']) === 'application/json';
}
