import type { RequestContext } from '../../common/context';
import { pageLoader, uniqueLoader } from '../../common/loaders';
import { findUsers, pageMembers } from './user.service';

export function createUserLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findUsers(ctx, ids),
      (user) => user.id,
    ),
    membersByOrganisation: pageLoader((ids: string[], _filter: null, window) =>
      pageMembers(ctx, ids, window),
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    user: ReturnType<typeof createUserLoaders>;
  }
}
