import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../../common/db-errors';
import { ErrorCode } from '../../common/errors';

/** Whether a plain HTTP route failed because the database is away: answered 503 with Retry-After, not 500. */
export function failedForUnavailableDatabase(error: unknown): boolean {
  return (
    isDatabaseUnavailable(error) ||
    (error instanceof GraphQLError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE)
  );
}

export const UNAVAILABLE_MESSAGE = 'The database is unavailable. Try again in a few seconds.';
