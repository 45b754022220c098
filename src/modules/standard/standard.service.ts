import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, hydrate, loadPages } from '../../common/paging';
import { seesDraftFrameworks } from '../framework/framework.policy';
import { Indicator } from '../indicator/indicator.entity';
import { Standard } from './standard.entity';
import type { Instrument } from './standard.enums';

// Articles sort by their number ("Art. 4" before "Art. 10"), then by the rest of the reference.
const ORDER = `t.instrument, t.country_code NULLS FIRST,
  (substring(t.reference from '[0-9]+'))::int NULLS LAST, t.reference, t.id`;

export async function listStandards(
  ctx: RequestContext,
  filter: { instrument?: Instrument | null; countryCode?: string | null },
  window: PageWindow,
): Promise<Page<Standard>> {
  const params: unknown[] = [];
  const conditions: string[] = [];
  if (filter.instrument) {
    params.push(filter.instrument);
    conditions.push(`t.instrument = $${params.length}`);
  }
  if (filter.countryCode) {
    params.push(filter.countryCode);
    conditions.push(`t.country_code = $${params.length}`);
  }
  const pages = await loadPages(
    ctx.db,
    Standard,
    { where: conditions.join(' AND ') || 'true', params, partitionBy: null, orderBy: ORDER },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

export function findStandards(ctx: RequestContext, ids: readonly string[]): Promise<Standard[]> {
  return ctx.db.getRepository(Standard).find({ where: { id: In([...ids]) } });
}

/** The indicators measuring each standard, for a batch of standards. */
export async function findIndicatorsOfStandards(
  ctx: RequestContext,
  standardIds: readonly string[],
): Promise<Array<{ standardId: string; indicator: Indicator }>> {
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT x.standard_id AS "__owner", i.* FROM indicator_standard x JOIN indicator i ON i.id = x.indicator_id
     JOIN framework_version fv ON fv.id = i.framework_version_id
     WHERE x.standard_id = ANY($1) AND (fv.status = 'PUBLISHED' OR $2) ORDER BY fv.created_at, i.position`,
    [standardIds, seesDraftFrameworks(ctx.viewer)],
  );
  return rows.map((row) => ({
    standardId: String(row.__owner),
    indicator: hydrate(ctx.db, Indicator, row),
  }));
}
