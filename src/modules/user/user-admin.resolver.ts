import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { deactivateUser, inviteUser, setPasswordWithToken } from './user-admin.service';
import {
  UserDeactivateInput,
  UserDeactivatePayload,
  UserInviteInput,
  UserInvitePayload,
  UserSetPasswordInput,
  UserSetPasswordPayload,
} from './user-admin.types';

@Resolver()
export class UserAdminResolver {
  @Mutation(() => UserInvitePayload, {
    description:
      'Invites a person (admins into any organisation; country leads into their own, with country roles only). ' +
      'Returns a one-time setup token, valid for 7 days, that the person sets a password with. A taken e-mail ' +
      'address gives DUPLICATE; a role above a lead’s own gives ROLE_NOT_ALLOWED.',
  })
  userInvite(
    @Arg('input', () => UserInviteInput, { description: 'Who to invite, with which role and where.' })
    input: UserInviteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return inviteUser(ctx, input);
  }

  @Mutation(() => UserSetPasswordPayload, {
    description:
      'Sets an invited person’s first password with the setup token of the invitation; needs no sign-in. ' +
      'The token works once: an unknown, used or expired token gives INVALID_TOKEN.',
  })
  userSetPassword(
    @Arg('input', () => UserSetPasswordInput, { description: 'The setup token and the new password.' })
    input: UserSetPasswordInput,
    @Ctx() ctx: RequestContext,
  ) {
    return setPasswordWithToken(ctx, input);
  }

  @Mutation(() => UserDeactivatePayload, {
    description:
      'Deactivates a user (admins any user; country leads the users of their own organisation). The user ' +
      'can no longer sign in and its tokens stop working at once. Deactivating yourself gives INVALID_INPUT, ' +
      'a user deactivated already INVALID_TRANSITION. For a country lead, a user of another organisation gives ' +
      'NOT_FOUND, exactly as an id that does not exist.',
  })
  userDeactivate(
    @Arg('input', () => UserDeactivateInput, { description: 'The user to deactivate.' })
    input: UserDeactivateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deactivateUser(ctx, input);
  }
}
