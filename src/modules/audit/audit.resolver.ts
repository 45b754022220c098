import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, toConnection } from '../../common/connection';
import { assertId } from '../../common/validation';
import { seesWorkOn } from '../assessment/assessment.policy';
import { Organisation } from '../organisation/organisation.entity';
import { User } from '../user/user.entity';
import { AuditEvent } from './audit.entity';
import { auditTrail } from './audit-trail.service';
import { AuditEventConnection, AuditTrailArgs } from './audit.types';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      'The history of an assessment, oldest first, for those who may read the assessment. The users who work on ' +
      'its country, the reviewer and admins read all of it, with its evidence and comments: drafts, earlier ' +
      'answers and review comments are work in progress. Everyone else (other countries’ partners, API keys, ' +
      'the public) reads only its `publish` events, when it became what the public reads; none for an ' +
      'assessment that was never published. The history of any other record is for admins signed in as ' +
      'themselves (FORBIDDEN to others, API keys included).',
  })
  async auditTrail(@Args() args: AuditTrailArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await auditTrail(ctx, assertId(args.entityId, 'entityId'), pageWindow(args)));
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      'Who made the change. Null for the system, and for everyone but the users who work on the record’s ' +
      'country, the reviewer and admins: other countries’ users, API keys and anonymous readers read no names.',
  })
  actor(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    if (!event.actorUserId) return null;
    const viewer = ctx.viewer;
    const seesPeople = event.countryCode
      ? seesWorkOn(viewer, event.countryCode)
      : can(viewer, Capability.AUDIT_READ_ALL);
    return seesPeople ? ctx.loaders.user.byId.load(event.actorUserId) : null;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The organisation the change was made for.',
  })
  actorOrganisation(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    return event.actorOrganisationId ? ctx.loaders.organisation.byId.load(event.actorOrganisationId) : null;
  }
}
