import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DataSource } from 'typeorm';
import { StatementCounter } from '../db/statement-counter';
import { createLoaders } from '../graphql/loaders';
import type { AuthSettings } from '../modules/auth/auth.settings';
import { authenticate } from '../modules/auth/authenticate';
import type { RequestContext } from './context';
import { isDatabaseUnavailable } from './db-errors';
import { serviceUnavailable } from './errors';
import { localeFromAcceptLanguage } from './i18n';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,100}$/;

/** Builds the context of one request; a bad or stale credential is refused here, before anything runs. */
export async function createRequestContext(
  dataSource: DataSource,
  auth: AuthSettings,
  headers: IncomingHttpHeaders,
  statements: StatementCounter = new StatementCounter(),
): Promise<RequestContext> {
  const incomingId = headers['x-request-id'];
  let viewer;
  try {
    viewer = await authenticate(dataSource, auth.jwtSecret, headers.authorization);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw serviceUnavailable();
    throw error;
  }
  const ctx = {
    requestId: typeof incomingId === 'string' && REQUEST_ID_RE.test(incomingId) ? incomingId : randomUUID(),
    db: dataSource.manager,
    locale: localeFromAcceptLanguage(headers['accept-language']),
    statements,
    viewer,
    auth,
  } as RequestContext;
  ctx.loaders = createLoaders(ctx);
  return ctx;
}
