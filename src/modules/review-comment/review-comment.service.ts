import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { loadPages } from '../../common/paging';
import { ReviewComment } from './review-comment.entity';
import { commentVisibilitySql } from './review-comment.policy';

/** One page of comments per assessment, for a batch of assessments. */
export function pageComments(
  ctx: RequestContext,
  assessmentIds: string[],
  window: PageWindow,
): Promise<Map<string, Page<ReviewComment>>> {
  const params: unknown[] = [assessmentIds];
  const visible = commentVisibilitySql(ctx.viewer, 't', params);
  return loadPages(
    ctx.db,
    ReviewComment,
    {
      where: `t.assessment_id = ANY($1) AND ${visible}`,
      params,
      partitionBy: 't.assessment_id',
      orderBy: 't.created_at, t.id',
    },
    window,
  );
}
