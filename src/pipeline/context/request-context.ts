import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DataSource } from 'typeorm';
import { RequestTransaction, statementName } from '../../db/request-transaction';
import type { BatchSignIn } from '../../db/read-pipeline';
import { StatementCounter } from '../../db/statement-counter';
import { createLoaders } from '../../modules/loaders';
import { ResponseCacheScope } from '../../common/response-cache-scope';
import type { AuthSettings } from '../../modules/auth/auth.settings';
import {
  authenticateCredential,
  readCredential,
  signInStatement,
  unauthenticated,
  viewerFromSignIn,
  type Credential,
} from '../../modules/auth/authenticate';
import { sameViewer, type ViewerCache } from '../../modules/auth/viewer-cache';
import type { Viewer } from '../../modules/auth/viewer';
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

export interface RequestContextOptions {
  statements?: StatementCounter;
  /** Read from a read replica (an anonymous query, when there are replicas). */
  replica?: boolean;
  live?: LiveEvents;
  /**
   * The request's operation only reads (a query): its statements go out in batches behind the sign-in, without a
   * transaction (src/db/read-pipeline.ts), and the caller may be taken from `viewers` before the database has
   * answered the sign-in.
   */
  read?: { viewers: ViewerCache };
}

/**
 * Builds the context of one request: opens its connection and signs the caller in, which also sets the
 * row-level security settings. A bad or stale credential is refused here, before anything runs, and the
 * connection is given back at once; for a read whose caller is known from the last few seconds, the sign-in goes
 * out with the first statements instead, and is refused there. Whoever creates a context must end its
 * transaction.
 */
export async function createRequestContext(
  dataSource: DataSource,
  auth: AuthSettings,
  headers: IncomingHttpHeaders,
  options: RequestContextOptions = {},
): Promise<RequestContext> {
  const statements = options.statements ?? new StatementCounter();
  // A credential that is refused without the database takes no connection from the pool.
  const credential = readCredential(auth.jwtSecret, headers.authorization);
  let transaction: RequestTransaction | null = null;
  let viewer: Viewer;
  try {
    if (options.read) {
      ({ transaction, viewer } = await beginRead(dataSource, credential, statements, options));
    } else {
      transaction = await RequestTransaction.begin(dataSource, options.replica, statements);
      viewer = await authenticateCredential(transaction.manager, credential);
    }
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
    live: options.live ?? NO_LIVE_EVENTS,
  } as RequestContext;
  ctx.loaders = createLoaders(ctx);
  return ctx;
}

async function beginRead(
  dataSource: DataSource,
  credential: Credential,
  statements: StatementCounter,
  options: RequestContextOptions,
): Promise<{ transaction: RequestTransaction; viewer: Viewer }> {
  const { viewers } = options.read!;
  const cached = viewers.get(credential);
  const transaction = await RequestTransaction.beginRead(dataSource, options.replica, statements);
  const pipeline = transaction.pipeline!;
  let viewer = cached;
  if (viewer) {
    // Counted once, as the sign-in of a request always is, though it goes out in front of every batch.
    if (!statements.signInCounted) statements.record(signInStatement(credential)?.text ?? '');
  } else {
    viewer = await authenticateCredential(transaction.manager, credential);
    viewers.set(credential, viewer);
    pipeline.confirmed = true;
  }
  statements.signInCounted = true;
  pipeline.signIn = batchSignIn(credential, viewer, viewers);
  return { transaction, viewer };
}

/**
 * The sign-in in front of each batch of a read, and its check: the database must confirm the very caller the
 * request runs as, or everything the request read is thrown away.
 */
function batchSignIn(credential: Credential, expected: Viewer, viewers: ViewerCache): BatchSignIn | null {
  const statement = signInStatement(credential);
  if (!statement) return null;
  return {
    statement: { name: statementName(statement.text), ...statement },
    check(rows) {
      let confirmed: Viewer;
      try {
        confirmed = viewerFromSignIn(credential, rows);
      } catch (refused) {
        viewers.forget(credential);
        throw refused;
      }
      if (!sameViewer(confirmed, expected)) {
        viewers.forget(credential);
        throw unauthenticated(ACCESS_CHANGED);
      }
    },
  };
}

const ACCESS_CHANGED =
  'What this sign-in may read changed while the request ran; nothing was answered. Send the request again.';
