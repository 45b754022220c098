import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { MonitoringCycle } from '../cycle/cycle.entity';
import { Recommendation } from './recommendation.entity';
import { ImplementationStatus, ImplementationTrend, SourceBody } from './recommendation.enums';

@ArgsType()
export class RecommendationComparisonArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'The cycle whose follow-ups the cells count; when omitted, each recommendation counts with its latest ' +
      'follow-up the caller may read.',
  })
  cycleId?: string | null;

  @Field(() => SourceBody, { nullable: true, description: 'Only recommendations of this body.' })
  sourceBody?: SourceBody | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only these countries (ISO codes); all of them when omitted.',
  })
  countryCodes?: string[] | null;
}

@ObjectType({ description: 'How many recommendations have one implementation status.' })
export class StatusCount {
  @Field(() => ImplementationStatus, { description: 'The implementation status.' })
  status: ImplementationStatus;

  @Field(() => Int, { description: 'How many recommendations have it.' })
  count: number;
}

@ObjectType({
  description: 'The recommendations of one body to one country, counted by implementation status.',
})
export class RecommendationComparisonCell {
  @Field(() => SourceBody, { description: 'The body.' })
  sourceBody: SourceBody;

  @Field({ description: 'The country (ISO code).' })
  countryCode: string;

  @Field(() => Int, { description: 'How many of its recommendations the caller may read.' })
  recommendations: number;

  @Field(() => Int, { description: 'How many of them have no follow-up that counts (see `cycleId`).' })
  withoutFollowUp: number;

  @Field(() => [StatusCount], {
    description: 'The counts by implementation status, every status listed, in the order of progress.',
  })
  counts: StatusCount[];
}

@ObjectType({ description: 'One cycle’s implementation status of a recommendation.' })
export class CycleImplementationStatus {
  @Field(() => ID, { description: 'The monitoring cycle.' })
  cycleId: string;

  @Field(() => ImplementationStatus, {
    nullable: true,
    description: 'The status its follow-up gave; null when it has none the caller may read in that cycle.',
  })
  status: ImplementationStatus | null;
}

@ObjectType({ description: 'One recommendation, its status in each cycle and its trend.' })
export class RecommendationComparisonRow {
  @Field(() => Recommendation, { description: 'The recommendation.' })
  recommendation: Recommendation;

  @Field(() => [CycleImplementationStatus], {
    description: 'Its status in each cycle of `RecommendationComparison.cycles`, in the same order.',
  })
  statuses: CycleImplementationStatus[];

  @Field(() => ImplementationTrend, { description: 'How it moved between its last two follow-ups.' })
  trend: ImplementationTrend;
}

@ObjectType({
  description:
    'The follow-up of recommendations across countries: bodies × countries counted by implementation status, ' +
    'and per recommendation its status in each cycle with its trend.',
})
export class RecommendationComparison {
  @Field(() => [MonitoringCycle], { description: 'The cycles of the rows’ statuses, oldest first.' })
  cycles: MonitoringCycle[];

  @Field(() => [RecommendationComparisonCell], {
    description: 'One cell per body and country that has recommendations, by body then country.',
  })
  cells: RecommendationComparisonCell[];

  @Field(() => [RecommendationComparisonRow], {
    description: 'Every recommendation the caller may read, by country, newest source first.',
  })
  rows: RecommendationComparisonRow[];
}
