import type { GraphQLModule } from '../../common/module';
import { CycleEditResolver } from './cycle-edit.resolver';
import { cyclePermissions } from './cycle.permissions';
import { CycleResolver } from './cycle.resolver';

export const cycleModule: GraphQLModule = {
  resolvers: [CycleResolver, CycleEditResolver],
  permissions: cyclePermissions,
};
