import Redis from 'ioredis';
import type { LiveEvent, LiveEventOf, LiveEvents, LiveEventType } from '../../common/live-events';
import type { Logger } from '../../common/logger';
import { connectRedis } from '../rate-limit/rate-limit-store';

/** The events announced on this instance and, with Redis, on every other one; closed when the server stops. */
export interface LiveBus extends LiveEvents {
  /** How many subscriptions listen on this instance. */
  readonly listening: number;
  /** Resolves once events can flow (Redis subscribed), or after a short wait if Redis does not answer. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Events a subscriber that reads slower than they come may have waiting; past it the oldest are dropped. */
export const MAX_QUEUED_EVENTS = 100;

type Listener = (event: LiveEvent) => void;

/** The subscriptions of this instance, by event type, each with its own bounded queue. */
class Listeners {
  private readonly byType = new Map<LiveEventType, Set<Listener>>();

  deliver(event: LiveEvent): void {
    for (const listener of this.byType.get(event.type) ?? []) listener(event);
  }

  get count(): number {
    let total = 0;
    for (const set of this.byType.values()) total += set.size;
    return total;
  }

  listen<T extends LiveEventType>(type: T): AsyncIterableIterator<LiveEventOf<T>> {
    const queue: Array<LiveEventOf<T>> = [];
    let waiting: ((result: IteratorResult<LiveEventOf<T>>) => void) | null = null;
    let ended = false;
    const set = this.byType.get(type) ?? new Set<Listener>();
    this.byType.set(type, set);
    const listener: Listener = (event) => {
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value: event as LiveEventOf<T>, done: false });
        return;
      }
      queue.push(event as LiveEventOf<T>);
      if (queue.length > MAX_QUEUED_EVENTS) queue.shift();
    };
    set.add(listener);
    const end = async (): Promise<IteratorResult<LiveEventOf<T>>> => {
      if (!ended) {
        ended = true;
        set.delete(listener);
        queue.length = 0;
        waiting?.({ value: undefined, done: true });
        waiting = null;
      }
      return { value: undefined, done: true };
    };
    return {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: end,
      throw: async (error: unknown) => {
        await end();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

/** Events of this instance only: without REDIS_URL, a change made on another instance is not heard here. */
export class MemoryLiveBus implements LiveBus {
  private readonly listeners = new Listeners();

  publish(event: LiveEvent): void {
    // After the caller's own work, as an event from Redis would come.
    queueMicrotask(() => this.listeners.deliver(event));
  }

  listen<T extends LiveEventType>(type: T): AsyncIterableIterator<LiveEventOf<T>> {
    return this.listeners.listen(type);
  }

  /** How many subscriptions listen on this instance. */
  get listening(): number {
    return this.listeners.count;
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

const ID = /^[0-9a-f-]{36}$/i;

/** An event as another instance sent it, checked field by field: anything else on the channel is ignored. */
export function parseLiveEvent(text: string): LiveEvent | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const id = (key: string) => typeof value?.[key] === 'string' && ID.test(value[key] as string);
  const country = typeof value?.countryCode === 'string' && /^[A-Z]{2}$/.test(value.countryCode);
  switch (value?.type) {
    case 'assessment':
      return id('assessmentId') && id('cycleId') && country
        ? {
            type: 'assessment',
            assessmentId: value.assessmentId as string,
            countryCode: value.countryCode as string,
            cycleId: value.cycleId as string,
          }
        : null;
    case 'reviewComment':
      return id('commentId') &&
        id('assessmentId') &&
        country &&
        ['CREATED', 'RESOLVED'].includes(value.action as string)
        ? {
            type: 'reviewComment',
            action: value.action as 'CREATED' | 'RESOLVED',
            commentId: value.commentId as string,
            assessmentId: value.assessmentId as string,
            countryCode: value.countryCode as string,
          }
        : null;
    case 'cycle':
      return id('cycleId') ? { type: 'cycle', cycleId: value.cycleId as string } : null;
    default:
      return null;
  }
}

/**
 * Events shared by every instance through one Redis channel: each instance publishes what it commits and
 * delivers to its own subscriptions what comes back on the channel, its own events included. Redis pub/sub keeps
 * nothing: an instance that is disconnected for a moment misses what was said meanwhile.
 */
export class RedisLiveBus implements LiveBus {
  private readonly listeners = new Listeners();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly subscribed: Promise<unknown>;

  constructor(
    url: string,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {
    const warn = (error: Error) => logger.warn({ error: { message: error.message } }, 'live updates: Redis');
    this.publisher = connectRedis(url, warn);
    // The subscriber waits for its connection and subscribes again after each reconnection.
    this.subscriber = new Redis(url, { connectTimeout: 2000, disconnectTimeout: 200 });
    this.subscriber.on('error', warn);
    this.subscriber.on('message', (from: string, text: string) => {
      if (from !== this.channel) return;
      const event = parseLiveEvent(text);
      if (event) this.listeners.deliver(event);
    });
    this.subscribed = this.subscriber.subscribe(channel).catch(warn);
  }

  publish(event: LiveEvent): void {
    this.publisher.publish(this.channel, JSON.stringify(event)).catch((error: Error) => {
      this.logger.warn({ error: { message: error.message }, event: event.type }, 'live update not sent');
    });
  }

  listen<T extends LiveEventType>(type: T): AsyncIterableIterator<LiveEventOf<T>> {
    return this.listeners.listen(type);
  }

  get listening(): number {
    return this.listeners.count;
  }

  async ready(timeoutMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.subscribed, late]);
    clearTimeout(timer);
  }

  async close(): Promise<void> {
    for (const redis of [this.subscriber, this.publisher]) {
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    }
  }
}

/** Redis when REDIS_URL is set, so that every instance hears every change; else this instance's own events. */
export function createLiveBus(redisUrl: string | null, channel: string, logger: Logger): LiveBus {
  return redisUrl ? new RedisLiveBus(redisUrl, channel, logger) : new MemoryLiveBus();
}
