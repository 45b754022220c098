import type { Request } from 'express';
import { getOperationAST, parse, type OperationTypeNode } from 'graphql';

const KNOWN_MAX_ENTRIES = 500;
const KNOWN_MAX_TEXT = 20_000;
/** The kind of operation of texts seen before: clients send the same few texts again and again. */
const known = new Map<string, OperationTypeNode | null>();

/**
 * The kind of the operation a GraphQL request names (`query`, `mutation`, `subscription`), or null when it cannot
 * be told yet (no text, a persisted query's hash alone, a text that does not parse: Apollo answers those itself).
 * Known before Apollo runs, so that a query can be run as a read (src/db/read-pipeline.ts).
 */
export function operationKind(req: Request, maxTokens: number): OperationTypeNode | null {
  const params = (req.method === 'GET' ? req.query : req.body) as
    { query?: unknown; operationName?: unknown } | undefined;
  if (typeof params?.query !== 'string') return null;
  const name = typeof params.operationName === 'string' ? params.operationName : '';
  const key = `${name}\n${params.query}`;
  const seen = known.get(key);
  if (seen !== undefined) return seen;
  let kind: OperationTypeNode | null = null;
  try {
    kind = getOperationAST(parse(params.query, { maxTokens }), name || undefined)?.operation ?? null;
  } catch {
    // Apollo answers the parse error itself; the request reads nothing.
    return null;
  }
  if (key.length <= KNOWN_MAX_TEXT) {
    if (known.size >= KNOWN_MAX_ENTRIES) known.delete(known.keys().next().value!);
    known.set(key, kind);
  }
  return kind;
}
