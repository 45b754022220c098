import type { GraphQLModule } from '../../common/module';
import { apiKeyPermissions } from './api-key.permissions';
import { ApiKeyResolver } from './api-key.resolver';

export const apiKeyModule: GraphQLModule = { resolvers: [ApiKeyResolver], permissions: apiKeyPermissions };
