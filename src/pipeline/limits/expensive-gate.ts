import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../common/context';
import { RATE_LIMITED } from '../rate-limit/rate-limit';
import { operationCost, type ListSizes } from './query-measure';

export interface ExpensiveGateSettings {
  /** GRAPHQL_EXPENSIVE_COST: the estimated cost from which an operation counts as expensive. */
  expensiveCost: number;
  /** GRAPHQL_MAX_EXPENSIVE_CONCURRENT: expensive operations that run at once; the others wait their turn. */
  maxExpensiveConcurrent: number;
  /** GRAPHQL_MAX_EXPENSIVE_WAITING: expensive operations that may wait; past that they are refused. */
  maxExpensiveWaiting: number;
}

/** A counting semaphore whose waiting line is bounded: a flood is refused rather than queued without end. */
export class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly capacity: number,
    private readonly maxWaiting: number,
  ) {}

  /** Resolves with true once a place is free; false at once when the line is full. */
  async enter(): Promise<boolean> {
    if (this.running < this.capacity) {
      this.running += 1;
      return true;
    }
    if (this.waiting.length >= this.maxWaiting) return false;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return true;
  }

  leave(): void {
    const next = this.waiting.shift();
    // The place goes straight to the next in line, so `running` never drops below what is running.
    if (next) next();
    else this.running -= 1;
  }

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/**
 * Lets only a few expensive operations run at once. One process answers every request on one thread: several
 * large answers built side by side multiply the memory they need and hold back every small request behind
 * them. The cheap operations that are most of the traffic never wait here; an expensive one waits for a place,
 * and when too many already wait it is refused with RATE_LIMITED (429) and Retry-After. An operation's cost here
 * counts the lists whose length the data decides as long as `sizes` says (data-list-sizes.ts).
 */
export function expensiveGatePlugin(
  settings: ExpensiveGateSettings,
  sizes: () => ListSizes = () => ({}),
): ApolloServerPlugin<RequestContext> {
  const gate = new Gate(settings.maxExpensiveConcurrent, settings.maxExpensiveWaiting);
  return {
    async requestDidStart() {
      // Apollo runs every plugin's didResolveOperation at once: another may refuse the request while this one
      // still waits for a place, and the answer then goes out first. A place taken after that is given back at
      // once, so none is ever kept by a request that has ended.
      const place: { state: 'outside' | 'waiting' | 'inside' | 'ended' } = { state: 'outside' };
      const ended = () => place.state === 'ended';
      return {
        async didResolveOperation({ schema, document, operation }) {
          if (!operation || operationCost(schema, document, operation, sizes()) < settings.expensiveCost)
            return;
          place.state = 'waiting';
          const entered = await gate.enter();
          if (entered && ended()) {
            gate.leave();
            return;
          }
          if (!entered) {
            place.state = 'outside';
            throw new GraphQLError(
              `Too many expensive operations are running: at most ${settings.maxExpensiveConcurrent} at once and ` +
                `${settings.maxExpensiveWaiting} waiting (settings GRAPHQL_MAX_EXPENSIVE_CONCURRENT, ` +
                `GRAPHQL_MAX_EXPENSIVE_WAITING; an operation is expensive from an estimated cost of ` +
                `${settings.expensiveCost}, GRAPHQL_EXPENSIVE_COST). Try again in a second, or ask for less.`,
              {
                extensions: {
                  code: RATE_LIMITED,
                  retryAfter: 1,
                  http: { status: 429, headers: new HeaderMap([['retry-after', '1']]) },
                },
              },
            );
          }
          place.state = 'inside';
        },
        async willSendResponse() {
          if (place.state === 'inside') gate.leave();
          place.state = 'ended';
        },
      };
    },
  };
}
