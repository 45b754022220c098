import { ArgsType, Field, ID } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { Pillar } from '../framework/framework.enums';
import { Indicator } from './indicator.entity';
import { AnswerType, IndicatorType } from './indicator.enums';

export const IndicatorConnection = Connection(Indicator, 'Indicator', 'indicators');

@ArgsType()
export class NestedIndicatorsArgs extends PageArgs {
  @Field(() => IndicatorType, { nullable: true, description: 'Only indicators of this type.' })
  type?: IndicatorType | null;

  @Field(() => AnswerType, { nullable: true, description: 'Only indicators with this answer type.' })
  answerType?: AnswerType | null;
}

@ArgsType()
export class IndicatorsArgs extends NestedIndicatorsArgs {
  @Field(() => ID, { nullable: true, description: 'Only indicators of this framework version.' })
  frameworkVersionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only indicators of the framework version this cycle uses.',
  })
  cycleId?: string | null;

  @Field(() => Pillar, { nullable: true, description: 'Only indicators under this pillar.' })
  pillar?: Pillar | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only indicators under the area (pillar or sub-theme) with this code.',
  })
  areaCode?: string | null;
}

/** What a list of indicators is narrowed by; every field is optional. */
export interface IndicatorFilter {
  versionId?: string | null;
  cycleId?: string | null;
  areaId?: string | null;
  areaCode?: string | null;
  pillar?: Pillar | null;
  type?: IndicatorType | null;
  answerType?: AnswerType | null;
}
