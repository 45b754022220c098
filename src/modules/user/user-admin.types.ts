import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { User } from './user.entity';
import { Role } from './user.enums';

@InputType({
  description:
    'Invites a person: creates the account without a password and returns a one-time setup token to pass on.',
})
export class UserInviteInput {
  @Field({ description: 'The person’s e-mail address (not case-sensitive; unique across all users).' })
  email: string;

  @Field({ description: 'The name shown to other users, 1 to 120 characters.' })
  displayName: string;

  @Field(() => Role, {
    description:
      'The role in the organisation. Country roles fit partner organisations, REVIEWER the reviewing ' +
      'organisation, ADMIN and FRAMEWORK_EDITOR the platform; a country lead grants country roles only.',
  })
  role: Role;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation to join; the caller’s own when omitted. Only admins may name another organisation.',
  })
  organisationId?: string | null;
}

@ObjectType({ description: 'The result of `userInvite`.' })
export class UserInvitePayload extends MutationPayload {
  @Field(() => User, { nullable: true, description: 'The invited user; null when refused.' })
  user: User | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'The one-time token the invited person sets a password with (`userSetPassword`). It is shown only ' +
      'here: only its hash is kept. Pass it on through a trusted channel.',
  })
  setupToken: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the setup token stops working (7 days on).' })
  setupTokenExpiresAt: Date | null = null;
}

@InputType({ description: 'An invited person’s first password, set with the setup token of the invitation.' })
export class UserSetPasswordInput {
  @Field({ description: 'The setup token returned by `userInvite`.' })
  setupToken: string;

  @Field({ description: 'The new password: 12 to 200 characters.' })
  password: string;
}

@ObjectType({ description: 'The result of `userSetPassword`.' })
export class UserSetPasswordPayload extends MutationPayload {
  @Field(() => User, {
    nullable: true,
    description: 'The user whose password was set, who can now sign in; null when refused.',
  })
  user: User | null = null;
}

@InputType({
  description: 'Deactivates a user: the user can no longer sign in, and its tokens stop working.',
})
export class UserDeactivateInput {
  @Field(() => ID, { description: 'The user to deactivate (not the caller).' })
  userId: string;
}

@ObjectType({ description: 'The result of `userDeactivate`.' })
export class UserDeactivatePayload extends MutationPayload {
  @Field(() => User, { nullable: true, description: 'The deactivated user; null when refused.' })
  user: User | null = null;
}
