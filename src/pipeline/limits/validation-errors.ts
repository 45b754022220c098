import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../../common/context';
import { ErrorCode } from '../../common/errors';

/**
 * graphql-js stops validating a document at its next error past this many, and adds one that says so: a document
 * of thousands of mistakes (unknown fields, unknown or repeated directives) costs the same as one of a few.
 */
export const MAX_VALIDATION_ERRORS = 20;

/**
 * The errors a refused document is answered with. A limit refusal (BAD_USER_INPUT naming its setting, see
 * query-limits.ts) is the whole answer: what else is wrong inside a document too large to run does not matter.
 * Otherwise an error repeated word for word is told once, with the places of all its occurrences, so a field
 * with ten copies of one unknown directive gives one error, not ten.
 */
export function fewerValidationErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const refusals = errors.filter((error) => error.extensions?.code === ErrorCode.BAD_USER_INPUT);
  const kept = refusals.length > 0 ? refusals : errors;
  const byMessage = new Map<string, GraphQLFormattedError>();
  for (const error of kept) {
    const first = byMessage.get(error.message);
    if (!first) {
      byMessage.set(error.message, error);
    } else if (error.locations) {
      byMessage.set(error.message, { ...first, locations: [...(first.locations ?? []), ...error.locations] });
    }
  }
  return [...byMessage.values()];
}

/** Answers a document that failed validation with `fewerValidationErrors`. */
export const validationErrorsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    let invalid = false;
    return {
      async validationDidStart() {
        return async (errors) => {
          invalid = Boolean(errors?.length);
        };
      },
      async willSendResponse({ response }) {
        if (!invalid || response.body.kind !== 'single') return;
        const { errors } = response.body.singleResult;
        if (errors) response.body.singleResult.errors = fewerValidationErrors(errors);
      },
    };
  },
};
