import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AssessmentStatus, ConfidenceLevel, NotScoredReason } from '../assessment/assessment.enums';
import { Pillar } from '../framework/framework.enums';
import { CellState, Trend } from './comparison.enums';

@ObjectType({ description: 'One country’s result for one indicator, as the reader may see it.' })
export class ComparisonCell {
  indicatorId: string;
  /** Where the cell was read: an edition, or the live data of a cycle (`live:<cycle id>`). */
  source: string;

  @Field({ description: 'ISO code of the country.' })
  countryCode: string;

  @Field(() => CellState, { description: 'Assessed, not assessed, or hidden from this reader.' })
  state: CellState;

  @Field(() => ID, {
    nullable: true,
    description: 'The assessment shown; null unless ASSESSED (and in editions).',
  })
  assessmentId: string | null;

  @Field(() => Int, { nullable: true, description: 'The score 0–3, for SCORE indicators.' })
  score: number | null;

  @Field(() => NotScoredReason, { nullable: true, description: 'Why a SCORE indicator has no score.' })
  notScoredReason: NotScoredReason | null;

  @Field(() => String, { nullable: true, description: 'The answer as text, whatever the answer type.' })
  value: string | null;

  @Field(() => AssessmentStatus, { nullable: true, description: 'The status of the assessment.' })
  status: AssessmentStatus | null;

  @Field(() => ConfidenceLevel, { nullable: true, description: 'How much trust the evidence warrants.' })
  confidence: ConfidenceLevel | null;

  @Field(() => Int, { description: 'How many pieces of evidence the reader may see.' })
  evidenceCount: number;

  @Field(() => Trend, {
    description: 'The change since the previous cycle that assessed a comparable indicator.',
  })
  trend: Trend;

  @Field(() => Int, { nullable: true, description: 'The score the trend compares with.' })
  previousScore: number | null;

  @Field(() => String, { nullable: true, description: 'The code of the cycle the trend compares with.' })
  previousCycleCode: string | null;
}

@ObjectType({ description: 'One indicator across the countries.' })
export class ComparisonRow {
  indicatorId: string;

  @Field(() => [ComparisonCell], {
    description: 'One cell per country, in the order of `Comparison.countries`.',
  })
  cells: ComparisonCell[];
}

@ObjectType({
  description:
    'Indicators × countries for one cycle. Comparisons stay per indicator: there is no ranking or composite index.',
})
export class Comparison {
  cycleId: string;
  editionId: string | null;
  countryCodes: string[];

  @Field(() => [ComparisonRow], { description: 'One row per indicator, in framework order.' })
  rows: ComparisonRow[];
}

@ArgsType()
export class ComparisonArgs {
  @Field(() => ID, { nullable: true, description: 'The monitoring cycle, by id (or give `cycleCode`).' })
  cycleId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The monitoring cycle, by its code, e.g. `2024` (or give `cycleId`).',
  })
  cycleCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only indicators under this area (pillar or sub-theme code).',
  })
  areaCode?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these indicators.' })
  indicatorIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only the indicators with these codes in the cycle’s framework version (not with `indicatorIds`).',
  })
  indicatorCodes?: string[] | null;

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

@ObjectType({ description: 'How many assessments got each level of the score scale.' })
export class ScoreDistribution {
  @Field(() => Int, { description: 'Score 0: not in place.' })
  notInPlace = 0;

  @Field(() => Int, { description: 'Score 1: partially in line.' })
  partial = 0;

  @Field(() => Int, { description: 'Score 2: largely in line.' })
  largely = 0;

  @Field(() => Int, { description: 'Score 3: fully in line.' })
  fully = 0;

  @Field(() => Int, { description: 'Not applicable.' })
  notApplicable = 0;

  @Field(() => Int, { description: 'No data.' })
  noData = 0;
}

@ObjectType({ description: 'A country’s results in one pillar of the framework.' })
export class AreaProfile {
  areaId: string;

  @Field(() => Pillar, { description: 'The pillar.' })
  pillar: Pillar;

  @Field(() => Int, { description: 'How many indicators the pillar has.' })
  indicatorCount: number;

  @Field(() => Int, { description: 'How many of them the reader sees assessed.' })
  assessedCount: number;

  @Field(() => Int, { description: 'How many cells are hidden from the reader.' })
  hiddenCount: number;

  @Field(() => Float, { description: 'assessedCount / indicatorCount, from 0 to 1.' })
  coverage: number;

  @Field(() => ScoreDistribution, { description: 'How the scored indicators are spread over the scale.' })
  distribution: ScoreDistribution;

  @Field(() => Float, { nullable: true, description: 'Mean of the 0–3 scores; null when nothing is scored.' })
  meanScore: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean change of the score over the indicators scored in both this and the previous cycle; null when none.',
  })
  meanScoreChange: number | null;

  @Field(() => Int, { description: 'Indicators whose score went up since the previous cycle.' })
  improved: number;

  @Field(() => Int, { description: 'Indicators whose score went down since the previous cycle.' })
  deteriorated: number;
}

@ObjectType({ description: 'One country’s results in one cycle, per pillar.' })
export class CountryProfile {
  countryCode: string;
  cycleId: string;

  @Field(() => ID, {
    description:
      'Stable identifier of the country’s profile in the cycle (made of both), the same whichever arguments named ' +
      'them, so that a cache keeps one entry.',
  })
  id: string;

  @Field(() => [AreaProfile], { description: 'One entry per pillar, in framework order.' })
  areas: AreaProfile[];
}

@ObjectType({ description: 'One cycle’s answer to an indicator for a country.' })
export class IndicatorHistoryPoint {
  countryCode: string;
  cycleId: string;
  indicatorId: string;

  @Field(() => ID, {
    description:
      'Stable identifier of the point (its country, cycle and indicator), the same in every history it is part of.',
  })
  id: string;

  @Field(() => CellState, { description: 'Assessed, not assessed, or hidden from this reader.' })
  state: CellState;

  @Field(() => Int, { nullable: true, description: 'The score 0–3, for SCORE indicators.' })
  score: number | null;

  @Field(() => String, { nullable: true, description: 'The answer as text, whatever the answer type.' })
  value: string | null;

  @Field(() => AssessmentStatus, { nullable: true, description: 'The status of the assessment.' })
  status: AssessmentStatus | null;
}
