import type { RequestHandler } from 'express';
import { ErrorCode } from '../../common/errors';
import { sendRouteError } from '../../common/route';
import { requestIdFrom } from '../context/request-context';

/**
 * The longest text a GraphQL `String` takes anywhere (free text included), and the longest `ID`. They are outer
 * fences against values no field can use; a field with a stricter rule of its own (a title, an e-mail address,
 * a comment) keeps it and answers it as it always did.
 */
export const MAX_STRING_LENGTH = 100_000;
export const MAX_ID_LENGTH = 100;

/** The most characters a value of the scalar `scalar` may have. */
export function maxLengthOf(scalar: string): number {
  return scalar === 'ID' ? MAX_ID_LENGTH : MAX_STRING_LENGTH;
}

export type TextProblem = 'nul' | 'surrogate' | 'length';

// Without the `u` flag the expression sees UTF-16 code units, which is where an unpaired surrogate shows.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What makes `text` unfit to store: PostgreSQL refuses NUL in text (and in jsonb), and an unpaired surrogate is
 * not Unicode, so it can be neither stored as UTF-8 nor sent back as it came.
 */
export function textProblem(text: string, maxLength = Number.POSITIVE_INFINITY): TextProblem | null {
  if (text.length > maxLength) return 'length';
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}

/** The end of a sentence that says what is wrong with a value, after its name. */
export function describeProblem(problem: TextProblem, maxLength: number): string {
  switch (problem) {
    case 'nul':
      return 'holds a NUL character (U+0000), which text may not contain.';
    case 'surrogate':
      return 'holds an unpaired UTF-16 surrogate (U+D800 to U+DFFF): send text as valid Unicode.';
    case 'length':
      return `is longer than ${maxLength} characters.`;
  }
}

/** The first segment of a raw URL path that does not decode to storable text, or null. */
function pathProblem(rawPath: string): string | null {
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // Percent-encoded bytes that are not UTF-8: an encoded surrogate is one of these.
      return 'The URL path is not valid percent-encoded UTF-8.';
    }
    const problem = textProblem(decoded);
    if (problem) return `The URL path ${describeProblem(problem, 0)}`;
  }
  return null;
}

function queryProblem(query: Record<string, unknown>): string | null {
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of [name, ...values]) {
      const problem = typeof item === 'string' ? textProblem(item) : null;
      if (problem) {
        const label = textProblem(name) ? 'A query parameter name' : `The ${name} parameter`;
        return `${label} ${describeProblem(problem, 0)}`;
      }
    }
  }
  return null;
}

/**
 * Refuses with 400 BAD_USER_INPUT a plain HTTP route's request whose path or query parameters hold a NUL or an
 * unpaired surrogate, before the route or the router reads them: neither can reach SQL as text, and a path the
 * router cannot decode would otherwise be answered by the framework's own error page.
 */
export function routeTextChecks(): RequestHandler {
  return (req, res, next) => {
    const [rawPath] = req.originalUrl.split('?', 1);
    const problem = pathProblem(rawPath) ?? queryProblem(req.query as Record<string, unknown>);
    if (!problem) {
      next();
      return;
    }
    res.set('x-request-id', requestIdFrom(req.headers));
    sendRouteError(res, 400, { code: ErrorCode.BAD_USER_INPUT, message: problem });
  };
}
