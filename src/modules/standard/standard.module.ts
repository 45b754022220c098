import type { GraphQLModule } from '../../common/module';
import { standardPermissions } from './standard.permissions';
import { StandardResolver } from './standard.resolver';

export const standardModule: GraphQLModule = { resolvers: [StandardResolver], permissions: standardPermissions };
