import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, loadPages } from '../../common/paging';
import { MonitoringCycle } from './cycle.entity';
import type { CycleStatus } from './cycle.enums';

export async function listCycles(
  ctx: RequestContext,
  filter: { status?: CycleStatus | null },
  window: PageWindow,
): Promise<Page<MonitoringCycle>> {
  const params: unknown[] = [];
  let where = 'true';
  if (filter.status) {
    params.push(filter.status);
    where = `t.status = $1`;
  }
  const pages = await loadPages(
    ctx.db,
    MonitoringCycle,
    { where, params, partitionBy: null, orderBy: 't.year DESC, t.code DESC, t.id' },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

export function findCycles(ctx: RequestContext, ids: readonly string[]): Promise<MonitoringCycle[]> {
  return ctx.db.getRepository(MonitoringCycle).find({ where: { id: In([...ids]) } });
}

export function findCycleByCode(ctx: RequestContext, code: string): Promise<MonitoringCycle | null> {
  return ctx.loaders.cycle.byCode.load(code);
}

/** Cycles by code; each one found also serves the request's later reads of it by id. */
export async function findCyclesByCodes(
  ctx: RequestContext,
  codes: readonly string[],
): Promise<MonitoringCycle[]> {
  const cycles = await ctx.db.getRepository(MonitoringCycle).find({ where: { code: In([...codes]) } });
  for (const cycle of cycles) ctx.loaders.cycle.byId.prime(cycle.id, cycle);
  return cycles;
}

export function findCyclesOfVersions(
  ctx: RequestContext,
  versionIds: readonly string[],
): Promise<MonitoringCycle[]> {
  return ctx.db
    .getRepository(MonitoringCycle)
    .find({ where: { frameworkVersionId: In([...versionIds]) }, order: { year: 'ASC', code: 'ASC' } });
}
