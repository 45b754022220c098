import type { GraphQLModule } from '../../common/module';
import { comparisonPermissions } from './comparison.permissions';
import {
  AreaProfileResolver,
  ComparisonCellResolver,
  ComparisonResolver,
  ComparisonRowResolver,
  CountryProfileResolver,
  IndicatorHistoryResolver,
} from './comparison.resolver';

export const comparisonModule: GraphQLModule = {
  resolvers: [
    ComparisonResolver,
    ComparisonRowResolver,
    ComparisonCellResolver,
    CountryProfileResolver,
    AreaProfileResolver,
    IndicatorHistoryResolver,
  ],
  permissions: comparisonPermissions,
};
