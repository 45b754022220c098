import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { groupLoader, uniqueLoader } from '../../common/loaders';
import { Edition } from './edition.entity';
import { findEditionsOfCycles } from './edition.service';

export function createEditionLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => ctx.db.getRepository(Edition).find({ where: { id: In([...ids]) } }),
      (edition) => edition.id,
    ),
    byCycle: groupLoader(
      (ids: readonly string[]) => findEditionsOfCycles(ctx, ids),
      (edition) => edition.cycleId,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    edition: ReturnType<typeof createEditionLoaders>;
  }
}
