import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { TranslationInput } from '../../common/translation-input';
import { BreakdownDimension } from './breakdown.types';

const TEXT =
  'Every locale it is given in, English required; the same locale twice, or an empty text, is INVALID_INPUT.';

@InputType({ description: 'A category of a new breakdown dimension.' })
export class BreakdownCategoryCreateInput {
  @Field({
    description:
      'Code unique within the dimension: 1–40 small letters, digits or underscores, starting with a letter or ' +
      'digit, e.g. `with_disability`.',
  })
  code: string;

  @Field(() => [TranslationInput], { description: `The category’s name. ${TEXT}` })
  title: TranslationInput[];

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'True for the category of people whose value is not known (at most one per dimension).',
  })
  unknown?: boolean;
}

@InputType({ description: 'A breakdown dimension a framework defines for its own indicators.' })
export class BreakdownDimensionCreateInput {
  @Field(() => ID, { description: 'The framework whose indicators may use the dimension.' })
  frameworkId: string;

  @Field({
    description:
      'Code unique among all dimensions: 1–40 small letters, digits or underscores, starting with a letter, ' +
      'e.g. `disability`.',
  })
  code: string;

  @Field(() => [TranslationInput], { description: `The dimension’s name. ${TEXT}` })
  title: TranslationInput[];

  @Field(() => [TranslationInput], { description: `What the dimension records and how to count. ${TEXT}` })
  description: TranslationInput[];

  @Field({
    description:
      'True when every person counted falls in exactly one category: the cells must then add up to the total.',
  })
  exhaustive: boolean;

  @Field(() => [BreakdownCategoryCreateInput], { description: 'The categories, in their order (1 to 100).' })
  categories: BreakdownCategoryCreateInput[];
}

@ObjectType({ description: 'The result of `breakdownDimensionCreate`.' })
export class BreakdownDimensionCreatePayload extends MutationPayload {
  @Field(() => BreakdownDimension, { nullable: true, description: 'The new dimension; null when refused.' })
  dimension: BreakdownDimension | null = null;
}
