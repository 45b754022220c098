import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { MutationPayload } from '../../common/mutation';
import { TranslationInput } from '../../common/translation-input';
import { BreakdownCellInput } from '../breakdown/breakdown.types';
import { Assessment } from './assessment.entity';
import { AssessmentStatus, ConfidenceLevel, NotScoredReason } from './assessment.enums';

export const AssessmentConnection = Connection(Assessment, 'Assessment', 'assessments');

@ArgsType()
class AssessmentStatusArgs extends PageArgs {
  @Field(() => AssessmentStatus, { nullable: true, description: 'Only assessments in this status.' })
  status?: AssessmentStatus | null;
}

@ArgsType()
export class CountryAssessmentsArgs extends AssessmentStatusArgs {
  @Field(() => ID, { nullable: true, description: 'Only assessments of this monitoring cycle.' })
  cycleId?: string | null;
}

@ArgsType()
export class CycleAssessmentsArgs extends AssessmentStatusArgs {
  @Field(() => String, { nullable: true, description: 'Only assessments of this country (ISO code).' })
  countryCode?: string | null;
}

@ArgsType()
export class AssessmentsArgs extends CountryAssessmentsArgs {
  @Field(() => String, { nullable: true, description: 'Only assessments of this country (ISO code).' })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only assessments of this indicator.' })
  indicatorId?: string | null;
}

/** What a list of assessments is narrowed by; every field is optional. */
export interface AssessmentFilter {
  cycleId?: string | null;
  countryCode?: string | null;
  indicatorId?: string | null;
  status?: AssessmentStatus | null;
}

@InputType({
  description:
    'Creates or changes the assessment of one country × indicator × cycle. Omitted fields stay as they are; ' +
    'null clears a field. Give the answer that matches the indicator’s answer type.',
})
export class AssessmentSaveInput {
  @Field(() => ID, { description: 'The monitoring cycle (must be OPEN).' })
  cycleId: string;

  @Field({ description: 'The country (ISO code) — one of the caller’s organisation’s countries.' })
  countryCode: string;

  @Field(() => ID, { description: 'The indicator, of the cycle’s framework version.' })
  indicatorId: string;

  @Field(() => Int, { nullable: true, description: 'For SCORE indicators: 0, 1, 2 or 3.' })
  score?: number | null;

  @Field(() => NotScoredReason, { nullable: true, description: 'For SCORE indicators with no score: why.' })
  notScoredReason?: NotScoredReason | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For other indicators: a decimal number (NUMBER), 0–100 (PERCENT), `true`/`false` (BOOLEAN) or text (TEXT).',
  })
  value?: string | null;

  @Field(() => [TranslationInput], {
    nullable: true,
    description: 'The findings behind the answer; English is required, other languages optional.',
  })
  narrative?: TranslationInput[] | null;

  @Field(() => ConfidenceLevel, { nullable: true, description: 'How much trust the evidence warrants.' })
  confidence?: ConfidenceLevel | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version the change is based on; required when the assessment exists, omitted when creating it.',
  })
  expectedVersion?: number | null;

  @Field(() => [BreakdownCellInput], {
    nullable: true,
    description:
      'For NUMBER and PERCENT indicators: the answer broken down by the indicator’s `breakdowns`, one entry per ' +
      'cell; replaces the stored breakdown. Omitted: it stays; null or empty: it is removed. Where the ' +
      'dimensions are exhaustive the counts must add up to `value` (BREAKDOWN_TOTAL_MISMATCH otherwise).',
  })
  breakdown?: BreakdownCellInput[] | null;
}

@ObjectType({ description: 'The result of a change to an assessment.' })
export class AssessmentMutationPayload extends MutationPayload {
  @Field(() => Assessment, {
    nullable: true,
    description: 'The assessment after the change; null when refused.',
  })
  assessment: Assessment | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'With STALE_VERSION: the version the assessment has now, to reload and apply the change to.',
  })
  currentVersion: number | null = null;
}

@ObjectType({ description: 'The result of `assessmentSave`.' })
export class AssessmentSavePayload extends AssessmentMutationPayload {}

@InputType({ description: 'Submits an assessment for review (country leads).' })
export class AssessmentSubmitInput {
  @Field(() => ID, { description: 'The assessment.' })
  id: string;

  @Field(() => Int, { description: 'The version being submitted.' })
  expectedVersion: number;
}

@ObjectType({ description: 'The result of `assessmentSubmit`.' })
export class AssessmentSubmitPayload extends AssessmentMutationPayload {}

export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
}

registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: 'The reviewer’s decision on a submitted assessment.',
  valuesConfig: {
    APPROVE: { description: 'Accept it: it becomes APPROVED and is published with the cycle.' },
    REQUEST_CHANGES: { description: 'Send it back with a comment: it becomes CHANGES_REQUESTED.' },
  },
});

@InputType({ description: 'The reviewer’s decision on a submitted assessment.' })
export class AssessmentReviewInput {
  @Field(() => ID, { description: 'The assessment.' })
  id: string;

  @Field(() => Int, { description: 'The version reviewed.' })
  expectedVersion: number;

  @Field(() => ReviewDecision, { description: 'Approve or request changes.' })
  decision: ReviewDecision;

  @Field(() => String, {
    nullable: true,
    description: 'Why; required when requesting changes. Kept as a review comment.',
  })
  comment?: string | null;
}

@ObjectType({ description: 'The result of `assessmentReview`.' })
export class AssessmentReviewPayload extends AssessmentMutationPayload {}

@InputType({ description: 'Sends an approved assessment back for changes before the cycle is published.' })
export class AssessmentReopenInput {
  @Field(() => ID, { description: 'The assessment.' })
  id: string;

  @Field(() => Int, { description: 'The version reopened.' })
  expectedVersion: number;

  @Field({ description: 'Why it is reopened; kept as a review comment.' })
  reason: string;
}

@ObjectType({ description: 'The result of `assessmentReopen`.' })
export class AssessmentReopenPayload extends AssessmentMutationPayload {}
