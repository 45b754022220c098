import type { GraphQLModule } from '../../common/module';
import { authPermissions } from './auth.permissions';
import { AuthResolver } from './auth.resolver';

export const authModule: GraphQLModule = { resolvers: [AuthResolver], permissions: authPermissions };
