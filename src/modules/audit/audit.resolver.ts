import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, toConnection } from '../../common/connection';
import { assertId } from '../../common/validation';
import { Organisation } from '../organisation/organisation.entity';
import { User } from '../user/user.entity';
import { AuditEvent } from './audit.entity';
import { auditTrail } from './audit-trail.service';
import { AuditEventConnection, AuditTrailArgs } from './audit.types';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      'The history of an assessment with its evidence and comments, oldest first, for those who may read the ' +
      'assessment (readers outside its country’s partner and the reviewer see only the assessment’s own changes).',
  })
  async auditTrail(@Args() args: AuditTrailArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await auditTrail(ctx, assertId(args.entityId, 'entityId'), pageWindow(args)));
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who made the change; null for the system or for anonymous readers.',
  })
  actor(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    if (ctx.viewer.kind === 'anonymous' || !event.actorUserId) return null;
    return ctx.loaders.user.byId.load(event.actorUserId);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The organisation the change was made for.',
  })
  actorOrganisation(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    return event.actorOrganisationId ? ctx.loaders.organisation.byId.load(event.actorOrganisationId) : null;
  }
}
