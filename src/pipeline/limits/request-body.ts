import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from '../../common/errors';

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
