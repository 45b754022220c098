import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { I18nText } from '../../common/i18n';
import { AnswerType, IndicatorType } from './indicator.enums';
import { Node } from '../../common/node.type';

@ObjectType({
  implements: Node,
  description: 'A measurable indicator of a framework version, assessed per country and cycle.',
})
@Entity({ name: 'indicator' })
export class Indicator {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'framework_version_id', type: 'uuid' })
  frameworkVersionId: string;

  @Column({ name: 'area_id', type: 'uuid' })
  areaId: string;

  @Field({
    description:
      'Code unique within the framework version, e.g. `PROT-2.1`; kept across versions for comparable indicators.',
  })
  @Column({ type: 'text' })
  code: string;

  @Field(() => IndicatorType, { description: 'Structural, process or outcome.' })
  @Column({ type: 'text' })
  type: IndicatorType;

  @Field(() => AnswerType, { description: 'What kind of answer an assessment records.' })
  @Column({ name: 'answer_type', type: 'text' })
  answerType: AnswerType;

  @Column({ type: 'jsonb' })
  title: I18nText;

  @Column({ type: 'jsonb' })
  guidance: I18nText;

  @Column({ name: 'means_of_verification', type: 'jsonb' })
  meansOfVerification: I18nText;

  @Field(() => [String], {
    description:
      'Disaggregations the answer should give, as free text, e.g. `sex`, `age`; kept as it was written. The ' +
      'dimensions as data, with their categories, are in `breakdowns`.',
    deprecationReason:
      'Use `breakdowns`: the dimensions and their combinations, which assessments record values by.',
  })
  @Column({ name: 'expected_breakdowns', type: 'text', array: true, default: () => "'{}'" })
  expectedBreakdowns: string[];

  @Field(() => Int, { description: 'Order within the framework version.' })
  @Column({ type: 'integer' })
  position: number;
}

/** Which standards an indicator measures. */
@Entity({ name: 'indicator_standard' })
export class IndicatorStandard {
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid' })
  indicatorId: string;

  @PrimaryColumn({ name: 'standard_id', type: 'uuid' })
  standardId: string;
}
