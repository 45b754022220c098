import DataLoader from 'dataloader';
import type { RequestContext } from '../../common/context';
import { groupLoader } from '../../common/loaders';
import type { DimensionMap } from './breakdown-tables';
import { findCellsOfAssessments, findIndicatorBreakdowns, loadDimensions } from './breakdown.service';

export function createBreakdownLoaders(ctx: RequestContext) {
  return {
    /** Every dimension, read once per request whatever asks for it. */
    dimensions: new DataLoader<'all', DimensionMap>(async (keys) => {
      const map = await loadDimensions(ctx.db);
      return keys.map(() => map);
    }),
    byIndicator: groupLoader(
      (ids: readonly string[]) => findIndicatorBreakdowns(ctx, ids),
      (row) => row.indicatorId,
    ),
    cellsByAssessment: groupLoader(
      (ids: readonly string[]) => findCellsOfAssessments(ctx.db, ids),
      (row) => row.assessmentId,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    breakdown: ReturnType<typeof createBreakdownLoaders>;
  }
}
