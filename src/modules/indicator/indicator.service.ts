import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, hydrate, loadPages } from '../../common/paging';
import { seesDraftFrameworks } from '../framework/framework.policy';
import { Standard } from '../standard/standard.entity';
import { Indicator } from './indicator.entity';
import type { IndicatorFilter } from './indicator.types';

const AREA_JOIN = 'JOIN area a ON a.id = t.area_id LEFT JOIN area pa ON pa.id = a.parent_id';

function filterSql(ctx: RequestContext, filter: IndicatorFilter, params: unknown[]): string[] {
  const conditions: string[] = seesDraftFrameworks(ctx.viewer)
    ? []
    : [
        `EXISTS (SELECT 1 FROM framework_version vv WHERE vv.id = t.framework_version_id AND vv.status = 'PUBLISHED')`,
      ];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.versionId) add((p) => `t.framework_version_id = ${p}`, filter.versionId);
  if (filter.cycleId)
    add(
      (p) => `t.framework_version_id = (SELECT framework_version_id FROM monitoring_cycle WHERE id = ${p})`,
      filter.cycleId,
    );
  if (filter.areaId) add((p) => `(a.id = ${p} OR pa.id = ${p})`, filter.areaId);
  if (filter.areaCode) add((p) => `(a.code = ${p} OR pa.code = ${p})`, filter.areaCode);
  if (filter.pillar) add((p) => `a.pillar = ${p}`, filter.pillar);
  if (filter.type) add((p) => `t.type = ${p}`, filter.type);
  if (filter.answerType) add((p) => `t.answer_type = ${p}`, filter.answerType);
  return conditions;
}

export async function listIndicators(
  ctx: RequestContext,
  filter: IndicatorFilter,
  window: PageWindow,
): Promise<Page<Indicator>> {
  const params: unknown[] = [];
  const conditions = filterSql(ctx, filter, params);
  const pages = await loadPages(
    ctx.db,
    Indicator,
    {
      where: conditions.join(' AND ') || 'true',
      params,
      partitionBy: null,
      join: `${AREA_JOIN} JOIN framework_version fv ON fv.id = t.framework_version_id`,
      orderBy: 'fv.created_at, fv.id, t.position, t.id',
    },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

/** One page of indicators per framework version. */
export function pageIndicatorsByVersion(
  ctx: RequestContext,
  versionIds: string[],
  filter: IndicatorFilter,
  window: PageWindow,
): Promise<Map<string, Page<Indicator>>> {
  const params: unknown[] = [versionIds];
  const conditions = [
    't.framework_version_id = ANY($1)',
    ...filterSql(ctx, { ...filter, versionId: null }, params),
  ];
  return loadPages(
    ctx.db,
    Indicator,
    {
      where: conditions.join(' AND '),
      params,
      partitionBy: 't.framework_version_id',
      join: AREA_JOIN,
      orderBy: 't.position, t.id',
    },
    window,
  );
}

/** One page of indicators per area; a pillar's page includes its sub-themes' indicators. */
export function pageIndicatorsByArea(
  ctx: RequestContext,
  areaIds: string[],
  filter: IndicatorFilter,
  window: PageWindow,
): Promise<Map<string, Page<Indicator>>> {
  const params: unknown[] = [areaIds];
  const conditions = ['true', ...filterSql(ctx, { ...filter, areaId: null }, params)];
  return loadPages(
    ctx.db,
    Indicator,
    {
      where: conditions.join(' AND '),
      params,
      partitionBy: 'k.key',
      join: `${AREA_JOIN} JOIN unnest($1::uuid[]) AS k(key) ON (a.id = k.key OR a.parent_id = k.key)`,
      orderBy: 't.position, t.id',
    },
    window,
  );
}

export async function findIndicators(ctx: RequestContext, ids: readonly string[]): Promise<Indicator[]> {
  const params: unknown[] = [ids];
  const conditions = ['t.id = ANY($1)', ...filterSql(ctx, {}, params)];
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT t.* FROM indicator t WHERE ${conditions.join(' AND ')}`,
    params,
  );
  return rows.map((row) => hydrate(ctx.db, Indicator, row));
}

/** The key of an indicator by its code within a framework version. */
export function versionCodeKey(frameworkVersionId: string, code: string): string {
  return `${frameworkVersionId}/${code}`;
}

/**
 * Indicators by code within their framework version (`versionCodeKey`), under the same read rule as by id: the
 * indicators of a draft version only for those who see drafts.
 */
export async function findIndicatorsByCode(
  ctx: RequestContext,
  keys: readonly string[],
): Promise<Indicator[]> {
  const pairs = keys.map((key) => key.split('/'));
  const params: unknown[] = [pairs.map(([version]) => version), pairs.map(([, code]) => code)];
  const conditions = ['true', ...filterSql(ctx, {}, params)];
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT t.* FROM indicator t
     JOIN unnest($1::uuid[], $2::text[]) AS k(version_id, code) ON t.framework_version_id = k.version_id AND t.code = k.code
     WHERE ${conditions.join(' AND ')}`,
    params,
  );
  const indicators = rows.map((row) => hydrate(ctx.db, Indicator, row));
  for (const indicator of indicators) ctx.loaders.indicator.byId.prime(indicator.id, indicator);
  return indicators;
}

/** The standards each indicator measures, for a batch of indicators. */
export async function findStandardsOfIndicators(
  ctx: RequestContext,
  indicatorIds: readonly string[],
): Promise<Array<{ indicatorId: string; standard: Standard }>> {
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT x.indicator_id AS "__owner", s.* FROM indicator_standard x JOIN standard s ON s.id = x.standard_id
     WHERE x.indicator_id = ANY($1) ORDER BY s.instrument, s.reference`,
    [indicatorIds],
  );
  return rows.map((row) => ({
    indicatorId: String(row.__owner),
    standard: hydrate(ctx.db, Standard, row),
  }));
}
