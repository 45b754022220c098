import Redis from 'ioredis';

/** A counter's state after a hit: how many hits its window has seen and when the window ends. */
export interface WindowCount {
  count: number;
  resetInMs: number;
}

/** Fixed-window counters. A window starts at a key's first hit and lasts `windowMs`. */
export interface CounterStore {
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** Takes one hit back (a sign-in that succeeded); never below zero and never starts a window. */
  refund(key: string): Promise<void>;
  /** The hits of the key's current window, without counting one; 0 when it has none. */
  peek(key: string): Promise<number>;
  /** Resolves once the store can count, or has failed to connect, or after a short wait. */
  ready?(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Counters of this process only. The map is bounded: expired windows are dropped as new ones start, and when it is
 * full of live ones the oldest go first, so a flood of distinct addresses costs memory up to the bound and no more.
 */
export class MemoryCounterStore implements CounterStore {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.resetAt <= now) {
      this.entries.delete(key);
      this.makeRoom(now);
      entry = { count: 0, resetAt: now + windowMs };
      this.entries.set(key, entry);
    }
    entry.count += 1;
    return { count: entry.count, resetInMs: entry.resetAt - now };
  }

  async refund(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry && entry.count > 0 && entry.resetAt > this.now()) entry.count -= 1;
  }

  async peek(key: string): Promise<number> {
    const entry = this.entries.get(key);
    return entry && entry.resetAt > this.now() ? entry.count : 0;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private makeRoom(now: number): void {
    // Insertion order is close to expiry order, so expired windows are mostly at the front: a few steps each time.
    let steps = 0;
    for (const [key, entry] of this.entries) {
      if (entry.resetAt > now || steps++ >= 16) break;
      this.entries.delete(key);
    }
    if (this.entries.size < this.maxEntries) return;
    const evict = Math.max(1, Math.ceil(this.maxEntries / 100));
    let evicted = 0;
    for (const key of this.entries.keys()) {
      if (evicted++ >= evict) break;
      this.entries.delete(key);
    }
  }
}

// GET and DECR in one step, so a refund racing the window's expiry cannot leave a key without an expiry.
const REFUND_SCRIPT = `local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if v > 0 then return redis.call('DECR', KEYS[1]) end
return 0`;

/** Counters shared by every instance that uses the same Redis and prefix. */
export class RedisCounterStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const k = this.prefix + key;
    // One round trip: start the window with its expiry if there is none, count, and read when it ends.
    const results = await this.redis.multi().set(k, 0, 'PX', windowMs, 'NX').incr(k).pttl(k).exec();
    if (!results) throw new Error('the Redis transaction was aborted');
    for (const [error] of results) if (error) throw error;
    const count = Number(results[1][1]);
    let ttl = Number(results[2][1]);
    if (ttl < 0) {
      // The key outlived its expiry in between (it cannot in one transaction, but a stuck counter would lock
      // its owner out for good): give it one.
      await this.redis.pexpire(k, windowMs);
      ttl = windowMs;
    }
    return { count, resetInMs: ttl };
  }

  async refund(key: string): Promise<void> {
    await this.redis.eval(REFUND_SCRIPT, 1, this.prefix + key);
  }

  async peek(key: string): Promise<number> {
    return Number((await this.redis.get(this.prefix + key)) ?? 0);
  }

  ready(timeoutMs = 2000): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        this.redis.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.redis.once('ready', done);
      this.redis.once('error', done);
    });
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}

/**
 * A Redis client that fails fast: while it is not connected a command fails at once instead of waiting in a queue,
 * so an unreachable Redis delays no request by more than a moment. It keeps reconnecting in the background.
 */
export function connectRedis(url: string, onError: (error: Error) => void): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: 2000,
    // How long closing waits for a socket that never opened; the default would hold a stopping process for 2 s.
    disconnectTimeout: 200,
  });
  redis.on('error', onError);
  return redis;
}
