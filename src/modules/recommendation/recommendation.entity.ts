import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { I18nText } from '../../common/i18n';
import { RecommendationStrength, SourceBody } from './recommendation.enums';

@ObjectType({
  description:
    'What a monitoring body asked one country to do, linked to the standards and indicators it concerns, with ' +
    'a follow-up per monitoring cycle saying how far it was implemented.',
})
@Entity({ name: 'recommendation' })
export class Recommendation {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @Field(() => SourceBody, { description: 'The body of the source (the same as `source.body`).' })
  @Column({ name: 'source_body', type: 'text' })
  sourceBody: SourceBody;

  @Field({
    description: 'Where the recommendation is in its source, e.g. `para. 112` or `Recommendation 3`.',
  })
  @Column({ type: 'text' })
  reference: string;

  @Field(() => RecommendationStrength, {
    nullable: true,
    description: 'GRETA’s wording (urge, consider, invite); null for the other sources.',
  })
  @Column({ type: 'text', nullable: true })
  strength: RecommendationStrength | null;

  @Column({ type: 'jsonb' })
  text: I18nText;

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

  @Field({ description: 'When the recommendation was recorded.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the recommendation was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
