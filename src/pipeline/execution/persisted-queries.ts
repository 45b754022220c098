import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type Redis from 'ioredis';
import type { Logger } from '../../common/logger';
import { connectRedis } from '../rate-limit/rate-limit-store';

/**
 * Automatic persisted queries (Apollo's protocol). A client sends `extensions.persistedQuery.sha256Hash` instead
 * of the query's text; the first time the server answers PERSISTED_QUERY_NOT_FOUND and the client sends both,
 * and Apollo stores the text under its hash once it has parsed and validated it (depth, aliases, cost and the
 * rest), so a document over a limit is never stored and a stored one is validated again whenever it is parsed.
 * The store is bounded: in memory, the least recently used texts go first past a number of bytes; with Redis,
 * every instance shares the texts, each kept a week after it was last registered.
 */

/** The part of Apollo's KeyValueCache the persisted queries use. */
export interface QueryTextStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** Texts by hash in this process, at most `maxBytes` of them (UTF-16, as JavaScript holds them). */
export class MemoryQueryTextStore implements QueryTextStore {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Most recently used last: the map's order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  async set(key: string, value: string): Promise<void> {
    const size = (key.length + value.length) * 2;
    if (size > this.maxBytes) return;
    await this.delete(key);
    this.entries.set(key, value);
    this.bytes += size;
    for (const [oldest, text] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= (oldest.length + text.length) * 2;
    }
  }

  async delete(key: string): Promise<boolean> {
    const value = this.entries.get(key);
    if (value === undefined) return false;
    this.entries.delete(key);
    this.bytes -= (key.length + value.length) * 2;
    return true;
  }
}

const WEEK_SECONDS = 7 * 24 * 3600;

/**
 * Texts by hash in Redis, shared by every instance, each for a week after it was last registered. An unreachable
 * Redis is a miss: the client sends the text again, and the request is answered all the same.
 */
export class RedisQueryTextStore implements QueryTextStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    try {
      await this.redis.set(this.prefix + key, value, 'EX', WEEK_SECONDS);
    } catch {
      // A text not stored is sent again by its client.
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}

export interface PersistedQuerySettings {
  maxBytes: number;
  redisUrl: string | null;
  redisPrefix: string;
}

/** The store of the settings: Redis when REDIS_URL is set, else this process's memory. */
export function createQueryTextStore(
  settings: PersistedQuerySettings,
  logger: Logger,
): QueryTextStore & { close?(): Promise<void> } {
  if (!settings.redisUrl) return new MemoryQueryTextStore(settings.maxBytes);
  let warned = 0;
  const redis = connectRedis(settings.redisUrl, (error) => {
    if (Date.now() - warned < 60_000) return;
    warned = Date.now();
    logger.warn(
      { error: error.message },
      'persisted queries: Redis is unavailable, texts are asked for again',
    );
  });
  return new RedisQueryTextStore(redis, settings.redisPrefix);
}

const HASH_RE = /^[0-9a-f]{64}$/;

function refusal(message: string) {
  return { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] };
}

/** The persisted query extension of a POST body or of a GET's `extensions` parameter, if any. */
function extensionOf(source: unknown): unknown {
  if (typeof source === 'string') {
    try {
      return (JSON.parse(source) as { persistedQuery?: unknown } | null)?.persistedQuery;
    } catch {
      return undefined;
    }
  }
  return (source as { persistedQuery?: unknown } | null | undefined)?.persistedQuery;
}

/**
 * Refuses, before Apollo, a persisted query extension that is not version 1 with a SHA-256 in hex, or whose hash
 * does not match the text sent with it: 400 BAD_REQUEST with a message that says which. Apollo would otherwise
 * answer a mismatch with an error without a code, and the store would be asked for keys that cannot exist.
 */
export function persistedQueryChecks(): RequestHandler {
  return (req, res, next) => {
    const body = (req.method === 'GET' ? req.query : req.body) as
      { query?: unknown; extensions?: unknown } | undefined;
    const extension = extensionOf(body?.extensions) as
      { version?: unknown; sha256Hash?: unknown } | undefined;
    if (extension === undefined) return next();
    if (extension === null || typeof extension !== 'object' || extension.version !== 1) {
      res.status(400).json(refusal('extensions.persistedQuery must be { "version": 1, "sha256Hash": "…" }.'));
      return;
    }
    const hash = extension.sha256Hash;
    if (typeof hash !== 'string' || !HASH_RE.test(hash)) {
      res
        .status(400)
        .json(refusal('extensions.persistedQuery.sha256Hash must be a SHA-256 in lower-case hex.'));
      return;
    }
    if (typeof body?.query === 'string' && createHash('sha256').update(body.query).digest('hex') !== hash) {
      res
        .status(400)
        .json(refusal('extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.'));
      return;
    }
    next();
  };
}
