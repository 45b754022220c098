import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { loadPages } from '../../common/paging';
import { Evidence } from './evidence.entity';

/** One page of evidence per assessment, for a batch of assessments. */
export function pageEvidence(
  ctx: RequestContext,
  assessmentIds: string[],
  window: PageWindow,
): Promise<Map<string, Page<Evidence>>> {
  return loadPages(
    ctx.dataSource,
    Evidence,
    {
      where: 't.assessment_id = ANY($1)',
      params: [assessmentIds],
      partitionBy: 't.assessment_id',
      orderBy: 't.created_at, t.id',
    },
    window,
  );
}

export function findEvidence(ctx: RequestContext, ids: readonly string[]): Promise<Evidence[]> {
  return ctx.dataSource.getRepository(Evidence).find({ where: { id: In([...ids]) } });
}
