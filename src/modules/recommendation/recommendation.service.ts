import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, hydrate, loadPages } from '../../common/paging';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import { Evidence } from '../evidence/evidence.entity';
import { evidenceVisibilitySql } from '../evidence/evidence.policy';
import { Indicator } from '../indicator/indicator.entity';
import { Standard } from '../standard/standard.entity';
import { RecommendationFollowUp } from './follow-up.entity';
import { RecommendationSource } from './recommendation-source.entity';
import { Recommendation } from './recommendation.entity';
import type { SourceBody } from './recommendation.enums';
import { followUpVisibilitySql, recommendationVisibilitySql } from './recommendation.policy';
import type { RecommendationFilter } from './recommendation.types';

const SOURCE_JOIN = 'JOIN recommendation_source rs ON rs.id = t.source_id';
// By country, the newest source first, then by the reference's first number ("para. 9" before "para. 10").
const ORDER = `t.country_code, rs.year DESC, rs.id, (substring(t.reference from '[0-9]+'))::int NULLS LAST,
  t.reference, t.id`;

/** The latest follow-up of recommendation `t` the viewer may read, in the order of the cycles' years. */
function latestFollowUpSql(ctx: RequestContext, params: unknown[]): string {
  return `(SELECT lf.implementation_status FROM recommendation_follow_up lf
    JOIN monitoring_cycle lc ON lc.id = lf.cycle_id
    WHERE lf.recommendation_id = t.id AND ${followUpVisibilitySql(ctx.viewer, 'lf', params)}
    ORDER BY lc.year DESC, lc.opens_on DESC NULLS LAST, lc.id DESC LIMIT 1)`;
}

function filterSql(ctx: RequestContext, filter: RecommendationFilter, params: unknown[]): string {
  const conditions = [recommendationVisibilitySql(ctx.viewer, 't', params)];
  const value = (v: unknown) => `$${params.push(v)}`;
  if (filter.countryCode) conditions.push(`t.country_code = ${value(filter.countryCode)}`);
  if (filter.sourceBody) conditions.push(`t.source_body = ${value(filter.sourceBody)}`);
  if (filter.standardId) {
    conditions.push(`EXISTS (SELECT 1 FROM recommendation_standard xs
      WHERE xs.recommendation_id = t.id AND xs.standard_id = ${value(filter.standardId)})`);
  }
  if (filter.indicatorId) {
    conditions.push(`EXISTS (SELECT 1 FROM recommendation_indicator xi
      WHERE xi.recommendation_id = t.id AND xi.indicator_id = ${value(filter.indicatorId)})`);
  }
  if (filter.cycleId) {
    const status = filter.status ? ` AND cf.implementation_status = ${value(filter.status)}` : '';
    conditions.push(`EXISTS (SELECT 1 FROM recommendation_follow_up cf WHERE cf.recommendation_id = t.id
      AND cf.cycle_id = ${value(filter.cycleId)}${status} AND ${followUpVisibilitySql(ctx.viewer, 'cf', params)})`);
  } else if (filter.status) {
    const latest = latestFollowUpSql(ctx, params);
    conditions.push(`${latest} = ${value(filter.status)}`);
  }
  return conditions.join(' AND ');
}

export async function listRecommendations(
  ctx: RequestContext,
  filter: RecommendationFilter,
  window: PageWindow,
): Promise<Page<Recommendation>> {
  const params: unknown[] = [];
  const where = filterSql(ctx, filter, params);
  const pages = await loadPages(
    ctx.db,
    Recommendation,
    { where, params, partitionBy: null, orderBy: ORDER, join: SOURCE_JOIN },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

/** Recommendations by id, those the viewer may read. */
export async function findRecommendations(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<Recommendation[]> {
  const params: unknown[] = [ids];
  const visible = recommendationVisibilitySql(ctx.viewer, 't', params);
  const rows = await ctx.db.query(
    `SELECT t.* FROM recommendation t WHERE t.id = ANY($1) AND ${visible}`,
    params,
  );
  return rows.map((row: Record<string, unknown>) => hydrate(ctx.db, Recommendation, row));
}

export async function findSources(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<RecommendationSource[]> {
  const rows = await ctx.db.query(`SELECT * FROM recommendation_source WHERE id = ANY($1)`, [ids]);
  return rows.map((row: Record<string, unknown>) => hydrate(ctx.db, RecommendationSource, row));
}

export async function listSources(
  ctx: RequestContext,
  filter: { countryCode: string | null; body: SourceBody | null },
  window: PageWindow,
): Promise<Page<RecommendationSource>> {
  const params: unknown[] = [];
  const conditions = ['true'];
  if (filter.countryCode) {
    params.push(filter.countryCode);
    conditions.push(`(t.country_code = $${params.length} OR t.country_code IS NULL)`);
  }
  if (filter.body) {
    params.push(filter.body);
    conditions.push(`t.body = $${params.length}`);
  }
  const pages = await loadPages(
    ctx.db,
    RecommendationSource,
    {
      where: conditions.join(' AND '),
      params,
      partitionBy: null,
      orderBy: 't.year DESC, t.body, t.country_code NULLS FIRST, t.id',
    },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

/** The follow-ups the viewer may read of a batch of recommendations, in the order of their cycles. */
export async function findFollowUpsOf(
  ctx: RequestContext,
  recommendationIds: readonly string[],
): Promise<RecommendationFollowUp[]> {
  const params: unknown[] = [recommendationIds];
  const visible = followUpVisibilitySql(ctx.viewer, 'f', params);
  const rows = await ctx.db.query(
    `SELECT f.* FROM recommendation_follow_up f JOIN monitoring_cycle c ON c.id = f.cycle_id
     WHERE f.recommendation_id = ANY($1) AND ${visible} ORDER BY c.year, c.opens_on NULLS FIRST, c.id`,
    params,
  );
  return rows.map((row: Record<string, unknown>) => hydrate(ctx.db, RecommendationFollowUp, row));
}

export async function findFollowUps(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<RecommendationFollowUp[]> {
  const params: unknown[] = [ids];
  const visible = followUpVisibilitySql(ctx.viewer, 'f', params);
  const rows = await ctx.db.query(
    `SELECT f.* FROM recommendation_follow_up f WHERE f.id = ANY($1) AND ${visible}`,
    params,
  );
  return rows.map((row: Record<string, unknown>) => hydrate(ctx.db, RecommendationFollowUp, row));
}

/** The standards each recommendation of a batch concerns. */
export async function findStandardsOf(
  ctx: RequestContext,
  recommendationIds: readonly string[],
): Promise<Array<{ owner: string; standard: Standard }>> {
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT x.recommendation_id AS "__owner", s.* FROM recommendation_standard x JOIN standard s ON s.id = x.standard_id
     WHERE x.recommendation_id = ANY($1) ORDER BY s.instrument, s.reference, s.id`,
    [recommendationIds],
  );
  return rows.map((row) => ({ owner: String(row.__owner), standard: hydrate(ctx.db, Standard, row) }));
}

/** The indicators each recommendation of a batch concerns (of published framework versions). */
export async function findIndicatorsOf(
  ctx: RequestContext,
  recommendationIds: readonly string[],
): Promise<Array<{ owner: string; indicator: Indicator }>> {
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT x.recommendation_id AS "__owner", i.* FROM recommendation_indicator x JOIN indicator i ON i.id = x.indicator_id
     WHERE x.recommendation_id = ANY($1) ORDER BY i.code, i.id`,
    [recommendationIds],
  );
  return rows.map((row) => ({ owner: String(row.__owner), indicator: hydrate(ctx.db, Indicator, row) }));
}

/**
 * The evidence each follow-up of a batch cites that the viewer may read: only what the viewer could read where it
 * was filed (its assessment visible, its confidentiality allowing it).
 */
export async function findEvidenceOf(
  ctx: RequestContext,
  followUpIds: readonly string[],
): Promise<Array<{ owner: string; evidence: Evidence }>> {
  const params: unknown[] = [followUpIds];
  const evidence = evidenceVisibilitySql(ctx.viewer, 'e', params);
  const assessment = assessmentVisibilitySql(ctx.viewer, 'a', params);
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT x.follow_up_id AS "__owner", e.* FROM follow_up_evidence x JOIN evidence e ON e.id = x.evidence_id
     JOIN assessment a ON a.id = e.assessment_id
     WHERE x.follow_up_id = ANY($1) AND ${evidence} AND ${assessment} ORDER BY x.created_at, e.id`,
    params,
  );
  return rows.map((row) => ({ owner: String(row.__owner), evidence: hydrate(ctx.db, Evidence, row) }));
}

function pagesBy(join: string, owner: string) {
  return (ctx: RequestContext, keys: string[], window: PageWindow) => {
    const params: unknown[] = [keys];
    return loadPages(
      ctx.db,
      Recommendation,
      {
        where: recommendationVisibilitySql(ctx.viewer, 't', params),
        params,
        partitionBy: owner,
        orderBy: ORDER,
        join: `${SOURCE_JOIN} ${join}`,
      },
      window,
    );
  };
}

/** One page of recommendations per indicator, for a batch of indicators. */
export const pageRecommendationsByIndicator = pagesBy(
  'JOIN recommendation_indicator xi ON xi.recommendation_id = t.id AND xi.indicator_id = ANY($1)',
  'xi.indicator_id',
);

/** One page of recommendations per standard, for a batch of standards. */
export const pageRecommendationsByStandard = pagesBy(
  'JOIN recommendation_standard xs ON xs.recommendation_id = t.id AND xs.standard_id = ANY($1)',
  'xs.standard_id',
);

/** One page per assessment: its country’s recommendations linked to its indicator. */
export const pageRecommendationsByAssessment = pagesBy(
  `JOIN assessment xa ON xa.id = ANY($1) AND xa.country_code = t.country_code
   JOIN recommendation_indicator xi ON xi.recommendation_id = t.id AND xi.indicator_id = xa.indicator_id`,
  'xa.id',
);
