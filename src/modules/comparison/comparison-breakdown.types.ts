import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BreakdownTable } from '../breakdown/breakdown.types';
import { CellState } from './comparison.enums';

@ObjectType({ description: 'One country’s breakdown of the indicator, as the reader may see it.' })
export class ComparisonBreakdownCountry {
  @Field({ description: 'ISO code of the country.' })
  countryCode: string;

  @Field(() => CellState, { description: 'Assessed, not assessed, or hidden from this reader.' })
  state: CellState;

  @Field(() => Float, {
    nullable: true,
    description: 'The assessment’s total (`Assessment.valueNumber`); null unless ASSESSED with a number.',
  })
  total: number | null;

  @Field(() => BreakdownTable, {
    nullable: true,
    description:
      'The breakdown by the dimensions asked for, as `Assessment.breakdown` gives it to this reader (exact, or ' +
      'with small counts suppressed); null when the country recorded none or the cell is not ASSESSED.',
  })
  table: BreakdownTable | null;
}

@ObjectType({
  description:
    'One indicator of a cycle broken down by one dimension (or two crossed) for every country side by side.',
})
export class ComparisonBreakdown {
  cycleId: string;
  editionId: string | null;
  indicatorId: string;

  @Field(() => [String], { description: 'The codes of the dimensions, in order (rows, then columns).' })
  dimensionCodes: string[];

  @Field(() => [ComparisonBreakdownCountry], { description: 'One entry per country, by ISO code.' })
  countries: ComparisonBreakdownCountry[];
}

@ArgsType()
export class ComparisonBreakdownArgs {
  @Field(() => ID, { nullable: true, description: 'The monitoring cycle, by id (or give `cycleCode`).' })
  cycleId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The monitoring cycle, by its code, e.g. `2024` (or give `cycleId`).',
  })
  cycleCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The indicator, by id (or give `indicatorCode`).' })
  indicatorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The indicator, by its code in the cycle’s framework version, e.g. `PROT-1.3` (or give `indicatorId`).',
  })
  indicatorCode?: string | null;

  @Field(() => [String], {
    description: 'The codes of one dimension, or two crossed in the indicator’s order, e.g. `["sex"]`.',
  })
  dimensions: string[];

  @Field(() => [String], { nullable: true, description: 'Only these countries (ISO codes).' })
  countryCodes?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Read this published edition instead. Without it, readers who see only published results get the latest ' +
      'edition, and partners, the reviewer and admins the live data.',
  })
  edition?: number | null;
}
