import type { RequestContext } from '../../common/context';
import { groupLoader, uniqueLoader } from '../../common/loaders';
import { findCycles, findCyclesByCodes, findCyclesOfVersions } from './cycle.service';

export function createCycleLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findCycles(ctx, ids),
      (cycle) => cycle.id,
    ),
    byCode: uniqueLoader(
      (codes: readonly string[]) => findCyclesByCodes(ctx, codes),
      (cycle) => cycle.code,
    ),
    byFrameworkVersion: groupLoader(
      (ids: readonly string[]) => findCyclesOfVersions(ctx, ids),
      (cycle) => cycle.frameworkVersionId,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    cycle: ReturnType<typeof createCycleLoaders>;
  }
}
