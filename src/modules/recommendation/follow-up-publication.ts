import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';

/**
 * Moves every follow-up of a cycle from one status to another, each with its audit event, in one statement: the
 * follow-ups are published and reopened with their cycle, as its assessments are.
 */
export async function moveFollowUps(
  m: EntityManager,
  ctx: RequestContext,
  cycleId: string,
  from: string,
  to: string,
  action: string,
): Promise<number> {
  const actor = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  const organisation = ctx.viewer.kind === 'anonymous' ? null : ctx.viewer.organisationId;
  const moved = await m.query(
    `WITH moved AS (
       UPDATE recommendation_follow_up SET status = $4, version = version + 1, updated_by = $2, updated_at = now()
       WHERE cycle_id = $1 AND status = $5 RETURNING id, country_code, version)
     INSERT INTO audit_event (actor_user_id, actor_organisation_id, entity_type, entity_id, country_code, action,
       before, after)
     SELECT $2, $3, 'recommendation_follow_up', id, country_code, $6,
       jsonb_build_object('status', $5::text, 'version', version - 1),
       jsonb_build_object('status', $4::text, 'version', version)
     FROM moved RETURNING entity_id`,
    [cycleId, actor, organisation, to, from, action],
  );
  return moved.length;
}
