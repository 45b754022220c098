/**
 * What changed, as the subscriptions are told of it. An event carries identifiers and codes only, never the
 * content: it travels between instances through Redis, and each subscriber reads the row again under its own
 * sign-in, so that it receives exactly what a query would show it.
 */
export type LiveEvent =
  | { type: 'assessment'; assessmentId: string; countryCode: string; cycleId: string }
  | {
      type: 'reviewComment';
      action: 'CREATED' | 'RESOLVED';
      commentId: string;
      assessmentId: string;
      countryCode: string;
    }
  | { type: 'cycle'; cycleId: string };

export type LiveEventType = LiveEvent['type'];

/** An event of one type. */
export type LiveEventOf<T extends LiveEventType> = Extract<LiveEvent, { type: T }>;

/** Where committed changes are announced, and where subscriptions listen (src/pipeline/live/live-bus.ts). */
export interface LiveEvents {
  /** Sends an event to every subscriber of every instance. Never throws: live updates are best effort. */
  publish(event: LiveEvent): void;
  /** The events of one type from now on, until the iterator is returned. */
  listen<T extends LiveEventType>(type: T): AsyncIterableIterator<LiveEventOf<T>>;
}

/** For contexts that announce nothing (scripts, the seed): every event is dropped. */
export const NO_LIVE_EVENTS: LiveEvents = {
  publish: () => undefined,
  listen: () => {
    throw new Error('This context has no live events to listen to.');
  },
};

/**
 * Announces a change once the request's transaction commits: a change that rolls back is never announced, and a
 * subscriber that reads the row on hearing of it finds it committed. Called by a service after its mutation
 * succeeded; `runMutation` drops what a failed mutation announced. Takes the request context (typed by what it
 * uses, so that this file and the context's need not import each other).
 */
export function announce(
  ctx: { transaction: { afterCommit(callback: () => void): void }; live: LiveEvents },
  event: LiveEvent,
): void {
  ctx.transaction.afterCommit(() => ctx.live.publish(event));
}

/**
 * Thrown by a subscription's resolver when the subscriber may not see what the event is about (another country's
 * draft, a comment it may not read) or when it is gone: the event is then not sent to that subscriber at all.
 */
export class HiddenEvent extends Error {
  constructor() {
    super('This event is not for this subscriber.');
  }
}

/**
 * The events of `source` for which `keep` holds. Returning the result returns `source` at once, even while it
 * waits for its next event, so that a subscription the client completes stops listening straight away.
 */
export function filterEvents<T>(
  source: AsyncIterableIterator<T>,
  keep: (event: T) => boolean,
): AsyncIterableIterator<T> {
  const done = (): Promise<IteratorResult<T>> =>
    (source.return?.() ?? Promise.resolve({ value: undefined, done: true })) as Promise<IteratorResult<T>>;
  return {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || keep(result.value)) return result;
      }
    },
    return: done,
    throw: async (error: unknown) => {
      await done();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
