import type { GraphQLModule } from '../../common/module';
import { indicatorPermissions } from './indicator.permissions';
import { IndicatorResolver } from './indicator.resolver';

export const indicatorModule: GraphQLModule = { resolvers: [IndicatorResolver], permissions: indicatorPermissions };
