import type { GraphQLModule } from '../../common/module';
import { IndicatorEditResolver } from './indicator-edit.resolver';
import { indicatorPermissions } from './indicator.permissions';
import { IndicatorResolver } from './indicator.resolver';

export const indicatorModule: GraphQLModule = {
  resolvers: [IndicatorResolver, IndicatorEditResolver],
  permissions: indicatorPermissions,
};
