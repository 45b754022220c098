import type { RequestContext } from '../../common/context';
import { hydrate } from '../../common/paging';
import { MonitoringCycle } from '../cycle/cycle.entity';
import { Recommendation } from './recommendation.entity';
import { ImplementationStatus, type SourceBody } from './recommendation.enums';
import { followUpVisibilitySql, recommendationVisibilitySql } from './recommendation.policy';
import {
  RecommendationComparison,
  RecommendationComparisonCell,
  RecommendationComparisonRow,
} from './recommendation-comparison.types';
import { trendOf } from './recommendation-trend';

const STATUSES = Object.values(ImplementationStatus);

/**
 * The comparison in two statements whatever its size: the readable recommendations with their readable
 * follow-ups (as JSON, oldest cycle first), then the cycles those follow-ups belong to.
 */
export async function compareRecommendations(
  ctx: RequestContext,
  filter: { cycleId: string | null; sourceBody: SourceBody | null; countryCodes: string[] | null },
): Promise<RecommendationComparison> {
  const params: unknown[] = [];
  const conditions = [recommendationVisibilitySql(ctx.viewer, 't', params)];
  if (filter.sourceBody) conditions.push(`t.source_body = $${params.push(filter.sourceBody)}`);
  if (filter.countryCodes)
    conditions.push(`t.country_code = ANY($${params.push(filter.countryCodes)}::text[])`);
  const followUps = followUpVisibilitySql(ctx.viewer, 'f', params);
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT t.*, coalesce((SELECT json_agg(json_build_object('cycleId', f.cycle_id, 'status', f.implementation_status)
        ORDER BY c.year, c.opens_on NULLS FIRST, c.id)
      FROM recommendation_follow_up f JOIN monitoring_cycle c ON c.id = f.cycle_id
      WHERE f.recommendation_id = t.id AND ${followUps}), '[]'::json) AS "__follow_ups"
     FROM recommendation t JOIN recommendation_source rs ON rs.id = t.source_id
     WHERE ${conditions.join(' AND ')}
     ORDER BY t.country_code, rs.year DESC, rs.id, (substring(t.reference from '[0-9]+'))::int NULLS LAST, t.reference, t.id`,
    params,
  );
  const perRow = rows.map((row) => {
    const recommendation = hydrate(ctx.db, Recommendation, row);
    ctx.loaders.recommendation.byId.prime(recommendation.id, recommendation);
    return {
      recommendation,
      followUps: row.__follow_ups as Array<{ cycleId: string; status: ImplementationStatus }>,
    };
  });
  const cycleIds = [...new Set(perRow.flatMap((r) => r.followUps.map((f) => f.cycleId)))];
  const cycles: MonitoringCycle[] = cycleIds.length
    ? (
        await ctx.db.query(
          `SELECT * FROM monitoring_cycle WHERE id = ANY($1) ORDER BY year, opens_on NULLS FIRST, id`,
          [cycleIds],
        )
      ).map((row: Record<string, unknown>) => hydrate(ctx.db, MonitoringCycle, row))
    : [];

  const cells = new Map<string, RecommendationComparisonCell>();
  const result = new RecommendationComparison();
  result.cycles = cycles;
  result.rows = perRow.map(({ recommendation, followUps }) => {
    const byCycle = new Map(followUps.map((f) => [f.cycleId, f.status]));
    const key = `${recommendation.sourceBody}:${recommendation.countryCode}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = Object.assign(new RecommendationComparisonCell(), {
        sourceBody: recommendation.sourceBody,
        countryCode: recommendation.countryCode,
        recommendations: 0,
        withoutFollowUp: 0,
        counts: STATUSES.map((status) => ({ status, count: 0 })),
      });
      cells.set(key, cell);
    }
    cell.recommendations += 1;
    const counted = filter.cycleId ? byCycle.get(filter.cycleId) : followUps[followUps.length - 1]?.status;
    if (counted) cell.counts[STATUSES.indexOf(counted)].count += 1;
    else cell.withoutFollowUp += 1;
    return Object.assign(new RecommendationComparisonRow(), {
      recommendation,
      statuses: cycles.map((c) => ({ cycleId: c.id, status: byCycle.get(c.id) ?? null })),
      trend: trendOf(followUps.map((f) => f.status)),
    });
  });
  result.cells = [...cells.values()].sort(
    (a, b) => a.sourceBody.localeCompare(b.sourceBody) || a.countryCode.localeCompare(b.countryCode),
  );
  return result;
}
