import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

// Dimensions are framework data, read by all and created by framework editors. The cells are read with their assessment, by whoever may see it;
// what each reader sees of them (exact or suppressed) is decided per row in breakdown.resolver.ts.
export const breakdownPermissions: IRules = {
  Query: { breakdownDimensions: publicRead, breakdownHistory: publicRead },
  Mutation: { breakdownDimensionCreate: requires(Capability.FRAMEWORK_EDIT) },
  BreakdownDimensionCreatePayload: allow,
  Assessment: { breakdown: publicRead },
  BreakdownDimension: publicRead,
  BreakdownCategory: publicRead,
  IndicatorBreakdown: publicRead,
  BreakdownTable: publicRead,
  BreakdownCell: publicRead,
  BreakdownHistoryPoint: publicRead,
};
