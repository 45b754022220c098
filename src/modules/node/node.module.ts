import type { GraphQLModule } from '../../common/module';
import { nodePermissions } from './node.permissions';
import { NodeResolver } from './node.resolver';

export const nodeModule: GraphQLModule = {
  resolvers: [NodeResolver],
  permissions: nodePermissions,
};
