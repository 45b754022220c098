import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { DataSource } from 'typeorm';
import { localeFromAcceptLanguage } from '../../common/i18n';
import type { Logger } from '../../common/logger';
import { createRequestContext, requestIdFrom } from '../context/request-context';
import type { ResponseCacheSettings } from '../../config';
import type { AuthSettings } from '../../modules/auth/auth.settings';
import type { Metrics } from '../observability/observability';
import { noneMatch, publicationStamp, responseKey, sharedHeaderList } from './response-cache';
import type { ResponseStore } from './response-cache-store';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface CachedReadsOptions {
  dataSource: DataSource;
  auth: AuthSettings;
  settings: ResponseCacheSettings;
  store: ResponseStore;
  logger: Logger;
  metrics: Metrics;
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
  const { dataSource, auth, settings, store, logger, metrics } = options;
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as {
      query?: unknown;
      operationName?: unknown;
      variables?: unknown;
      extensions?: unknown;
    };
    if (
      req.method !== 'POST' ||
      req.headers.authorization ||
      !store.enabled ||
      typeof body?.query !== 'string' ||
      body.extensions !== undefined ||
      (body.operationName != null && typeof body.operationName !== 'string') ||
      (body.variables != null && typeof body.variables !== 'object') ||
      !acceptsJson(req)
    ) {
      next();
      return;
    }
    const key = responseKey(
      createHash('sha256').update(body.query).digest('hex'),
      body.operationName as string | null | undefined,
      body.variables as Record<string, unknown> | null | undefined,
      localeFromAcceptLanguage(req.headers['accept-language']),
    );
    const cached = store.get(key);
    if (!cached) {
      next();
      return;
    }
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
        return next();
      }
      const requestId = requestIdFrom(req.headers);
      const unchanged = noneMatch(req.headers['if-none-match'], cached.etag);
      res.status(unchanged ? 304 : 200);
      for (const [name, value] of sharedHeaderList(settings, cached.etag, 'hit')) res.setHeader(name, value);
      res.setHeader('content-type', JSON_TYPE);
      res.setHeader('x-request-id', requestId);
      res.setHeader('x-sql-statements', String(ctx.statements.count));
      if (unchanged) res.end();
      else res.end(cached.body);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const operationName = typeof body.operationName === 'string' ? body.operationName : null;
      metrics.requests.inc({
        operation_type: 'query',
        operation_name: metrics.operationLabel(operationName),
        outcome: 'success',
      });
      metrics.duration.observe({ operation_type: 'query', outcome: 'success' }, seconds);
      logger.info(
        {
          requestId,
          viewer: 'anonymous',
          operationType: 'query',
          operationName,
          variables: Object.keys((body.variables as Record<string, unknown> | null) ?? {}),
          durationMs: Math.round(seconds * 10_000) / 10,
          status: unchanged ? 304 : 200,
          statements: ctx.statements.count,
          cache: 'hit',
        },
        'graphql request',
      );
    })().catch(next);
  };
}

/** Whether the client takes `application/json`, which is what Apollo would answer it with. */
function acceptsJson(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json']) === 'application/json';
}
