import type { Request } from 'express';
import { getOperationAST, parse } from 'graphql';

/**
 * Whether a GraphQL request may read from a replica: an anonymous query. Signed-in callers read from the primary,
 * so that what they have just saved is what they read next (a replica lags behind), and mutations always write
 * there. Only asked when replicas are configured, since it parses the operation once more.
 */
export function readsFromReplica(req: Request, maxTokens: number): boolean {
  if (req.headers.authorization) return false;
  const params = (req.method === 'GET' ? req.query : req.body) as
    { query?: unknown; operationName?: unknown } | undefined;
  if (typeof params?.query !== 'string') return false;
  try {
    const document = parse(params.query, { maxTokens });
    const name = typeof params.operationName === 'string' ? params.operationName : undefined;
    return getOperationAST(document, name)?.operation === 'query';
  } catch {
    // Apollo answers the parse error itself; the request reads nothing.
    return false;
  }
}
