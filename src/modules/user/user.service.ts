import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, hydrate, loadPages } from '../../common/paging';
import { User } from './user.entity';
import type { Role } from './user.enums';
import { canSeeMembersOf } from './user.policy';

const MEMBERSHIP_JOIN = 'JOIN membership m ON m.user_id = t.id';
const MEMBERSHIP_SELECT = 'm.role AS "__role", m.organisation_id AS "__organisation"';

function withMembership(user: User, row: Record<string, unknown>): void {
  user.role = row.__role as Role;
  user.organisationId = String(row.__organisation);
}

/** Users with their role and organisation, for a batch of ids. */
export async function findUsers(ctx: RequestContext, ids: readonly string[]): Promise<User[]> {
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT t.*, ${MEMBERSHIP_SELECT} FROM app_user t ${MEMBERSHIP_JOIN} WHERE t.id = ANY($1)`,
    [ids],
  );
  return rows.map((row) => {
    const user = hydrate(ctx.db, User, row);
    withMembership(user, row);
    return user;
  });
}

/** One page of members per organisation, for a batch of organisations. */
export function pageMembers(
  ctx: RequestContext,
  organisationIds: string[],
  window: PageWindow,
): Promise<Map<string, Page<User>>> {
  return loadPages(
    ctx.db,
    User,
    {
      where: 'm.organisation_id = ANY($1)',
      params: [organisationIds],
      partitionBy: 'm.organisation_id',
      orderBy: 'lower(t.display_name), t.id',
      join: MEMBERSHIP_JOIN,
      select: MEMBERSHIP_SELECT,
    },
    window,
    withMembership,
  );
}

/** An organisation's members, or an empty page for a viewer who may not see them (`canSeeMembersOf`). */
export async function listMembers(
  ctx: RequestContext,
  organisationId: string,
  window: PageWindow,
): Promise<Page<User>> {
  if (!canSeeMembersOf(ctx.viewer, organisationId)) return emptyPage(window);
  return (
    (await ctx.loaders.user.membersByOrganisation.load({ key: organisationId, filter: null, window })) ??
    emptyPage(window)
  );
}
