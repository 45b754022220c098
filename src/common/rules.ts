import { rule } from 'graphql-shield';
import type { ShieldRule } from 'graphql-shield/typings/types';
import { GraphQLError } from 'graphql';
import { hasRole as viewerHasRole } from '../modules/auth/viewer';
import type { Role } from '../modules/user/user.enums';
import type { RequestContext } from './context';
import { ErrorCode } from './errors';

/**
 * The role half of access control: who may call an operation at all. Whether the row at hand is theirs (their
 * country, a state that allows it) is checked again in the services on the loaded row.
 */

function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in to do this.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export const isSignedIn = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
  ctx.viewer.kind === 'anonymous' ? unauthenticated() : true,
);

/** A signed-in person; API keys are read-only and never pass. */
export const isUser = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
  if (ctx.viewer.kind === 'anonymous') return unauthenticated();
  return ctx.viewer.kind === 'user';
});

const roleRules = new Map<string, ShieldRule>();

/** A signed-in user with one of `roles`. */
export function userWithRole(...roles: Role[]): ShieldRule {
  const key = [...roles].sort().join(',');
  let existing = roleRules.get(key);
  if (!existing) {
    existing = rule(`userWithRole(${key})`, { cache: 'contextual' })(
      (_parent, _args, ctx: RequestContext) => {
        if (ctx.viewer.kind === 'anonymous') return unauthenticated();
        return ctx.viewer.kind === 'user' && viewerHasRole(ctx.viewer, ...roles);
      },
    );
    roleRules.set(key, existing);
  }
  return existing;
}
