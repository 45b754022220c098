import { Field, ObjectType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from './context';
import { forbidden, UserError, UserErrorCode } from './errors';

/** The shape every mutation payload shares; its fields are inherited by each payload type. */
@ObjectType({ description: 'Fields every mutation payload has.' })
export abstract class MutationPayload {
  @Field(() => [UserError], {
    description: 'Expected business failures; when there is any, nothing was changed.',
  })
  userErrors: UserError[] = [];
}

/** A business rule refused the change: the transaction rolls back and the payload carries the reasons. */
export class BusinessRuleError extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join(' '));
  }

  static of(code: UserErrorCode, message: string, field: string[] | null = null): BusinessRuleError {
    return new BusinessRuleError([UserError.of(code, message, field)]);
  }
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
}

/** Turns a constraint the database enforced into a userError, so a rule held only there still reads well. */
export function constraintToUserError(error: unknown): UserError | null {
  const driver = (error as { driverError?: PgError }).driverError ?? (error as PgError);
  switch (driver?.code) {
    case '23505':
      return UserError.of(
        UserErrorCode.DUPLICATE,
        `A record with the same ${describe(driver)} already exists.`,
      );
    case '23503':
      return UserError.of(
        UserErrorCode.NOT_FOUND,
        `A referenced record does not exist (${describe(driver)}).`,
      );
    case '23514':
    case '23502':
    case '22001':
    case '22P02':
    case '22007':
    case '22008':
      if (driver.constraint === 'framework_version_frozen') {
        return UserError.of(
          UserErrorCode.FRAMEWORK_VERSION_IN_USE,
          'The framework version is used by a cycle and cannot change.',
        );
      }
      return UserError.of(UserErrorCode.INVALID_INPUT, `A value is not allowed (${describe(driver)}).`);
    default:
      return null;
  }
}

/** A write the row-level security policies refused (SQLSTATE 42501 from a policy's WITH CHECK). */
export function isRowSecurityViolation(error: unknown): boolean {
  const driver = (error as { driverError?: PgError }).driverError ?? (error as PgError);
  return driver?.code === '42501' && /row-level security/.test(driver.message ?? '');
}

function describe(driver: PgError): string {
  return driver.constraint ?? driver.detail ?? 'constraint';
}

/**
 * Runs a write in one transaction. A BusinessRuleError or a constraint violation rolls it back and becomes the
 * payload's userErrors; anything else rolls back and propagates as a top-level error.
 */
export async function runMutation<P extends MutationPayload>(
  ctx: RequestContext,
  payload: () => P,
  work: (manager: EntityManager, result: P) => Promise<void>,
): Promise<P> {
  // Services fill in the changed record only once everything succeeded; hints such as the current version set
  // before a refusal stay on the payload.
  const result = payload();
  // What the work announced for after the commit is dropped with its savepoint.
  const mark = ctx.transaction.afterCommitMark();
  try {
    await ctx.db.transaction(async (manager) => work(manager, result));
    return result;
  } catch (error) {
    ctx.transaction.dropAfter(mark);
    if (error instanceof BusinessRuleError) {
      result.userErrors = error.userErrors;
      return result;
    }
    const userError = constraintToUserError(error);
    if (userError) {
      result.userErrors = [userError];
      return result;
    }
    if (isRowSecurityViolation(error)) {
      // The API's own rules let the change through and the database's policies did not: refused all the same.
      throw forbidden('You cannot make this change: it is outside what your organisation may change.');
    }
    throw error;
  }
}
