import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

// Keys are managed by people, never by keys: `apiKey.manage` is never held by an API key.
const managesKeys = requires(Capability.API_KEY_MANAGE);

export const apiKeyPermissions: IRules = {
  Query: { apiKeys: managesKeys },
  Mutation: { apiKeyCreate: managesKeys, apiKeyRevoke: managesKeys },
  ApiKey: managesKeys,
  ApiKeyCreatePayload: allow,
  ApiKeyRevokePayload: allow,
};
