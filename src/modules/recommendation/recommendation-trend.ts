import { IMPLEMENTATION_RANK, ImplementationStatus, ImplementationTrend } from './recommendation.enums';

/** The trend of a recommendation from its follow-ups' statuses, oldest cycle first. */
export function trendOf(statuses: ImplementationStatus[]): ImplementationTrend {
  if (statuses.length === 0) return ImplementationTrend.NO_FOLLOW_UP;
  if (statuses.length === 1) return ImplementationTrend.FIRST_FOLLOW_UP;
  const before = IMPLEMENTATION_RANK[statuses[statuses.length - 2]];
  const after = IMPLEMENTATION_RANK[statuses[statuses.length - 1]];
  if (before === undefined || after === undefined) {
    return statuses[statuses.length - 1] === statuses[statuses.length - 2] &&
      statuses[statuses.length - 1] === ImplementationStatus.NO_LONGER_RELEVANT
      ? ImplementationTrend.UNCHANGED
      : ImplementationTrend.NOT_COMPARABLE;
  }
  if (after > before) return ImplementationTrend.IMPROVED;
  if (after < before) return ImplementationTrend.WORSENED;
  return ImplementationTrend.UNCHANGED;
}
