import type { GraphQLModule } from '../../common/module';
import { searchPermissions } from './search.permissions';
import { SearchResolver } from './search.resolver';

export const searchModule: GraphQLModule = {
  resolvers: [SearchResolver],
  permissions: searchPermissions,
};
