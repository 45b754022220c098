import type { GraphQLModule } from '../../common/module';
import { breakdownPermissions } from './breakdown.permissions';
import {
  AssessmentBreakdownResolver,
  BreakdownCategoryResolver,
  BreakdownDimensionResolver,
  BreakdownHistoryPointResolver,
  BreakdownQueryResolver,
  BreakdownTableResolver,
  IndicatorBreakdownResolver,
  IndicatorBreakdownsResolver,
} from './breakdown.resolver';

export const breakdownModule: GraphQLModule = {
  resolvers: [
    BreakdownQueryResolver,
    BreakdownHistoryPointResolver,
    AssessmentBreakdownResolver,
    IndicatorBreakdownsResolver,
    IndicatorBreakdownResolver,
    BreakdownTableResolver,
    BreakdownDimensionResolver,
    BreakdownCategoryResolver,
  ],
  permissions: breakdownPermissions,
};
