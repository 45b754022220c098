import type { GraphQLModule } from '../../common/module';
import { progressPermissions } from './progress.permissions';
import { CountryProgressResolver, CycleProgressResolver } from './progress.resolver';

export const progressModule: GraphQLModule = {
  resolvers: [CycleProgressResolver, CountryProgressResolver],
  permissions: progressPermissions,
};
