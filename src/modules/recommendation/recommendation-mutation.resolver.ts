import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { reopenFollowUp, reviewFollowUp, submitFollowUp } from './follow-up-workflow.service';
import { saveFollowUp } from './follow-up.service';
import { createRecommendation, updateRecommendation } from './recommendation-edit.service';
import { createSource } from './recommendation-source.service';
import {
  RecommendationCreateInput,
  RecommendationCreatePayload,
  RecommendationFollowUpReopenInput,
  RecommendationFollowUpReopenPayload,
  RecommendationFollowUpReviewInput,
  RecommendationFollowUpReviewPayload,
  RecommendationFollowUpSaveInput,
  RecommendationFollowUpSavePayload,
  RecommendationFollowUpSubmitInput,
  RecommendationFollowUpSubmitPayload,
  RecommendationSourceCreateInput,
  RecommendationSourceCreatePayload,
  RecommendationUpdateInput,
  RecommendationUpdatePayload,
} from './recommendation.types';

@Resolver()
export class RecommendationMutationResolver {
  @Mutation(() => RecommendationSourceCreatePayload, {
    description:
      'Records a source of recommendations: country leads and editors for their own countries, admins for any ' +
      'country or for several (no `countryCode`).',
  })
  recommendationSourceCreate(
    @Arg('input', { description: 'The source.' }) input: RecommendationSourceCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createSource(ctx, input);
  }

  @Mutation(() => RecommendationCreatePayload, {
    description: 'Records a recommendation made to a country (country leads and editors, own countries).',
  })
  recommendationCreate(
    @Arg('input', { description: 'The recommendation.' }) input: RecommendationCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createRecommendation(ctx, input);
  }

  @Mutation(() => RecommendationUpdatePayload, {
    description:
      'Changes a recommendation (country leads and editors, own countries) with its `expectedVersion`; a stale ' +
      'one gives STALE_VERSION.',
  })
  recommendationUpdate(
    @Arg('input', { description: 'The change.' }) input: RecommendationUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateRecommendation(ctx, input);
  }

  @Mutation(() => RecommendationFollowUpSavePayload, {
    description:
      'Creates or changes the follow-up of a recommendation in a cycle (country editors and leads, own ' +
      'countries, OPEN cycle, DRAFT or CHANGES_REQUESTED), as `assessmentSave` does an assessment.',
  })
  recommendationFollowUpSave(
    @Arg('input', { description: 'What to save.' }) input: RecommendationFollowUpSaveInput,
    @Ctx() ctx: RequestContext,
  ) {
    return saveFollowUp(ctx, input);
  }

  @Mutation(() => RecommendationFollowUpSubmitPayload, {
    description: 'Submits a DRAFT or CHANGES_REQUESTED follow-up for review (country leads, own countries).',
  })
  recommendationFollowUpSubmit(
    @Arg('input', { description: 'What to submit.' }) input: RecommendationFollowUpSubmitInput,
    @Ctx() ctx: RequestContext,
  ) {
    return submitFollowUp(ctx, input);
  }

  @Mutation(() => RecommendationFollowUpReviewPayload, {
    description:
      'Approves a SUBMITTED follow-up or sends it back with a comment (the reviewer). Approved follow-ups are ' +
      'published with their cycle.',
  })
  recommendationFollowUpReview(
    @Arg('input', { description: 'The decision.' }) input: RecommendationFollowUpReviewInput,
    @Ctx() ctx: RequestContext,
  ) {
    return reviewFollowUp(ctx, input);
  }

  @Mutation(() => RecommendationFollowUpReopenPayload, {
    description: 'Sends an APPROVED follow-up back for changes before its cycle is published (the reviewer).',
  })
  recommendationFollowUpReopen(
    @Arg('input', { description: 'What to reopen, and why.' }) input: RecommendationFollowUpReopenInput,
    @Ctx() ctx: RequestContext,
  ) {
    return reopenFollowUp(ctx, input);
  }
}
