import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { TranslationInput } from '../../common/translation-input';
import { Indicator } from './indicator.entity';
import { AnswerType, IndicatorType } from './indicator.enums';

const WHOLE_TEXT =
  'The whole text in every language it exists in; English is required, and languages left out are removed ' +
  '(use `translationSet` to change one language).';

@InputType({ description: 'A new indicator in a framework version no monitoring cycle uses.' })
export class IndicatorCreateInput {
  @Field(() => ID, { description: 'The framework version.' })
  frameworkVersionId: string;

  @Field(() => ID, { description: 'The area (usually a sub-theme) of the same version.' })
  areaId: string;

  @Field({ description: 'Code unique within the version, e.g. `PROT-2.1`; keep it across versions.' })
  code: string;

  @Field(() => IndicatorType, { description: 'Structural, process or outcome.' })
  type: IndicatorType;

  @Field(() => AnswerType, { description: 'What kind of answer an assessment records.' })
  answerType: AnswerType;

  @Field(() => [TranslationInput], { description: `What the indicator measures. ${WHOLE_TEXT}` })
  title: TranslationInput[];

  @Field(() => [TranslationInput], { description: `How to assess and score it. ${WHOLE_TEXT}` })
  guidance: TranslationInput[];

  @Field(() => [TranslationInput], { description: `The sources that verify an answer. ${WHOLE_TEXT}` })
  meansOfVerification: TranslationInput[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Disaggregations the answer should give, e.g. `sex`, `age` (up to 20, each up to 60 characters).',
  })
  expectedBreakdowns?: string[] | null;

  @Field(() => [[String]], {
    nullable: true,
    description:
      'The breakdowns an answer should give, each the codes of one dimension or two crossed, e.g. ' +
      '`[["sex"], ["age"], ["sex", "age"]]` (see `breakdownDimensions`; up to 10).',
  })
  breakdowns?: string[][] | null;

  @Field(() => [ID], { description: 'The standards the indicator measures: at least one.' })
  standardIds: string[];

  @Field(() => Int, { nullable: true, description: 'Order within the version; omitted: after the last.' })
  position?: number | null;
}

@ObjectType({ description: 'The result of `indicatorCreate`.' })
export class IndicatorCreatePayload extends MutationPayload {
  @Field(() => Indicator, { nullable: true, description: 'The new indicator; null when refused.' })
  indicator: Indicator | null = null;
}

@InputType({
  description: 'Changes an indicator of a framework version no monitoring cycle uses. Omitted fields stay.',
})
export class IndicatorUpdateInput {
  @Field(() => ID, { description: 'The indicator.' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'New area, of the same version.' })
  areaId?: string | null;

  @Field(() => String, { nullable: true, description: 'New code, unique within the version.' })
  code?: string | null;

  @Field(() => IndicatorType, { nullable: true, description: 'New type.' })
  type?: IndicatorType | null;

  @Field(() => AnswerType, { nullable: true, description: 'New answer type.' })
  answerType?: AnswerType | null;

  @Field(() => [TranslationInput], { nullable: true, description: `New title. ${WHOLE_TEXT}` })
  title?: TranslationInput[] | null;

  @Field(() => [TranslationInput], { nullable: true, description: `New guidance. ${WHOLE_TEXT}` })
  guidance?: TranslationInput[] | null;

  @Field(() => [TranslationInput], {
    nullable: true,
    description: `New means of verification. ${WHOLE_TEXT}`,
  })
  meansOfVerification?: TranslationInput[] | null;

  @Field(() => [String], { nullable: true, description: 'New disaggregations; an empty list clears them.' })
  expectedBreakdowns?: string[] | null;

  @Field(() => [[String]], {
    nullable: true,
    description: 'New breakdowns, each the codes of one dimension or two crossed; an empty list clears them.',
  })
  breakdowns?: string[][] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The standards the indicator measures from now on (replacing the current ones): at least one.',
  })
  standardIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'New order within the version.' })
  position?: number | null;
}

@ObjectType({ description: 'The result of `indicatorUpdate`.' })
export class IndicatorUpdatePayload extends MutationPayload {
  @Field(() => Indicator, {
    nullable: true,
    description: 'The indicator after the change; null when refused.',
  })
  indicator: Indicator | null = null;
}

@InputType({ description: 'Deletes an indicator of a framework version no monitoring cycle uses.' })
export class IndicatorDeleteInput {
  @Field(() => ID, { description: 'The indicator.' })
  id: string;
}

@ObjectType({ description: 'The result of `indicatorDelete`.' })
export class IndicatorDeletePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted indicator; null when refused.' })
  deletedIndicatorId: string | null = null;
}
