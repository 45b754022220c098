import type { RequestContext } from '../../common/context';
import { groupLoader, uniqueLoader } from '../../common/loaders';
import { findIndicatorsOfStandards, findStandards } from './standard.service';

export function createStandardLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findStandards(ctx, ids),
      (standard) => standard.id,
    ),
    indicatorsByStandard: groupLoader(
      (ids: readonly string[]) => findIndicatorsOfStandards(ctx, ids),
      (row) => row.standardId,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    standard: ReturnType<typeof createStandardLoaders>;
  }
}
