import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DataSource } from 'typeorm';
import { RequestTransaction } from '../../db/request-transaction';
import { StatementCounter } from '../../db/statement-counter';
import { createLoaders } from '../../modules/loaders';
import { ResponseCacheScope } from '../../common/response-cache-scope';
import type { AuthSettings } from '../../modules/auth/auth.settings';
import { authenticateCredential, readCredential } from '../../modules/auth/authenticate';
import type { RequestContext } from '../../common/context';
import { isDatabaseUnavailable } from '../../common/db-errors';
import { serviceUnavailable } from '../../common/errors';
import { localeFromAcceptLanguage } from '../../common/i18n';
import { NO_LIVE_EVENTS, type LiveEvents } from '../../common/live-events';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,100}$/;

/** The caller's X-Request-Id when it is a plain token, else a new one. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const incoming = headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
}

/**
 * Builds the context of one request: opens its transaction and signs the caller in, which also sets the
 * row-level security settings for the transaction. A bad or stale credential is refused here, before anything
 * runs, and the transaction is given back at once. Whoever creates a context must end its transaction.
 */
export async function createRequestContext(
  dataSource: DataSource,
  auth: AuthSettings,
  headers: IncomingHttpHeaders,
  statements: StatementCounter = new StatementCounter(),
  readOnly = false,
  live: LiveEvents = NO_LIVE_EVENTS,
): Promise<RequestContext> {
  // A credential that is refused without the database takes no connection from the pool.
  const credential = readCredential(auth.jwtSecret, headers.authorization);
  let transaction: RequestTransaction | null = null;
  let viewer;
  try {
    transaction = await RequestTransaction.begin(dataSource, readOnly, statements);
    viewer = await authenticateCredential(transaction.manager, credential);
  } catch (error) {
    await transaction?.rollback();
    if (isDatabaseUnavailable(error)) throw serviceUnavailable();
    throw error;
  }
  const ctx = {
    requestId: requestIdFrom(headers),
    db: transaction.manager,
    transaction,
    locale: localeFromAcceptLanguage(headers['accept-language']),
    statements,
    viewer,
    auth,
    responseCache: new ResponseCacheScope(),
    credentialCheck: { matched: false },
    live,
  } as RequestContext;
  ctx.loaders = createLoaders(ctx);
  return ctx;
}
