import type { GraphQLModule } from '../../common/module';
import {
  ComparisonBreakdownCountryResolver,
  ComparisonBreakdownResolver,
} from './comparison-breakdown.resolver';
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
    ComparisonBreakdownResolver,
    ComparisonBreakdownCountryResolver,
  ],
  permissions: comparisonPermissions,
};
