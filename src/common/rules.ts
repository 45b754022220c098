import { rule } from 'graphql-shield';
import type { ShieldRule } from 'graphql-shield/typings/types';
import { GraphQLError } from 'graphql';
import { holds } from '../modules/authz/authz';
import type { Capability } from '../modules/authz/capabilities';
import type { RequestContext } from './context';
import { ErrorCode } from './errors';

/**
 * The role half of access control: who may call an operation at all, asked of the capability table
 * (src/modules/authz/capabilities.ts). Whether the row at hand is theirs (their country, a state that allows it)
 * is checked again in the services on the loaded row, by the resource's policy.
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

const capabilityRules = new Map<Capability, ShieldRule>();

/**
 * Whoever holds `capability` over some rows: anonymous callers get UNAUTHENTICATED, the others FORBIDDEN unless the
 * table grants it to their role (to an API key only when the capability is one keys may hold).
 */
export function requires(capability: Capability): ShieldRule {
  let existing = capabilityRules.get(capability);
  if (!existing) {
    existing = rule(`requires(${capability})`, { cache: 'contextual' })(
      (_parent, _args, ctx: RequestContext) => {
        if (ctx.viewer.kind === 'anonymous') return unauthenticated();
        return holds(ctx.viewer, capability);
      },
    );
    capabilityRules.set(capability, existing);
  }
  return existing;
}
