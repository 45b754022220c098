import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// Every cell is filtered by the assessment and evidence read rules in the service; a breakdown's cells are
// exact or suppressed per country by the capability table, as in breakdown.resolver.ts.
export const comparisonPermissions: IRules = {
  Query: {
    comparison: publicRead,
    countryProfile: publicRead,
    indicatorHistory: publicRead,
    comparisonBreakdown: publicRead,
  },
  Comparison: publicRead,
  ComparisonRow: publicRead,
  ComparisonCell: publicRead,
  CountryProfile: publicRead,
  AreaProfile: publicRead,
  ScoreDistribution: publicRead,
  IndicatorHistoryPoint: publicRead,
  ComparisonBreakdown: publicRead,
  ComparisonBreakdownCountry: publicRead,
};
