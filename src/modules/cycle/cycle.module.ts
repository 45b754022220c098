import type { GraphQLModule } from '../../common/module';
import { CycleEditResolver } from './cycle-edit.resolver';
import { CycleSubscriptionResolver } from './cycle-subscription.resolver';
import { cyclePermissions } from './cycle.permissions';
import { CycleResolver } from './cycle.resolver';

export const cycleModule: GraphQLModule = {
  resolvers: [CycleResolver, CycleEditResolver, CycleSubscriptionResolver],
  permissions: cyclePermissions,
};
