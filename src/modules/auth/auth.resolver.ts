import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { User } from '../user/user.entity';
import { changePassword, login, me } from './auth.service';
import { LoginInput, LoginPayload, PasswordChangeInput, PasswordChangePayload } from './auth.types';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, {
    description:
      'Signs in with e-mail address and password. Wrong credentials give the userError INVALID_CREDENTIALS, ' +
      'which does not say whether the address or the password was wrong.',
  })
  login(
    @Arg('input', () => LoginInput, { description: 'The credentials.' }) input: LoginInput,
    @Ctx() ctx: RequestContext,
  ) {
    return login(ctx, input);
  }

  @Mutation(() => PasswordChangePayload, {
    description: 'Changes the signed-in user’s password. Every token issued before stops working.',
  })
  passwordChange(
    @Arg('input', () => PasswordChangeInput, { description: 'The current and the new password.' })
    input: PasswordChangeInput,
    @Ctx() ctx: RequestContext,
  ) {
    return changePassword(ctx, input);
  }

  @Query(() => User, {
    nullable: true,
    description:
      'The signed-in user with organisation, role and countries; null when not signed in as a user.',
  })
  me(@Ctx() ctx: RequestContext) {
    return me(ctx);
  }
}
