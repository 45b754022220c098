import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { saveAssessment } from './assessment-save.service';
import { reopenAssessment, reviewAssessment, submitAssessment } from './assessment-workflow.service';
import {
  AssessmentReopenInput,
  AssessmentReopenPayload,
  AssessmentReviewInput,
  AssessmentReviewPayload,
  AssessmentSaveInput,
  AssessmentSavePayload,
  AssessmentSubmitInput,
  AssessmentSubmitPayload,
} from './assessment.types';

@Resolver()
export class AssessmentMutationResolver {
  @Mutation(() => AssessmentSavePayload, {
    description:
      'Creates or changes an assessment (country editors and leads, own countries, OPEN cycle, DRAFT or ' +
      'CHANGES_REQUESTED). Send `expectedVersion` to change an existing one; a stale one gives STALE_VERSION.',
  })
  assessmentSave(
    @Arg('input', { description: 'What to save.' }) input: AssessmentSaveInput,
    @Ctx() ctx: RequestContext,
  ) {
    return saveAssessment(ctx, input);
  }

  @Mutation(() => AssessmentSubmitPayload, {
    description: 'Submits a DRAFT or CHANGES_REQUESTED assessment for review (country leads, own countries).',
  })
  assessmentSubmit(
    @Arg('input', { description: 'What to submit.' }) input: AssessmentSubmitInput,
    @Ctx() ctx: RequestContext,
  ) {
    return submitAssessment(ctx, input);
  }

  @Mutation(() => AssessmentReviewPayload, {
    description: 'Approves a SUBMITTED assessment or requests changes with a comment (the reviewer).',
  })
  assessmentReview(
    @Arg('input', { description: 'The decision.' }) input: AssessmentReviewInput,
    @Ctx() ctx: RequestContext,
  ) {
    return reviewAssessment(ctx, input);
  }

  @Mutation(() => AssessmentReopenPayload, {
    description:
      'Sends an APPROVED assessment back to CHANGES_REQUESTED before publication, with a reason (the reviewer).',
  })
  assessmentReopen(
    @Arg('input', { description: 'What to reopen and why.' }) input: AssessmentReopenInput,
    @Ctx() ctx: RequestContext,
  ) {
    return reopenAssessment(ctx, input);
  }
}
