import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, loadPages } from '../../common/paging';
import { Area, Framework, FrameworkVersion, ScoreLevel } from './framework.entity';
import { FrameworkVersionStatus } from './framework.enums';
import { seesDraftFrameworks } from './framework.policy';

function visibleStatuses(ctx: RequestContext): FrameworkVersionStatus[] {
  return seesDraftFrameworks(ctx.viewer)
    ? [FrameworkVersionStatus.DRAFT, FrameworkVersionStatus.PUBLISHED]
    : [FrameworkVersionStatus.PUBLISHED];
}

export async function listFrameworks(ctx: RequestContext, window: PageWindow): Promise<Page<Framework>> {
  const pages = await loadPages(
    ctx.db,
    Framework,
    { where: 'true', params: [], partitionBy: null, orderBy: 't.code, t.id' },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

export function findFrameworks(ctx: RequestContext, ids: readonly string[]): Promise<Framework[]> {
  return ctx.db.getRepository(Framework).find({ where: { id: In([...ids]) } });
}

export function findFrameworkByCode(ctx: RequestContext, code: string): Promise<Framework | null> {
  return ctx.db.getRepository(Framework).findOne({ where: { code } });
}

export function findVersions(ctx: RequestContext, ids: readonly string[]): Promise<FrameworkVersion[]> {
  return ctx.db
    .getRepository(FrameworkVersion)
    .find({ where: { id: In([...ids]), status: In(visibleStatuses(ctx)) } });
}

export function findVersionsOfFrameworks(
  ctx: RequestContext,
  frameworkIds: readonly string[],
): Promise<FrameworkVersion[]> {
  return ctx.db.getRepository(FrameworkVersion).find({
    where: { frameworkId: In([...frameworkIds]), status: In(visibleStatuses(ctx)) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

export function findAreas(ctx: RequestContext, ids: readonly string[]): Promise<Area[]> {
  return ctx.db.getRepository(Area).find({ where: { id: In([...ids]) } });
}

/** Every area of a batch of framework versions, pillars and sub-themes, in display order. */
export function findAreasOfVersions(ctx: RequestContext, versionIds: readonly string[]): Promise<Area[]> {
  return ctx.db
    .getRepository(Area)
    .find({ where: { frameworkVersionId: In([...versionIds]) }, order: { position: 'ASC', code: 'ASC' } });
}

/**
 * Whether an area has this code in the framework version (of any version, when null) among the versions the
 * reader sees: an area of a draft the reader may not see is as absent as one that does not exist.
 */
export async function areaCodeExists(
  ctx: RequestContext,
  code: string,
  versionId: string | null,
): Promise<boolean> {
  const rows: unknown[] = await ctx.db.query(
    `SELECT 1 FROM area a JOIN framework_version v ON v.id = a.framework_version_id
     WHERE a.code = $1 AND v.status = ANY($2) AND ($3::uuid IS NULL OR v.id = $3) LIMIT 1`,
    [code, visibleStatuses(ctx), versionId],
  );
  return rows.length > 0;
}

const LEVEL_ORDER = ['0', '1', '2', '3', 'NOT_APPLICABLE', 'NO_DATA'];

/** The score scale of each version: 0 to 3, then not applicable and no data. */
export async function findScoreLevelsOfVersions(
  ctx: RequestContext,
  versionIds: readonly string[],
): Promise<ScoreLevel[]> {
  const levels = await ctx.db
    .getRepository(ScoreLevel)
    .find({ where: { frameworkVersionId: In([...versionIds]) } });
  return levels.sort((a, b) => LEVEL_ORDER.indexOf(a.code) - LEVEL_ORDER.indexOf(b.code));
}
