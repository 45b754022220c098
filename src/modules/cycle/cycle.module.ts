import type { GraphQLModule } from '../../common/module';
import { cyclePermissions } from './cycle.permissions';
import { CycleResolver } from './cycle.resolver';

export const cycleModule: GraphQLModule = { resolvers: [CycleResolver], permissions: cyclePermissions };
