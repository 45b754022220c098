import type { Request, RequestHandler, Response } from 'express';
import type { CorsSettings } from '../../config';

/** The routes a page on another origin may call, and the methods each one answers. */
const ROUTE_METHODS: Record<string, string[]> = {
  '/graphql': ['GET', 'POST'],
  '/evidence': ['GET', 'PUT', 'DELETE'],
  '/exports': ['GET'],
  '/imports': ['POST'],
  '/open-data': ['GET'],
};

/** Where the CORS middleware is mounted: every route of ROUTE_METHODS. */
export const CORS_ROUTES = Object.keys(ROUTE_METHODS);

/**
 * The request headers a page may set: the credential, a JSON body, the two headers Apollo's CSRF prevention
 * accepts in place of a preflight-forcing content type, a request id to trace, a cache validator, and the file
 * name of an evidence upload.
 */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'if-none-match',
  'content-disposition',
];

/**
 * The response headers a page may read: tracing, caching, when to retry, the statement and round-trip counts, a
 * file's name.
 */
export const CORS_EXPOSED_HEADERS = [
  'x-request-id',
  'etag',
  'retry-after',
  'x-sql-statements',
  'x-sql-round-trips',
  'x-cache',
  'content-disposition',
];

/** How long a browser may reuse a preflight's answer; browsers cap it themselves (Chromium at 2 hours). */
export const CORS_MAX_AGE_SECONDS = 600;

/** What a page of an origin may do: anything (`listed`), anonymous reads only (`anonymous`, under `*`), nothing. */
export type Allowance = 'listed' | 'anonymous' | null;

export function allowanceFor(origin: string | undefined, settings: CorsSettings): Allowance {
  if (origin === undefined) return null;
  if (settings.origins.includes(origin)) return 'listed';
  return settings.anyOrigin ? 'anonymous' : null;
}

/**
 * Vary: Origin must reach the client whatever set Vary later (the response cache, Apollo), so a shared cache
 * never gives one origin's answer, or an answer without CORS headers, to another origin.
 */
function varyOnOrigin(res: Response, extra: string[] = []): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
    for (const field of ['Origin', ...extra]) this.vary(field);
    return writeHead.apply(this, args);
  } as Response['writeHead'];
}

function refusePreflight(res: Response, message: string): void {
  res
    .status(403)
    .set('Cache-Control', 'no-store')
    .json({ error: { code: 'FORBIDDEN', message, setting: 'CORS_ORIGINS' } });
}

/** Why a preflight gets no allowance, or null when it gets one. */
function preflightRefusal(
  req: Request,
  allowance: Allowance,
  methods: string[],
  headers: string[],
): string | null {
  const origin = String(req.headers.origin);
  if (allowance === null)
    return `Pages of ${origin.slice(0, 100)} may not call this API: CORS_ORIGINS does not list it.`;
  const method = String(req.headers['access-control-request-method']).toUpperCase();
  if (!methods.includes(method))
    return `${req.baseUrl} does not answer ${method.slice(0, 20)}; it answers ${methods.join(', ')}.`;
  const requested = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const refused = requested.filter((name) => !headers.includes(name));
  if (refused.length === 0) return null;
  if (allowance === 'anonymous' && refused.includes('authorization'))
    return `Pages of ${origin.slice(0, 100)} may only read anonymously: CORS_ORIGINS does not list the origin, so it may not send Authorization.`;
  return `A page may not send the header ${refused[0].slice(0, 60)}; it may send ${headers.join(', ')}.`;
}

/**
 * Cross-origin access for pages of the origins in CORS_ORIGINS. It runs before the rate limits and every other
 * part of the pipeline: a preflight is answered here, with no request context, no database connection and
 * nothing read from its body, and is not counted against a rate limit (a browser sends one per route and method
 * at most every CORS_MAX_AGE_SECONDS). An actual request only gets its headers here and goes on, so every limit,
 * Apollo's CSRF prevention included, still applies to it, and a refusal carries the headers the page needs to
 * read it. A listed origin gets its own origin back and may send credentials; under `*` any other origin gets
 * `*`, without credentials, and only while it sends no Authorization header. An origin that gets no allowance
 * gets no CORS header at all, and its preflight a 403.
 */
export function cors(settings: CorsSettings): RequestHandler {
  const enabled = settings.origins.length > 0 || settings.anyOrigin;
  return (req, res, next) => {
    if (!enabled) return next();
    const origin = req.headers.origin;
    const allowance = allowanceFor(origin, settings);
    const preflight =
      req.method === 'OPTIONS' &&
      origin !== undefined &&
      req.headers['access-control-request-method'] !== undefined;
    if (!preflight) {
      varyOnOrigin(res);
      if (allowance === 'listed') {
        res.set({
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
        });
      } else if (allowance === 'anonymous' && req.headers.authorization === undefined) {
        res.set({
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
        });
      }
      return next();
    }
    varyOnOrigin(res, ['Access-Control-Request-Method', 'Access-Control-Request-Headers']);
    const methods = ROUTE_METHODS[req.baseUrl] ?? [];
    const headers =
      allowance === 'listed'
        ? CORS_ALLOWED_HEADERS
        : CORS_ALLOWED_HEADERS.filter((name) => name !== 'authorization');
    const refusal = preflightRefusal(req, allowance, methods, headers);
    if (refusal !== null) return refusePreflight(res, refusal);
    res.status(204).set({
      'Access-Control-Allow-Origin': allowance === 'listed' ? origin : '*',
      ...(allowance === 'listed' ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
      'Access-Control-Allow-Methods': methods.join(', '),
      'Access-Control-Allow-Headers': headers.join(', '),
      'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
    });
    res.end();
  };
}
