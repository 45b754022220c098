import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, valueFromAST, type FieldNode, type GraphQLSchema } from 'graphql';
import type { RateLimitSettings } from '../../config';
import type { RequestContext } from '../../common/context';
import { rootFields } from '../limits/sensitive-mutations';
import { digest, RATE_LIMITED, type RateLimiter } from './rate-limit';

// A symbol property, as Apollo hands plugins a shallow copy of the context (which copies it along).
const CALLER_ADDRESS = Symbol('callerAddress');

/** Records on a request's context the address its caller is counted under. */
export function setCallerAddress(context: object, address: string): void {
  Object.defineProperty(context, CALLER_ADDRESS, { value: address, enumerable: true });
}

function callerAddress(context: object): string {
  return (context as { [CALLER_ADDRESS]?: string })[CALLER_ADDRESS] ?? 'unknown';
}

/** One counter a check of a secret is held against, with the words of its refusal. */
interface Counter {
  key: string;
  limit: number;
  setting: string;
  scope: string;
  /** Each window it is spent in makes its next one twice as long (see GROWING_DELAY). */
  grows?: boolean;
}

/**
 * Growing delays for one account from one address: each login window in which its limit is spent doubles the
 * next, up to 2^GROWING_DELAY_DOUBLINGS windows (about 8 hours for 900 s), remembered for a day. Someone guessing
 * from one address slows down ever more, while the account's owner elsewhere and the other users of that
 * address keep their own counters.
 */
const GROWING_DELAY_DOUBLINGS = 5;
const STRIKES_MEMORY_SECONDS = 24 * 60 * 60;

/** The outcome of counting one check against its counters: which refused it, and for how long. */
export interface LoginCount {
  counted: string[];
  refusal: Counter | null;
  retryAfter: number;
}

/** Counts one check of a secret against each of its counters (those with a limit). */
export async function countLoginCheck(
  limiter: RateLimiter,
  counters: Counter[],
  windowSeconds: number,
): Promise<LoginCount> {
  const result: LoginCount = { counted: [], refusal: null, retryAfter: 0 };
  for (const counter of counters.filter((c) => c.limit > 0)) {
    let window = windowSeconds;
    if (counter.grows) {
      const strikes = await limiter.peek(`strikes:${counter.key}`);
      window = windowSeconds * 2 ** Math.min(strikes, GROWING_DELAY_DOUBLINGS);
    }
    const decision = await limiter.take(counter.key, counter.limit, window);
    result.counted.push(counter.key);
    // The check that takes the last place of a window spends it: the next window is longer.
    if (counter.grows && decision.count === counter.limit) {
      await limiter.take(`strikes:${counter.key}`, Number.MAX_SAFE_INTEGER, STRIKES_MEMORY_SECONDS);
    }
    if (decision.allowed) continue;
    result.refusal ??= counter;
    result.retryAfter = Math.max(result.retryAfter, decision.retryAfterSeconds);
  }
  return result;
}

/**
 * The counters of one check of a secret from `address`. A password belongs to an account (its e-mail address):
 * it counts for that account from that address, for the account from everywhere and for the address. A setup
 * token names no account until it matches, so it counts for the address only.
 */
export function loginCounters(
  settings: RateLimitSettings,
  address: string,
  account: string | null,
): Counter[] {
  const counters: Counter[] = [];
  if (account !== null) {
    const id = digest(account.trim().toLowerCase());
    counters.push(
      {
        key: `login-pair:${address}:${id}`,
        limit: settings.login,
        setting: 'LOGIN_RATE_LIMIT',
        scope: 'for one account from one address',
        grows: true,
      },
      {
        key: `login-account:${id}`,
        limit: settings.loginAccount,
        setting: 'LOGIN_RATE_LIMIT_ACCOUNT',
        scope: 'for one account from all addresses together',
      },
    );
  }
  counters.push({
    key: `login-ip:${address}`,
    limit: settings.loginAddress,
    setting: 'LOGIN_RATE_LIMIT_ADDRESS',
    scope: 'from one address, whatever the account',
  });
  return counters;
}

/** The `input.<name>` string a root mutation field is given, written inline or in variables; null without one. */
function inputString(
  schema: GraphQLSchema,
  field: FieldNode,
  name: string,
  variables: Record<string, unknown> | undefined,
): string | null {
  const argument = field.arguments?.find((a) => a.name.value === 'input');
  const mutations = schema.getMutationType()?.getFields() ?? {};
  const definition = mutations[field.name.value]?.args.find((a) => a.name === 'input');
  if (!argument || !definition) return null;
  const value = valueFromAST(argument.value, definition.type, variables) as
    Record<string, unknown> | undefined;
  return typeof value?.[name] === 'string' ? value[name] : null;
}

/**
 * The account whose secret a root mutation field checks: null when the secret names no account (a setup token),
 * undefined when the field checks no secret or will be refused before it does (a password change without a
 * signed-in user).
 */
async function accountChecked(
  field: FieldNode,
  schema: GraphQLSchema,
  variables: Record<string, unknown> | undefined,
  context: RequestContext,
): Promise<string | null | undefined> {
  switch (field.name.value) {
    case 'login':
      return inputString(schema, field, 'email', variables);
    case 'passwordChange': {
      const viewer = context.viewer;
      if (viewer.kind !== 'user') return undefined;
      const user = await context.loaders.user.byId.load(viewer.userId);
      return user?.email ?? `user:${viewer.userId}`;
    }
    case 'userSetPassword':
      return null;
    default:
      return undefined;
  }
}

/**
 * Holds every check of a password or setup token (`login`, `passwordChange`, `userSetPassword`) to the login
 * limits: LOGIN_RATE_LIMIT per account and address, LOGIN_RATE_LIMIT_ACCOUNT per account and
 * LOGIN_RATE_LIMIT_ADDRESS per address, per login window. A check counts while it runs, so a burst of parallel
 * guesses is refused as well; one whose secret was right (the service sets `credentialCheck.matched`) is taken
 * back, so only failures add up. The per-account and per-address limits are well above the one for the pair, so
 * that failures from one address cannot lock an account's owner out from another, nor lock out the other users
 * of that address; the one for the pair grows its window each time it is spent. Validation lets a request run
 * one such mutation at most (sensitive-mutations.ts).
 */
export function loginRateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<RequestContext> {
  const { settings } = limiter;
  return {
    async requestDidStart() {
      let counted: string[] = [];
      return {
        async didResolveOperation({ operation, document, request, contextValue, schema }) {
          if (operation?.operation !== 'mutation') return;
          const address = callerAddress(contextValue);
          const counters: Counter[] = [];
          for (const field of rootFields(operation, document).values()) {
            const account = await accountChecked(field, schema, request.variables, contextValue);
            if (account !== undefined) counters.push(...loginCounters(settings, address, account));
          }
          const count = await countLoginCheck(limiter, counters, settings.loginWindowSeconds);
          counted.push(...count.counted);
          const { refusal, retryAfter } = count;
          if (!refusal) return;
          // Nothing runs, so nothing was attempted.
          const taken = counted;
          counted = [];
          await Promise.all(taken.map((key) => limiter.refund(key)));
          throw new GraphQLError(
            `Too many failed sign-ins and password checks ${refusal.scope}: at most ${refusal.limit} per ` +
              `${settings.loginWindowSeconds} seconds (setting ${refusal.setting})` +
              `${refusal.grows ? ', a window that doubles each time it is spent' : ''}. ` +
              `Try again in ${retryAfter} seconds.`,
            {
              extensions: {
                code: RATE_LIMITED,
                setting: refusal.setting,
                retryAfter,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
              },
            },
          );
        },
        async willSendResponse({ contextValue }) {
          if (counted.length === 0) return;
          const taken = counted;
          counted = [];
          if (contextValue.credentialCheck.matched)
            await Promise.all(taken.map((key) => limiter.refund(key)));
        },
      };
    },
  };
}
