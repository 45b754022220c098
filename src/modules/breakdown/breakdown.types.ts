import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { I18nText } from '../../common/i18n';

@ObjectType({
  description:
    'A category of a breakdown dimension, e.g. `female` of `sex`. Stable codes: give them in `assessmentSave`.',
})
export class BreakdownCategory {
  @Field({ description: 'The code of the dimension the category belongs to, e.g. `sex`.' })
  dimensionCode: string;

  @Field({ description: 'Code unique within the dimension, e.g. `female`, `child`, `begging`.' })
  code: string;

  /** The name in every locale; resolved by the `title` field. */
  titleText: I18nText;

  @Field({
    description:
      'True for the category of people whose value is not known (e.g. `unknown`, `other_unknown`): always allowed.',
  })
  unknown: boolean;
}

@ObjectType({
  description:
    'A dimension statistics are broken down by (sex, age, form of exploitation, citizenship, or one a framework ' +
    'defines), with its categories.',
})
export class BreakdownDimension {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'Stable code, e.g. `sex`, `age`, `exploitation`, `citizenship`.' })
  code: string;

  frameworkId: string | null;
  titleText: I18nText;
  descriptionText: I18nText;

  @Field({
    description:
      'True when every person counted falls in exactly one category: the cells of a breakdown by this dimension ' +
      'must then add up to the total (an `unknown` category takes whoever is not known).',
  })
  exhaustive: boolean;

  @Field(() => [BreakdownCategory], { description: 'The categories, in their order.' })
  categories: BreakdownCategory[];

  @Field({
    description:
      'True when, besides its categories, a cell may name a country by its ISO 3166-1 alpha-2 code in upper ' +
      'case (e.g. `AL`; and `XK` for Kosovo), as `citizenship` does: the codes recorded then appear as ' +
      'categories of the assessment’s tables, named in every locale.',
  })
  countryCodes: boolean;
}

@ObjectType({
  description:
    'A breakdown an indicator expects: by one dimension, or by two crossed (a table with rows and columns).',
})
export class IndicatorBreakdown {
  @Field(() => [String], { description: 'The codes of the dimensions, in order (rows, then columns).' })
  dimensionCodes: string[];

  indicatorId: string;
}

@ObjectType({
  description: 'One cell of a breakdown: a category of each dimension of its table, and a value.',
})
export class BreakdownCell {
  @Field(() => [BreakdownCategory], { description: 'One category per dimension of the table, in its order.' })
  categories: BreakdownCategory[];

  @Field(() => Float, {
    nullable: true,
    description:
      'The value; null when suppressed. A cell the partner did not record in a table of exhaustive dimensions ' +
      'counts 0, since the cells add up to the total.',
  })
  value: number | null;

  @Field({
    description:
      'True when the value is withheld from this reader to protect the people counted: the count is below ' +
      '`BreakdownTable.minimumCount`, or it is hidden so that such a count cannot be worked out from the totals ' +
      'and the other cells. Both kinds look the same on purpose; show them with one mark, such as `<5`.',
  })
  suppressed: boolean;
}

@ObjectType({ description: 'An assessment’s values by one dimension or two crossed.' })
export class BreakdownTable {
  @Field(() => [String], { description: 'The codes of the dimensions, in order (rows, then columns).' })
  dimensionCodes: string[];

  @Field(() => [BreakdownCell], {
    description:
      'The cells, rows first. For exhaustive dimensions every category combination is there; otherwise the ' +
      'recorded ones.',
  })
  cells: BreakdownCell[];

  @Field(() => Int, {
    description:
      'Counts below this are suppressed for readers outside the country (setting DISCLOSURE_MIN_COUNT). ' +
      'Percentages are shares, not counts, and are not suppressed.',
  })
  minimumCount: number;

  @Field({
    description:
      'True when this reader sees every value exactly: the partners of the country, the reviewer and ' +
      'administrators. The public, API keys and other countries’ partners see suppressed cells.',
  })
  exact: boolean;
}

@InputType({ description: 'A category of one dimension, by codes.' })
export class BreakdownCategoryInput {
  @Field({ description: 'The dimension’s code, e.g. `sex`.' })
  dimension: string;

  @Field({ description: 'The category’s code within it, e.g. `female`.' })
  category: string;
}

@InputType({ description: 'One cell of a breakdown to save.' })
export class BreakdownCellInput {
  @Field(() => [BreakdownCategoryInput], {
    description:
      'One category for each dimension of one of the indicator’s `breakdowns`, in any order, e.g. ' +
      '`[{dimension: "sex", category: "female"}, {dimension: "age", category: "child"}]`.',
  })
  categories: BreakdownCategoryInput[];

  @Field(() => Float, {
    description: 'The value: a count of 0 or more (NUMBER indicators) or a percentage 0–100 (PERCENT).',
  })
  value: number;
}

@ObjectType({ description: 'One cycle’s breakdown of an indicator for a country.' })
export class BreakdownHistoryPoint {
  cycleId: string;
  indicatorId: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The assessment’s total; null when not assessed or not visible to the reader.',
  })
  total: number | null;

  @Field(() => BreakdownTable, {
    nullable: true,
    description: 'The breakdown by the dimensions asked for; null when that cycle recorded none.',
  })
  table: BreakdownTable | null;
}
