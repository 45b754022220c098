import type { GraphQLModule } from '../../common/module';
import { userPermissions } from './user.permissions';
import { UserResolver } from './user.resolver';

export const userModule: GraphQLModule = { resolvers: [UserResolver], permissions: userPermissions };
