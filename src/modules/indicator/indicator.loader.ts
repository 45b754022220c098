import type { RequestContext } from '../../common/context';
import { groupLoader, pageLoader, uniqueLoader } from '../../common/loaders';
import {
  findIndicators,
  findIndicatorsByCode,
  findStandardsOfIndicators,
  pageIndicatorsByArea,
  pageIndicatorsByVersion,
  versionCodeKey,
} from './indicator.service';
import type { IndicatorFilter } from './indicator.types';

export function createIndicatorLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findIndicators(ctx, ids),
      (indicator) => indicator.id,
    ),
    /** By `versionCodeKey(frameworkVersionId, code)`: an indicator code is unique within its version. */
    byVersionAndCode: uniqueLoader(
      (keys: readonly string[]) => findIndicatorsByCode(ctx, keys),
      (indicator) => versionCodeKey(indicator.frameworkVersionId, indicator.code),
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
