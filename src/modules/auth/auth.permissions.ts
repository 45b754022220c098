import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { isUser } from '../../common/rules';

export const authPermissions: IRules = {
  Query: { me: allow },
  Mutation: { login: allow, passwordChange: isUser },
  LoginPayload: allow,
  PasswordChangePayload: allow,
};
