import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// Every cell is filtered by the assessment and evidence read rules in the service.
export const comparisonPermissions: IRules = {
  Query: { comparison: publicRead, countryProfile: publicRead, indicatorHistory: publicRead },
  Comparison: publicRead,
  ComparisonRow: publicRead,
  ComparisonCell: publicRead,
  CountryProfile: publicRead,
  AreaProfile: publicRead,
  ScoreDistribution: publicRead,
  IndicatorHistoryPoint: publicRead,
};
