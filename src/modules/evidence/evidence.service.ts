import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { loadPages } from '../../common/paging';
import { forbidden } from '../../common/errors';
import { canReadAssessment } from '../assessment/assessment.policy';
import { Evidence } from './evidence.entity';
import { canReadEvidenceOf, evidenceVisibilitySql } from './evidence.policy';

/** One page of evidence per assessment, for a batch of assessments. */
export function pageEvidence(
  ctx: RequestContext,
  assessmentIds: string[],
  window: PageWindow,
): Promise<Map<string, Page<Evidence>>> {
  const params: unknown[] = [assessmentIds];
  const visible = evidenceVisibilitySql(ctx.viewer, 't', params);
  return loadPages(
    ctx.db,
    Evidence,
    {
      where: `t.assessment_id = ANY($1) AND ${visible}`,
      params,
      partitionBy: 't.assessment_id',
      orderBy: 't.created_at, t.id',
    },
    window,
  );
}

export function findEvidence(ctx: RequestContext, ids: readonly string[]): Promise<Evidence[]> {
  return ctx.db.getRepository(Evidence).find({ where: { id: In([...ids]) } });
}

/** One piece of evidence for the viewer: null when there is none, FORBIDDEN when the viewer may not read it. */
export async function getEvidence(ctx: RequestContext, id: string): Promise<Evidence | null> {
  const evidence = await ctx.loaders.evidence.byId.load(id);
  if (!evidence) return null;
  const assessment = await ctx.loaders.assessment.byId.load(evidence.assessmentId);
  // Evidence of an assessment the database hides from the caller is as hidden as the assessment.
  if (!assessment) return null;
  const cycle = await ctx.loaders.cycle.byId.load(assessment.cycleId);
  if (
    !cycle ||
    !canReadAssessment(ctx.viewer, assessment, cycle.status) ||
    !canReadEvidenceOf(ctx.viewer, evidence)
  ) {
    throw forbidden('You are not allowed to read this evidence.');
  }
  return evidence;
}
