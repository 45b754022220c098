import { GraphQLError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Codes of top-level errors, in `errors[].extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** Codes of expected business failures, returned in a mutation payload's `userErrors`. */
export enum UserErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  STALE_VERSION = 'STALE_VERSION',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CYCLE_NOT_OPEN = 'CYCLE_NOT_OPEN',
  SCORE_OUT_OF_RANGE = 'SCORE_OUT_OF_RANGE',
  ANSWER_TYPE_MISMATCH = 'ANSWER_TYPE_MISMATCH',
  DUPLICATE = 'DUPLICATE',
  FRAMEWORK_VERSION_IN_USE = 'FRAMEWORK_VERSION_IN_USE',
  NOT_EDITABLE = 'NOT_EDITABLE',
  COMMENT_REQUIRED = 'COMMENT_REQUIRED',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  INVALID_TOKEN = 'INVALID_TOKEN',
  BREAKDOWN_TOTAL_MISMATCH = 'BREAKDOWN_TOTAL_MISMATCH',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Stable codes of the business failures a mutation reports in `userErrors`.',
  valuesConfig: {
    INVALID_CREDENTIALS: {
      description: 'The e-mail address or the password is wrong (which one is not said).',
    },
    NOT_FOUND: { description: 'A referenced record does not exist or is not visible to the caller.' },
    INVALID_INPUT: { description: 'A value is malformed or out of its allowed range.' },
    STALE_VERSION: {
      description: 'The record changed since `expectedVersion`; reload it and apply the change again.',
    },
    INVALID_TRANSITION: { description: 'The record’s status does not allow this step.' },
    CYCLE_NOT_OPEN: { description: 'The monitoring cycle is not open for changes.' },
    SCORE_OUT_OF_RANGE: { description: 'A score must be 0, 1, 2 or 3.' },
    ANSWER_TYPE_MISMATCH: { description: 'The answer given does not match the indicator’s answer type.' },
    DUPLICATE: { description: 'A record with the same unique key already exists.' },
    FRAMEWORK_VERSION_IN_USE: {
      description: 'The framework version is used by a cycle and can no longer change.',
    },
    NOT_EDITABLE: {
      description:
        'The assessment cannot be changed in its status: only DRAFT and CHANGES_REQUESTED assessments can.',
    },
    COMMENT_REQUIRED: { description: 'Requesting changes or reopening needs a comment that says why.' },
    ROLE_NOT_ALLOWED: {
      description: 'The role cannot be granted by the caller (it is above the caller’s own).',
    },
    INVALID_TOKEN: { description: 'The one-time token is unknown, used or expired.' },
    BREAKDOWN_TOTAL_MISMATCH: {
      description:
        'The cells of a breakdown by exhaustive dimensions do not add up to the total, or a crossed table to a single one.',
    },
  },
});

@ObjectType({ description: 'An expected business failure of a mutation; nothing was changed.' })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description:
      'Path to the input field at fault, e.g. `["input", "score"]`; null when not about one field.',
  })
  field: string[] | null;

  @Field(() => UserErrorCode, { description: 'Stable code to branch on.' })
  code: UserErrorCode;

  @Field({ description: 'Human-readable explanation in English.' })
  message: string;

  static of(code: UserErrorCode, message: string, field: string[] | null = null): UserError {
    return Object.assign(new UserError(), { code, message, field });
  }
}

export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions } });
}

export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${id} was not found.`, { extensions: { code: ErrorCode.NOT_FOUND } });
}

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The database is unavailable. Try again in a few seconds.', {
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      http: { status: 503, headers: new Map([['retry-after', '5']]) },
    },
  });
}
