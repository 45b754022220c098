import { Field, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { User } from '../user/user.entity';

@InputType({ description: 'E-mail address and password of an account.' })
export class LoginInput {
  @Field({ description: 'The account’s e-mail address (not case-sensitive).' })
  email: string;

  @Field({ description: 'The account’s password.' })
  password: string;
}

@ObjectType({ description: 'The result of signing in.' })
export class LoginPayload extends MutationPayload {
  @Field(() => String, {
    nullable: true,
    description: 'A signed token to send as `Authorization: Bearer <token>`; null when signing in failed.',
  })
  token: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the token stops working.' })
  expiresAt: Date | null = null;

  @Field(() => User, { nullable: true, description: 'The signed-in user.' })
  user: User | null = null;
}

@InputType({ description: 'A change of the signed-in user’s own password.' })
export class PasswordChangeInput {
  @Field({ description: 'The password used now.' })
  currentPassword: string;

  @Field({ description: 'The new password: at least 12 characters.' })
  newPassword: string;
}

@ObjectType({
  description: 'The result of a password change: older tokens stop working, a new one is issued.',
})
export class PasswordChangePayload extends MutationPayload {
  @Field(() => String, {
    nullable: true,
    description: 'A new token; the token used for the change no longer works.',
  })
  token: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the new token stops working.' })
  expiresAt: Date | null = null;
}
