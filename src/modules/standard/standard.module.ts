import type { GraphQLModule } from '../../common/module';
import { StandardEditResolver } from './standard-edit.resolver';
import { standardPermissions } from './standard.permissions';
import { StandardResolver } from './standard.resolver';

export const standardModule: GraphQLModule = {
  resolvers: [StandardResolver, StandardEditResolver],
  permissions: standardPermissions,
};
