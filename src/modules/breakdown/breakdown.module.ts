import type { GraphQLModule } from '../../common/module';
import { BreakdownDimensionEditResolver } from './breakdown-dimension-edit.resolver';
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
    BreakdownDimensionEditResolver,
  ],
  permissions: breakdownPermissions,
};
