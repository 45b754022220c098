import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType({
  description: 'One recorded change: who changed what and when, with the values before and after.',
})
@Entity({ name: 'audit_event' })
export class AuditEvent {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Orders the events of one transaction, which share their time. */
  @Column({
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    generated: 'identity',
    unique: true,
    insert: false,
    update: false,
  })
  seq: string;

  @Field({ description: 'When the change was committed.' })
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @Field({ description: 'The kind of record changed, e.g. `assessment`, `evidence`.' })
  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Field(() => ID, { description: 'The identifier of the changed record.' })
  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  /** The assessment a change belongs to, so that an assessment’s whole history is one indexed read. */
  @Column({ name: 'assessment_id', type: 'uuid', nullable: true })
  assessmentId: string | null;

  @Column({ name: 'country_code', type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  @Field({ description: 'What was done, e.g. `create`, `update`, `submit`.' })
  @Column({ type: 'text' })
  action: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed fields before the change.' })
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed fields after the change.' })
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
