import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { userWithRole } from '../../common/rules';
import { Role } from '../user/user.enums';

// Keys are managed by people, never by keys: userWithRole refuses API keys whatever their organisation.
const managesKeys = userWithRole(Role.ADMIN, Role.COUNTRY_LEAD);

export const apiKeyPermissions: IRules = {
  Query: { apiKeys: managesKeys },
  Mutation: { apiKeyCreate: managesKeys, apiKeyRevoke: managesKeys },
  ApiKey: managesKeys,
  ApiKeyCreatePayload: allow,
  ApiKeyRevokePayload: allow,
};
