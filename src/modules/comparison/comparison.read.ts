import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { assertCountryCode, assertId } from '../../common/validation';
import { roleOf } from '../auth/viewer';
import { findEdition } from '../edition/edition.service';
import type { Edition } from '../edition/edition.entity';
import { Role } from '../user/user.enums';
import type { CellData, MatrixData } from './comparison.service';
import { loadMatrix } from './comparison.service';
import type { ComparisonArgs } from './comparison.types';
import { Comparison, ComparisonCell, ComparisonRow } from './comparison.types';

/** Readers whose assessments are the published ones only: the public sees a cycle through its editions. */
function readsPublishedOnly(ctx: RequestContext): boolean {
  const role = roleOf(ctx.viewer);
  return role === null || role === Role.FRAMEWORK_EDITOR;
}

function toComparison(cycleId: string, edition: Edition | null, matrix: MatrixData): Comparison {
  const byIndicator = new Map<string, ComparisonCell[]>();
  for (const cell of matrix.cells) {
    const list = byIndicator.get(cell.indicatorId) ?? [];
    list.push(Object.assign(new ComparisonCell(), cell));
    byIndicator.set(cell.indicatorId, list);
  }
  return Object.assign(new Comparison(), {
    cycleId,
    editionId: edition?.id ?? null,
    countryCodes: matrix.countryCodes,
    rows: matrix.indicatorIds.map((id) =>
      Object.assign(new ComparisonRow(), { indicatorId: id, cells: byIndicator.get(id) ?? [] }),
    ),
  });
}

/** The part of an edition's frozen matrix that the filter asks for. */
async function fromEdition(ctx: RequestContext, edition: Edition, args: ComparisonArgs): Promise<MatrixData> {
  const content = edition.content;
  let indicatorIds = content.indicatorIds;
  if (args.areaCode) {
    const rows: Array<{ id: string }> = await ctx.db.query(
      `SELECT i.id FROM indicator i JOIN area ar ON ar.id = i.area_id LEFT JOIN area pa ON pa.id = ar.parent_id
       WHERE i.id = ANY($1::uuid[]) AND (ar.code = $2 OR pa.code = $2)`,
      [indicatorIds, args.areaCode],
    );
    const keep = new Set(rows.map((r) => r.id));
    indicatorIds = indicatorIds.filter((id) => keep.has(id));
  }
  if (args.indicatorIds?.length) indicatorIds = indicatorIds.filter((id) => args.indicatorIds?.includes(id));
  const countryCodes = args.countryCodes?.length
    ? content.countryCodes.filter((c) => args.countryCodes?.includes(c))
    : content.countryCodes;
  const wanted = new Set(indicatorIds);
  const cells = content.cells.filter(
    (cell: CellData) => wanted.has(cell.indicatorId) && countryCodes.includes(cell.countryCode),
  );
  return { indicatorIds, countryCodes, cells };
}

export async function getComparison(ctx: RequestContext, args: ComparisonArgs): Promise<Comparison | null> {
  const cycleId = assertId(args.cycleId, 'cycleId');
  const filter = {
    cycleId,
    areaCode: args.areaCode ?? null,
    indicatorIds: args.indicatorIds?.map((id, i) => assertId(id, `indicatorIds[${i}]`)) ?? null,
    countryCodes: args.countryCodes?.map((c) => assertCountryCode(c, 'countryCodes')) ?? null,
  };
  const cycle = await ctx.loaders.cycle.byId.load(cycleId);
  if (!cycle) return null;
  if (args.edition != null) {
    if (!Number.isInteger(args.edition) || args.edition < 1)
      throw badUserInput('edition must be a number from 1.');
    const edition = await findEdition(ctx, cycleId, args.edition);
    return edition
      ? toComparison(cycleId, edition, await fromEdition(ctx, edition, { ...args, ...filter }))
      : null;
  }
  if (readsPublishedOnly(ctx)) {
    const latest = await findEdition(ctx, cycleId);
    if (latest) return toComparison(cycleId, latest, await fromEdition(ctx, latest, { ...args, ...filter }));
  }
  return toComparison(cycleId, null, await loadMatrix(ctx.db, ctx.viewer, filter));
}

export { readsPublishedOnly };
