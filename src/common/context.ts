import type { EntityManager } from 'typeorm';
import type { RequestTransaction } from '../db/request-transaction';
import type { StatementCounter } from '../db/statement-counter';
import type { LocaleTag } from './i18n';
import type { LiveEvents } from './live-events';
import type { ResponseCacheScope } from './response-cache-scope';
import type { Viewer } from '../modules/auth/viewer';
import type { AuthSettings } from '../modules/auth/auth.settings';

/**
 * The per-request DataLoaders, one group per module. Each module's `*.loader.ts` adds its group to this interface
 * (declaration merging) and src/modules/loaders.ts builds them: the context names no module's loaders itself, so
 * the services that take a context do not import, through it, the loaders that call them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each module's loader file
export interface Loaders {}

/** Everything a resolver and a service know about the request they serve. */
export interface RequestContext {
  requestId: string;
  /**
   * The request's database access: every statement of the request goes through it, inside one transaction that
   * carries the caller's identity for the row-level security policies.
   */
  db: EntityManager;
  /** The transaction `db` runs in: committed once the response is ready, rolled back if the request fails. */
  transaction: RequestTransaction;
  /** The language texts resolve in when a field is not given a `locale`. */
  locale: LocaleTag;
  /** Per-request DataLoaders, so that related fields batch and cache within one request only. */
  loaders: Loaders;
  statements: StatementCounter;
  /** Who is asking. */
  viewer: Viewer;
  /** What the response was read from: published editions, which anonymous readers may share, or live data. */
  responseCache: ResponseCacheScope;
  auth: AuthSettings;
  /**
   * Set by the service that checks a secret (a password, a setup token) when the one given was right: the
   * request pipeline counts every other check against the sign-in limits.
   */
  credentialCheck: { matched: boolean };
  /** Where committed changes are announced to the subscriptions, and where a subscription listens. */
  live: LiveEvents;
}
