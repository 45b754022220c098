import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { I18nText } from '../../common/i18n';
import { FrameworkVersionStatus, Pillar, ScoreCode } from './framework.enums';
import { Node } from '../../common/node.type';

@ObjectType({
  implements: Node,
  description: 'An indicator framework: the set of indicators partners assess, released in versions.',
})
@Entity({ name: 'framework' })
export class Framework {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Short unique code, e.g. `WB-THB`.' })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'jsonb' })
  name: I18nText;

  @Column({ type: 'jsonb' })
  description: I18nText;

  @Field({ description: 'When the framework was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({
  implements: Node,
  description:
    'One release of a framework. Immutable once a monitoring cycle uses it, so results stay comparable.',
})
@Entity({ name: 'framework_version' })
export class FrameworkVersion {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId: string;

  @Field({ description: 'Version label, e.g. `2024.1`.' })
  @Column({ type: 'text' })
  label: string;

  @Field(() => FrameworkVersionStatus, { description: 'Draft or published.' })
  @Column({ type: 'text' })
  status: FrameworkVersionStatus;

  @Field(() => Date, { nullable: true, description: 'When the version was published; null while a draft.' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field({ description: 'When the version was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the version was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType({
  description: 'A thematic area of a framework version: one of the four pillars, or a sub-theme of one.',
})
@Entity({ name: 'area' })
export class Area {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'framework_version_id', type: 'uuid' })
  frameworkVersionId: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Field({ description: 'Code unique within the framework version, e.g. `PROT` or `PROT-ID`.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => Pillar, { description: 'The pillar this area belongs to (a sub-theme shares its parent’s).' })
  @Column({ type: 'text' })
  pillar: Pillar;

  @Column({ type: 'jsonb' })
  title: I18nText;

  @Column({ type: 'jsonb' })
  description: I18nText;

  @Field(() => Int, { description: 'Order among its siblings.' })
  @Column({ type: 'integer' })
  position: number;
}

@ObjectType({ description: 'A level of a framework version’s score scale with what it means.' })
@Entity({ name: 'score_level' })
export class ScoreLevel {
  @PrimaryColumn({ name: 'framework_version_id', type: 'uuid' })
  frameworkVersionId: string;

  @Field(() => ScoreCode, { description: 'The level.' })
  @PrimaryColumn({ type: 'text' })
  code: ScoreCode;

  @Field(() => Int, {
    nullable: true,
    description: 'Numeric score 0–3; null for not applicable and no data.',
  })
  @Column({ type: 'smallint', nullable: true })
  value: number | null;

  @Column({ type: 'jsonb' })
  label: I18nText;

  @Column({ type: 'jsonb' })
  descriptor: I18nText;
}
