import type { RequestContext } from '../../common/context';
import { groupLoader, pageLoader, uniqueLoader } from '../../common/loaders';
import {
  findIndicators,
  findStandardsOfIndicators,
  pageIndicatorsByArea,
  pageIndicatorsByVersion,
} from './indicator.service';
import type { IndicatorFilter } from './indicator.types';

export function createIndicatorLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findIndicators(ctx, ids),
      (indicator) => indicator.id,
    ),
    pageByVersion: pageLoader((ids: string[], filter: IndicatorFilter, window) =>
      pageIndicatorsByVersion(ctx, ids, filter, window),
    ),
    pageByArea: pageLoader((ids: string[], filter: IndicatorFilter, window) =>
      pageIndicatorsByArea(ctx, ids, filter, window),
    ),
    standardsByIndicator: groupLoader(
      (ids: readonly string[]) => findStandardsOfIndicators(ctx, ids),
      (row) => row.indicatorId,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    indicator: ReturnType<typeof createIndicatorLoaders>;
  }
}
