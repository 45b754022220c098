import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { I18nText } from '../../common/i18n';
import { AssessmentStatus, ConfidenceLevel, NotScoredReason } from './assessment.enums';
import { Node } from '../../common/node.type';

@ObjectType({
  implements: Node,
  description: 'A partner’s assessment of one indicator for one country in one monitoring cycle.',
})
@Entity({ name: 'assessment' })
export class Assessment {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId: string;

  @Field(() => Int, { nullable: true, description: 'Score 0–3 for SCORE indicators; null when not scored.' })
  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Field(() => NotScoredReason, {
    nullable: true,
    description: 'Why a SCORE indicator has no score, if it has none.',
  })
  @Column({ name: 'not_scored_reason', type: 'text', nullable: true })
  notScoredReason: NotScoredReason | null;

  @Field(() => Number, {
    nullable: true,
    description: 'The answer of a NUMBER or PERCENT (0–100) indicator.',
  })
  @Column({ name: 'value_number', type: 'double precision', nullable: true })
  valueNumber: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The answer of a BOOLEAN indicator.' })
  @Column({ name: 'value_boolean', type: 'boolean', nullable: true })
  valueBoolean: boolean | null;

  @Field(() => String, { nullable: true, description: 'The answer of a TEXT indicator.' })
  @Column({ name: 'value_text', type: 'text', nullable: true })
  valueText: string | null;

  @Column({ type: 'jsonb', nullable: true })
  narrative: I18nText | null;

  @Field(() => ConfidenceLevel, { nullable: true, description: 'How much trust the evidence warrants.' })
  @Column({ type: 'text', nullable: true })
  confidence: ConfidenceLevel | null;

  @Field(() => AssessmentStatus, { description: 'Where the assessment is in the review workflow.' })
  @Column({ type: 'text', default: AssessmentStatus.DRAFT })
  status: AssessmentStatus;

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

  @Field({ description: 'When the assessment was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the assessment was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
