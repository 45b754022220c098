import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { hydrate, loadPages } from '../../common/paging';
import { readableAssessment } from '../assessment/assessment.service';
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

/**
 * One comment by id if the viewer may read it, as `Assessment.comments` would list it (the comment's country is
 * the viewer's, or the viewer reviews or administers, and the viewer may read its assessment), else null.
 */
export async function readableComment(ctx: RequestContext, id: string): Promise<ReviewComment | null> {
  const params: unknown[] = [id];
  const visible = commentVisibilitySql(ctx.viewer, 't', params);
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT t.* FROM review_comment t WHERE t.id = $1 AND ${visible}`,
    params,
  );
  if (rows.length === 0) return null;
  const comment = hydrate(ctx.db, ReviewComment, rows[0]);
  return (await readableAssessment(ctx, comment.assessmentId)) ? comment : null;
}
