import type { RequestContext } from '../../common/context';
import { AssessmentStatus } from '../assessment/assessment.enums';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import { assertHolds, canSql } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import { followUpVisibilitySql } from '../recommendation/recommendation.policy';
import { commentVisibilitySql } from '../review-comment/review-comment.policy';
import { CountryProgress, CycleProgress, WorkflowCount } from './progress.types';

const STATUSES = Object.values(AssessmentStatus);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The progress of a cycle in one statement: per country, its assessments and follow-ups by status, what waits for
 * review since when, and its open comments, each under the read rules of its kind.
 */
export async function cycleProgress(ctx: RequestContext, cycleId: string): Promise<CycleProgress> {
  const viewer = ctx.viewer;
  assertHolds(viewer, Capability.PROGRESS_READ, 'You cannot read the progress of cycles.');
  const params: unknown[] = [cycleId];
  const countries = canSql(viewer, Capability.PROGRESS_READ, 'co.code', params);
  const assessments = assessmentVisibilitySql(viewer, 'a', params);
  const followUps = followUpVisibilitySql(viewer, 'f', params);
  const comments = commentVisibilitySql(viewer, 'rc', params);
  const rows: Array<{
    code: string;
    assessments: Record<string, string>;
    follow_ups: Record<string, string>;
    assessment_since: Date | null;
    follow_up_since: Date | null;
    open_comments: number;
  }> = await ctx.db.query(
    `SELECT co.code,
       (SELECT coalesce(json_object_agg(x.status, x.n), '{}') FROM (SELECT a.status, count(*) AS n FROM assessment a
         WHERE a.cycle_id = $1 AND a.country_code = co.code AND ${assessments} GROUP BY a.status) x) AS assessments,
       (SELECT coalesce(json_object_agg(x.status, x.n), '{}') FROM (SELECT f.status, count(*) AS n FROM recommendation_follow_up f
         WHERE f.cycle_id = $1 AND f.country_code = co.code AND ${followUps} GROUP BY f.status) x) AS follow_ups,
       (SELECT min(a.updated_at) FROM assessment a WHERE a.cycle_id = $1 AND a.country_code = co.code
         AND a.status = 'SUBMITTED' AND ${assessments}) AS assessment_since,
       (SELECT min(f.updated_at) FROM recommendation_follow_up f WHERE f.cycle_id = $1 AND f.country_code = co.code
         AND f.status = 'SUBMITTED' AND ${followUps}) AS follow_up_since,
       (SELECT count(*)::int FROM review_comment rc JOIN assessment ca ON ca.id = rc.assessment_id
         WHERE ca.cycle_id = $1 AND rc.country_code = co.code AND rc.status = 'OPEN' AND ${comments}) AS open_comments
     FROM country co WHERE ${countries} ORDER BY co.code`,
    params,
  );
  const now = Date.now();
  const counts = (json: Record<string, string>) =>
    STATUSES.map((status) =>
      Object.assign(new WorkflowCount(), { status, count: Number(json[status] ?? 0) }),
    );
  return Object.assign(new CycleProgress(), {
    cycleId,
    countries: rows.map((row) => {
      const assessmentCounts = counts(row.assessments);
      const followUpCounts = counts(row.follow_ups);
      const since = [row.assessment_since, row.follow_up_since]
        .filter((d): d is Date => d != null)
        .sort((x, y) => x.getTime() - y.getTime())[0];
      const waiting = (list: WorkflowCount[]) =>
        list.find((c) => c.status === AssessmentStatus.SUBMITTED)!.count;
      return Object.assign(new CountryProgress(), {
        countryCode: String(row.code).trim(),
        assessments: assessmentCounts,
        followUps: followUpCounts,
        waitingForReview: waiting(assessmentCounts) + waiting(followUpCounts),
        waitingSince: since ?? null,
        longestWaitDays: since ? Math.floor((now - since.getTime()) / DAY_MS) : null,
        openComments: row.open_comments,
      });
    }),
  });
}
