import type { GraphQLModule } from '../../common/module';
import { deploymentPermissions } from './deployment.permissions';
import { DeploymentResolver } from './deployment.resolver';

export const deploymentModule: GraphQLModule = {
  resolvers: [DeploymentResolver],
  permissions: deploymentPermissions,
};
