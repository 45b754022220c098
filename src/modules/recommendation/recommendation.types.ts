import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { MutationPayload } from '../../common/mutation';
import { TranslationInput } from '../../common/translation-input';
import { ReviewDecision } from '../assessment/assessment.types';
import { RecommendationFollowUp } from './follow-up.entity';
import { RecommendationSource } from './recommendation-source.entity';
import { Recommendation } from './recommendation.entity';
import { ImplementationStatus, RecommendationStrength, SourceBody } from './recommendation.enums';

export const RecommendationConnection = Connection(Recommendation, 'Recommendation', 'recommendations');
export const RecommendationSourceConnection = Connection(
  RecommendationSource,
  'RecommendationSource',
  'recommendation sources',
);

@ArgsType()
export class RecommendationsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only recommendations to this country (ISO code).' })
  countryCode?: string | null;

  @Field(() => SourceBody, { nullable: true, description: 'Only recommendations of this body.' })
  sourceBody?: SourceBody | null;

  @Field(() => ID, { nullable: true, description: 'Only recommendations linked to this standard.' })
  standardId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only recommendations linked to this indicator.' })
  indicatorId?: string | null;

  @Field(() => ImplementationStatus, {
    nullable: true,
    description:
      'Only recommendations whose follow-up has this implementation status: the follow-up of `cycleId` when it ' +
      'is given, else the latest follow-up the caller may read.',
  })
  status?: ImplementationStatus | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only recommendations with a follow-up (that the caller may read) in this monitoring cycle.',
  })
  cycleId?: string | null;
}

/** What a list of recommendations is narrowed by; every field is optional. */
export interface RecommendationFilter {
  countryCode: string | null;
  sourceBody: SourceBody | null;
  standardId: string | null;
  indicatorId: string | null;
  status: ImplementationStatus | null;
  cycleId: string | null;
}

@ArgsType()
export class RecommendationSourcesArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only sources addressed to this country (ISO code) or to several countries.',
  })
  countryCode?: string | null;

  @Field(() => SourceBody, { nullable: true, description: 'Only sources of this body.' })
  body?: SourceBody | null;
}

@InputType({ description: 'Records a report or instrument that makes recommendations.' })
export class RecommendationSourceCreateInput {
  @Field(() => SourceBody, { description: 'The body or instrument.' })
  body: SourceBody;

  @Field(() => String, {
    nullable: true,
    description:
      'The country it is addressed to, one of the caller’s; omitted for a source addressed to several countries ' +
      '(admins only).',
  })
  countryCode?: string | null;

  @Field(() => [TranslationInput], {
    description: 'The title, e.g. `Third evaluation round report on Serbia`; English required.',
  })
  title: TranslationInput[];

  @Field(() => String, { nullable: true, description: 'The round or cycle (1–40 characters).' })
  round?: string | null;

  @Field(() => Int, { description: 'The year of the report (1990–2100).' })
  year: number;

  @Field(() => String, { nullable: true, description: 'The publication date, `YYYY-MM-DD`.' })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address where it can be read.' })
  url?: string | null;
}

@ObjectType({ description: 'The result of `recommendationSourceCreate`.' })
export class RecommendationSourceCreatePayload extends MutationPayload {
  @Field(() => RecommendationSource, { nullable: true, description: 'The new source; null when refused.' })
  source: RecommendationSource | null = null;
}

@InputType({ description: 'Records a recommendation made to a country.' })
export class RecommendationCreateInput {
  @Field({ description: 'The country (ISO code), one of the caller’s organisation’s.' })
  countryCode: string;

  @Field(() => ID, { description: 'The source: addressed to this country or to several.' })
  sourceId: string;

  @Field({ description: 'Where it is in the source, e.g. `para. 112` (1–60 characters).' })
  reference: string;

  @Field(() => RecommendationStrength, {
    nullable: true,
    description: 'GRETA’s wording; only for a GRETA source.',
  })
  strength?: RecommendationStrength | null;

  @Field(() => [TranslationInput], {
    description: 'The recommendation, paraphrased or quoted as the source allows; English required.',
  })
  text: TranslationInput[];

  @Field(() => [ID], { nullable: true, description: 'The standards it concerns.' })
  standardIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The indicators whose results show its implementation.' })
  indicatorIds?: string[] | null;
}

@InputType({
  description:
    'Changes a recommendation. Omitted fields stay as they are; a list given replaces the old one.',
})
export class RecommendationUpdateInput {
  @Field(() => ID, { description: 'The recommendation.' })
  id: string;

  @Field(() => Int, { description: 'The version the change is based on.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Where it is in the source.' })
  reference?: string | null;

  @Field(() => RecommendationStrength, {
    nullable: true,
    description: 'GRETA’s wording; only for a GRETA source. Null clears it.',
  })
  strength?: RecommendationStrength | null;

  @Field(() => [TranslationInput], { nullable: true, description: 'The text, every language given.' })
  text?: TranslationInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'The standards it concerns (replaces the old list).' })
  standardIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The indicators it concerns (replaces the old list).' })
  indicatorIds?: string[] | null;
}

@ObjectType({ description: 'The result of a change to a recommendation.' })
export class RecommendationMutationPayload extends MutationPayload {
  @Field(() => Recommendation, {
    nullable: true,
    description: 'The recommendation after the change; null when refused.',
  })
  recommendation: Recommendation | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'With STALE_VERSION: the version it has now, to reload and apply the change to.',
  })
  currentVersion: number | null = null;
}

@ObjectType({ description: 'The result of `recommendationCreate`.' })
export class RecommendationCreatePayload extends RecommendationMutationPayload {}

@ObjectType({ description: 'The result of `recommendationUpdate`.' })
export class RecommendationUpdatePayload extends RecommendationMutationPayload {}

@InputType({
  description:
    'Creates or changes the follow-up of one recommendation in one monitoring cycle. Omitted fields stay as they ' +
    'are; null clears the narrative; a list of evidence given replaces the old one.',
})
export class RecommendationFollowUpSaveInput {
  @Field(() => ID, { description: 'The recommendation.' })
  recommendationId: string;

  @Field(() => ID, { description: 'The monitoring cycle (must be OPEN).' })
  cycleId: string;

  @Field(() => ImplementationStatus, {
    nullable: true,
    description: 'How far it was implemented; required when creating the follow-up.',
  })
  implementationStatus?: ImplementationStatus | null;

  @Field(() => [TranslationInput], {
    nullable: true,
    description: 'What was done and what is missing; English required, other languages optional.',
  })
  narrative?: TranslationInput[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Evidence of the same country (filed with its assessments) that shows the implementation.',
  })
  evidenceIds?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the change is based on; required when the follow-up exists.',
  })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The result of a change to a follow-up.' })
export class FollowUpMutationPayload extends MutationPayload {
  @Field(() => RecommendationFollowUp, {
    nullable: true,
    description: 'The follow-up after the change; null when refused.',
  })
  followUp: RecommendationFollowUp | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'With STALE_VERSION: the version it has now, to reload and apply the change to.',
  })
  currentVersion: number | null = null;
}

@ObjectType({ description: 'The result of `recommendationFollowUpSave`.' })
export class RecommendationFollowUpSavePayload extends FollowUpMutationPayload {}

@InputType({ description: 'Submits a follow-up for review (country leads).' })
export class RecommendationFollowUpSubmitInput {
  @Field(() => ID, { description: 'The follow-up.' })
  id: string;

  @Field(() => Int, { description: 'The version being submitted.' })
  expectedVersion: number;
}

@ObjectType({ description: 'The result of `recommendationFollowUpSubmit`.' })
export class RecommendationFollowUpSubmitPayload extends FollowUpMutationPayload {}

@InputType({ description: 'The reviewer’s decision on a submitted follow-up.' })
export class RecommendationFollowUpReviewInput {
  @Field(() => ID, { description: 'The follow-up.' })
  id: string;

  @Field(() => Int, { description: 'The version reviewed.' })
  expectedVersion: number;

  @Field(() => ReviewDecision, { description: 'Approve or request changes.' })
  decision: ReviewDecision;

  @Field(() => String, {
    nullable: true,
    description: 'Why; required when requesting changes. Kept as the follow-up’s review note.',
  })
  comment?: string | null;
}

@ObjectType({ description: 'The result of `recommendationFollowUpReview`.' })
export class RecommendationFollowUpReviewPayload extends FollowUpMutationPayload {}

@InputType({ description: 'Sends an approved follow-up back for changes before the cycle is published.' })
export class RecommendationFollowUpReopenInput {
  @Field(() => ID, { description: 'The follow-up.' })
  id: string;

  @Field(() => Int, { description: 'The version reopened.' })
  expectedVersion: number;

  @Field({ description: 'Why it is reopened; kept as the review note.' })
  reason: string;
}

@ObjectType({ description: 'The result of `recommendationFollowUpReopen`.' })
export class RecommendationFollowUpReopenPayload extends FollowUpMutationPayload {}
