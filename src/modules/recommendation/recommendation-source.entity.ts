import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { I18nText } from '../../common/i18n';
import { SourceBody } from './recommendation.enums';

@ObjectType({
  description:
    'A report or instrument that makes recommendations: a GRETA evaluation round on a country, a year’s TIP ' +
    'report, a UPR cycle, CEDAW concluding observations, a national action plan.',
})
@Entity({ name: 'recommendation_source' })
export class RecommendationSource {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => SourceBody, { description: 'The body or instrument the recommendations come from.' })
  @Column({ type: 'text' })
  body: SourceBody;

  @Field(() => String, {
    nullable: true,
    description:
      'The country the source is addressed to (a GRETA country report); null for a source addressed to several ' +
      'countries (a year’s TIP report).',
  })
  @Column({ name: 'country_code', type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'jsonb' })
  title: I18nText;

  @Field(() => String, {
    nullable: true,
    description: 'The round or cycle of the body, as it numbers them, e.g. `Third round` or `4th cycle`.',
  })
  @Column({ type: 'text', nullable: true })
  round: string | null;

  @Field(() => Int, { description: 'The year of the report.' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => String, {
    nullable: true,
    description: 'The publication date, `YYYY-MM-DD`, when known.',
  })
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Where the report can be read.' })
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @Field({ description: 'When the source was recorded.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the source was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
