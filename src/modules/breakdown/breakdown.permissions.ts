import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// Dimensions are framework data, read by all. The cells are read with their assessment, by whoever may see it;
// what each reader sees of them (exact or suppressed) is decided per row in breakdown.resolver.ts.
export const breakdownPermissions: IRules = {
  Query: { breakdownDimensions: publicRead, breakdownHistory: publicRead },
  Assessment: { breakdown: publicRead },
  BreakdownDimension: publicRead,
  BreakdownCategory: publicRead,
  IndicatorBreakdown: publicRead,
  BreakdownTable: publicRead,
  BreakdownCell: publicRead,
  BreakdownHistoryPoint: publicRead,
};
