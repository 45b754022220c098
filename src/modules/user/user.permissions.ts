import { allow, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { RequestContext } from '../../common/context';
import { publicRead } from '../../common/permissions';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

/**
 * Setting a first password needs no sign-in (the setup token is the credential), but API keys stay read-only
 * whatever they send.
 */
const notApiKey = rule({ cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => ctx.viewer.kind !== 'apiKey',
);

// Users show their name, role and organisation to everyone; the e-mail address is filtered in the resolver.
export const userPermissions: IRules = {
  Mutation: {
    userInvite: requires(Capability.USER_ADMIN),
    userSetPassword: notApiKey,
    userDeactivate: requires(Capability.USER_ADMIN),
  },
  User: publicRead,
  UserInvitePayload: allow,
  UserSetPasswordPayload: allow,
  UserDeactivatePayload: allow,
};
