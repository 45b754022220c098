import type { GraphQLModule } from '../../common/module';
import { UserAdminResolver } from './user-admin.resolver';
import { userPermissions } from './user.permissions';
import { UserResolver } from './user.resolver';

export const userModule: GraphQLModule = {
  resolvers: [UserResolver, UserAdminResolver],
  permissions: userPermissions,
};
