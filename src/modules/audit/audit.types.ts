import { ArgsType, Field, ID } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { AuditEvent } from './audit.entity';

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent', 'audit events');

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => ID, {
    description: 'An assessment (its history with its evidence and comments), or for admins any record’s id.',
  })
  entityId: string;
}
