import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createEvidence, deleteEvidence, updateEvidence } from './evidence-edit.service';
import {
  EvidenceCreateInput,
  EvidenceCreatePayload,
  EvidenceDeleteInput,
  EvidenceDeletePayload,
  EvidenceUpdateInput,
  EvidenceUpdatePayload,
} from './evidence-edit.types';

const WHO =
  'Country editors and leads, on their own countries’ assessments in an OPEN cycle while DRAFT or CHANGES_REQUESTED.';

const HIDDEN =
  'Evidence the caller may not read gives the userError NOT_FOUND, exactly as an id that does not exist; ' +
  'evidence it may read but not change gives FORBIDDEN.';

@Resolver()
export class EvidenceEditResolver {
  @Mutation(() => EvidenceCreatePayload, { description: `Adds evidence to an assessment. ${WHO}` })
  evidenceCreate(
    @Arg('input', { description: 'The evidence.' }) input: EvidenceCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createEvidence(ctx, input);
  }

  @Mutation(() => EvidenceUpdatePayload, { description: `Changes evidence. ${WHO} ${HIDDEN}` })
  evidenceUpdate(
    @Arg('input', { description: 'The changes.' }) input: EvidenceUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateEvidence(ctx, input);
  }

  @Mutation(() => EvidenceDeletePayload, {
    description: `Deletes evidence; the audit trail keeps its values. ${WHO} ${HIDDEN}`,
  })
  evidenceDelete(
    @Arg('input', { description: 'What to delete.' }) input: EvidenceDeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteEvidence(ctx, input);
  }
}
