import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { I18nText } from '../../common/i18n';
import { AssessmentStatus } from '../assessment/assessment.enums';
import { ImplementationStatus } from './recommendation.enums';

@ObjectType({
  description:
    'How far one recommendation was implemented, as its country’s partner found it in one monitoring cycle. ' +
    'It goes through the review workflow of assessments (draft, submitted, approved, published with the cycle).',
})
@Entity({ name: 'recommendation_follow_up' })
export class RecommendationFollowUp {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recommendation_id', type: 'uuid' })
  recommendationId: string;

  /** Copied from the recommendation (and held equal by a foreign key) so that row checks need no join. */
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Field(() => ImplementationStatus, { description: 'How far the recommendation was implemented.' })
  @Column({ name: 'implementation_status', type: 'text' })
  implementationStatus: ImplementationStatus;

  @Column({ type: 'jsonb', nullable: true })
  narrative: I18nText | null;

  @Field(() => AssessmentStatus, {
    description: 'Where the follow-up is in the review workflow (the states of assessments).',
  })
  @Column({ type: 'text', default: AssessmentStatus.DRAFT })
  status: AssessmentStatus;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Field(() => Int, {
    description:
      'Raised by one on every change; send it back as `expectedVersion` so no change is overwritten.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedById: string | null;

  @Field({ description: 'When the follow-up was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the follow-up was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
