import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DataSource } from 'typeorm';
import { StatementCounter } from '../db/statement-counter';
import { createLoaders } from '../graphql/loaders';
import type { RequestContext } from './context';
import { localeFromAcceptLanguage } from './i18n';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{1,100}$/;

export function createRequestContext(
  dataSource: DataSource,
  headers: IncomingHttpHeaders,
  statements: StatementCounter = new StatementCounter(),
): RequestContext {
  const incomingId = headers['x-request-id'];
  const ctx = {
    requestId: typeof incomingId === 'string' && REQUEST_ID_RE.test(incomingId) ? incomingId : randomUUID(),
    dataSource,
    locale: localeFromAcceptLanguage(headers['accept-language']),
    statements,
  } as RequestContext;
  ctx.loaders = createLoaders(ctx);
  return ctx;
}
