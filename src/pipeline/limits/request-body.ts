import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { faultFields } from '../observability/observability';

const NOT_JSON =
  'The request body is not a JSON object: send {"query": "…", "variables": {…}} as application/json.';

function graphqlError(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

// What a browser may send cross-site without a preflight; Apollo's CSRF prevention decides about these.
const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/** Refuses with 415 a POST body of a type that cannot carry a GraphQL request. */
export function graphqlContentType(): RequestHandler {
  return (req, res, next) => {
    const type = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (req.method !== 'POST' || !type || type === 'application/json' || SIMPLE_TYPES.includes(type)) {
      next();
      return;
    }
    res
      .status(415)
      .json(
        graphqlError(
          'BAD_REQUEST',
          `Send GraphQL requests as application/json, not ${JSON.stringify(type.slice(0, 100))}.`,
        ),
      );
  };
}

/** Reads a JSON body up to `maxBodyBytes` (after decompression); anything else is left to Apollo to refuse. */
export function graphqlBody(maxBodyBytes: number): RequestHandler {
  return express.json({ limit: maxBodyBytes });
}

/**
 * Answers a body that cannot be read as a GraphQL error in JSON, rather than the framework's HTML page, so a
 * client parses every refusal the same way.
 */
export function graphqlBodyErrors(maxBodyBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number } | undefined, _req, res, next) => {
    switch (error?.type) {
      case 'entity.too.large':
        res
          .status(413)
          .json(
            graphqlError(
              ErrorCode.BAD_USER_INPUT,
              `The request body is larger than ${maxBodyBytes} bytes (setting GRAPHQL_MAX_BODY_BYTES).`,
            ),
          );
        return;
      case 'entity.parse.failed':
        res.status(400).json(graphqlError('BAD_REQUEST', NOT_JSON));
        return;
      case 'encoding.unsupported':
      case 'charset.unsupported':
        res
          .status(415)
          .json(
            graphqlError('BAD_REQUEST', 'Send the body as UTF-8 JSON, optionally gzip- or deflate-encoded.'),
          );
        return;
      default:
        if (error?.status && error.status >= 400 && error.status < 500) {
          res.status(error.status).json(graphqlError('BAD_REQUEST', 'The request body could not be read.'));
          return;
        }
        next(error);
    }
  };
}

/**
 * Deepest nesting of arrays and objects a request's JSON may have. The deepest input of the schema is a few
 * levels; thousands of levels, which a JSON body of a few kilobytes can hold, would overflow the stack of every
 * recursive walk over the variables after it (the response cache's key, the text checks).
 */
export const MAX_JSON_DEPTH = 32;

/** Whether a parsed JSON value nests arrays and objects more than `limit` levels deep, without recursion. */
function deeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/** The JSON a GET request carries in its `variables` and `extensions` parameters; Apollo refuses what does not parse. */
function queryJson(value: unknown): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

/** Refuses with 400 a request whose JSON (a POST body, a GET's variables or extensions) nests past MAX_JSON_DEPTH. */
export function graphqlJsonDepth(): RequestHandler {
  return (req, res, next) => {
    const query = req.query as Record<string, unknown>;
    const values =
      req.method === 'GET' ? [queryJson(query.variables), queryJson(query.extensions)] : [req.body];
    if (!values.some((value) => deeperThan(value, MAX_JSON_DEPTH))) {
      next();
      return;
    }
    res
      .status(400)
      .json(
        graphqlError(
          'BAD_REQUEST',
          `The request's JSON nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; no input of this ` +
            'API is that deep.',
        ),
      );
  };
}

/**
 * The last word on a failure of the steps before Apollo: logged with its details, answered as a GraphQL error in
 * JSON that names none of them, never the framework's page with its stack trace.
 */
export function graphqlFaults(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    logger.error(
      { requestId: req.headers['x-request-id'], error: faultFields(error) },
      'internal server error',
    );
    res.status(500).json(graphqlError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.'));
  };
}
