import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { I18nText } from '../../common/i18n';
import { CycleStatus } from './cycle.enums';
import { Node } from '../../common/node.type';

@ObjectType({
  implements: Node,
  description: 'A monitoring round (e.g. 2025) in which every country assesses one framework version.',
})
@Entity({ name: 'monitoring_cycle' })
export class MonitoringCycle {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Short unique code, e.g. `2025`.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => Int, { description: 'The year the cycle reports on.' })
  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'jsonb' })
  title: I18nText;

  @Column({ name: 'framework_version_id', type: 'uuid' })
  frameworkVersionId: string;

  @Field(() => CycleStatus, { description: 'Where the cycle is in its life.' })
  @Column({ type: 'text' })
  status: CycleStatus;

  @Field(() => String, {
    nullable: true,
    description: 'First day partners may record assessments (ISO date).',
  })
  @Column({ name: 'opens_on', type: 'date', nullable: true })
  opensOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last day partners may record assessments (ISO date).',
  })
  @Column({ name: 'closes_on', type: 'date', nullable: true })
  closesOn: string | null;

  @Field(() => Date, { nullable: true, description: 'When the cycle was published; null before.' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field({ description: 'When the cycle was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the cycle was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
