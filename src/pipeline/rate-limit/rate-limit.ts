import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RateLimitSettings } from '../../config';
import { isId } from '../../common/validation';
import { API_KEY_PREFIX, apiKeyForm } from '../../modules/auth/api-key-format';
import { verifyToken } from '../../modules/auth/token';
import {
  connectRedis,
  MemoryCounterStore,
  RedisCounterStore,
  type CounterStore,
  type WindowCount,
} from './rate-limit-store';

/** The top-level error code of a request refused for coming too often. */
export const RATE_LIMITED = 'RATE_LIMITED';

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the window ends, at least 1. */
  retryAfterSeconds: number;
  /** The hits of the window, this one included (0 when there is no limit). */
  count: number;
}

const ALLOWED: RateDecision = { allowed: true, retryAfterSeconds: 0, count: 0 };

/** A short digest that names a counter without holding what it counts (an e-mail address, a key). */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Counts requests against fixed-window limits; counting is never SQL, so statement counts stay as they are. */
export class RateLimiter {
  private lastWarning = 0;
  // Counts in this process while the shared store fails, so an outage of Redis loosens the limits to one
  // instance's share but never lifts them, and never takes the API down with it.
  private readonly fallback = new MemoryCounterStore();

  constructor(
    readonly settings: RateLimitSettings,
    private readonly store: CounterStore,
    private readonly warn: (message: string) => void,
  ) {}

  /** Counts one hit on `key` and says whether it is within `limit` (0: unlimited). */
  async take(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    if (limit <= 0) return ALLOWED;
    let counted: WindowCount;
    try {
      counted = await this.store.hit(key, windowSeconds * 1000);
    } catch (error) {
      this.storeFailed(error);
      counted = await this.fallback.hit(key, windowSeconds * 1000);
    }
    return {
      allowed: counted.count <= limit,
      retryAfterSeconds: Math.max(1, Math.ceil(counted.resetInMs / 1000)),
      count: counted.count,
    };
  }

  async refund(key: string): Promise<void> {
    try {
      await this.store.refund(key);
    } catch (error) {
      this.storeFailed(error);
    }
    await this.fallback.refund(key);
  }

  /** The hits of the key's current window, without counting one; what this process counted when the store fails. */
  async peek(key: string): Promise<number> {
    try {
      return await this.store.peek(key);
    } catch (error) {
      this.storeFailed(error);
      return this.fallback.peek(key);
    }
  }

  /** Waits (briefly) until the store can count, so that the first requests are counted where all instances see them. */
  async ready(): Promise<void> {
    await this.store.ready?.();
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.fallback.close();
  }

  storeFailed(error: unknown): void {
    // At most one line a minute, however many requests meet the outage.
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.warn(
      `[rate-limit] the shared counters are unavailable, counting in this instance meanwhile: ${String(error)}`,
    );
  }
}

export function createRateLimiter(
  settings: RateLimitSettings,
  warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): RateLimiter {
  let limiter: RateLimiter | undefined = undefined;
  const store: CounterStore = settings.redisUrl
    ? new RedisCounterStore(
        connectRedis(settings.redisUrl, (error) => limiter?.storeFailed(error)),
        settings.redisPrefix,
      )
    : new MemoryCounterStore();
  limiter = new RateLimiter(settings, store, warn);
  return limiter;
}

/**
 * The address a request is counted under. An IPv6 client usually holds a whole /64, so the /64 is what counts;
 * an IPv4 address mapped into IPv6 counts as itself.
 */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

interface Bucket {
  key: string;
  limit: number;
  setting: string;
  who: string;
}

/**
 * Whom a request is counted against, decided without SQL: a signed token names its user (its signature is
 * checked here; whether it is still current is checked later), an API key whose checksum proves this server made
 * it counts under its digest, and anything else under the caller's address. A forged or malformed credential
 * counts under the address too, and so does a key without a checksum (made before keys had one): only the
 * database could tell it from a made-up one, so each made-up key would otherwise start a counter of its own.
 */
function bucketOf(req: Request, settings: RateLimitSettings, jwtSecret: string): Bucket {
  const header = req.headers.authorization?.trim();
  const credential = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  if (credential?.startsWith(API_KEY_PREFIX) && apiKeyForm(jwtSecret, credential) === 'checked') {
    return {
      key: `key:${digest(credential)}`,
      limit: settings.apiKey,
      setting: 'RATE_LIMIT_API_KEY',
      who: 'API key',
    };
  }
  if (credential && !credential.startsWith(API_KEY_PREFIX)) {
    const claims = verifyToken(jwtSecret, credential);
    if (claims && isId(claims.sub)) {
      return { key: `user:${claims.sub}`, limit: settings.user, setting: 'RATE_LIMIT_USER', who: 'user' };
    }
  }
  return {
    key: `ip:${clientAddress(req.ip)}`,
    limit: settings.ip,
    setting: 'RATE_LIMIT_IP',
    who: 'address',
  };
}

/** Why a request was refused, in the words and fields both the GraphQL and the plain HTTP answers carry. */
interface Refusal {
  message: string;
  setting: string;
  retryAfter: number;
}

function refusalOf(
  bucket: Bucket,
  limit: number,
  windowSeconds: number,
  retryAfter: number,
  what: string,
): Refusal {
  return {
    message:
      `Too many ${what}: at most ${limit} per ${windowSeconds} seconds for one ${bucket.who} ` +
      `(setting ${bucket.setting}). Try again in ${retryAfter} seconds.`,
    setting: bucket.setting,
    retryAfter,
  };
}

/**
 * Counts the request against its user's, key's or address's limit and, when `stricter` is given, against that
 * one too; answers with `refuse` when either is spent. Counting needs no SQL and happens before anything is read.
 */
function limitRequests(
  limiter: RateLimiter,
  jwtSecret: string,
  refuse: (res: Response, refusal: Refusal) => void,
  stricter?: StricterLimit,
): RequestHandler {
  const { settings } = limiter;
  return (req: Request, res: Response, next: NextFunction) => {
    const bucket = bucketOf(req, settings, jwtSecret);
    const check = async (): Promise<Refusal | null> => {
      const general = await limiter.take(bucket.key, bucket.limit, settings.windowSeconds);
      if (!general.allowed)
        return refusalOf(bucket, bucket.limit, settings.windowSeconds, general.retryAfterSeconds, 'requests');
      if (!stricter) return null;
      const strict = await limiter.take(
        `${stricter.scope}:${bucket.key}`,
        stricter.limit,
        settings.windowSeconds,
      );
      if (strict.allowed) return null;
      return refusalOf(
        { ...bucket, setting: stricter.setting },
        stricter.limit,
        settings.windowSeconds,
        strict.retryAfterSeconds,
        stricter.what,
      );
    };
    check().then((refusal) => {
      if (!refusal) return next();
      // An upload still arriving is read and dropped, so that its sender gets the answer, not a reset connection.
      req.resume();
      res.status(429).set('Retry-After', String(refusal.retryAfter)).set('Cache-Control', 'no-store');
      refuse(res, refusal);
    }, next);
  };
}

/** Refuses, before anything is parsed or read, a request over its user's, key's or address's limit. */
export function rateLimitRequests(limiter: RateLimiter, jwtSecret: string): RequestHandler {
  // Shaped like any GraphQL error response.
  return limitRequests(limiter, jwtSecret, (res, { message, setting, retryAfter }) =>
    res.json({ errors: [{ message, extensions: { code: RATE_LIMITED, setting, retryAfter } }] }),
  );
}

/** A limit some routes add to the general one, counted for the same user, key or address. */
interface StricterLimit {
  /** Names the counters, apart from the general ones. */
  scope: string;
  /** Requests per window (RATE_LIMIT_WINDOW_SECONDS); 0 turns it off. */
  limit: number;
  setting: string;
  /** What is counted, in the refusal's message, e.g. "imports". */
  what: string;
}

/**
 * The same limits for the plain HTTP routes (files, exports, imports), whose requests share the counters of
 * /graphql: a user's window holds all of their requests. A refusal has the routes' error shape.
 */
export function rateLimitRoutes(
  limiter: RateLimiter,
  jwtSecret: string,
  stricter?: StricterLimit,
): RequestHandler {
  return limitRequests(
    limiter,
    jwtSecret,
    (res, { message, setting, retryAfter }) =>
      res.json({ error: { code: RATE_LIMITED, message, setting, retryAfter } }),
    stricter,
  );
}

/** The routes' limits for imports, with RATE_LIMIT_IMPORT besides: each import reads, checks and writes a file. */
export function rateLimitImports(limiter: RateLimiter, jwtSecret: string): RequestHandler {
  return rateLimitRoutes(limiter, jwtSecret, {
    scope: 'import',
    limit: limiter.settings.imports,
    setting: 'RATE_LIMIT_IMPORT',
    what: 'imports',
  });
}
