import type { RequestContext } from '../../common/context';
import { uniqueLoader } from '../../common/loaders';
import { findNodeTables } from './node.service';

export function createNodeLoaders(ctx: RequestContext) {
  return {
    /** Which table a UUID is a row of: one statement for every `node` and `nodes` of a request. */
    tableOf: uniqueLoader(
      (ids: readonly string[]) => findNodeTables(ctx, ids),
      (row) => row.id,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    node: ReturnType<typeof createNodeLoaders>;
  }
}
