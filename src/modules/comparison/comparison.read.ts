import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { assertCountryCode, assertId } from '../../common/validation';
import type { MonitoringCycle } from '../cycle/cycle.entity';
import { indicatorIdsOfCodes } from '../entry-points';
import { areaCodeExists } from '../framework/framework.service';
import { assertReferencesExist } from '../references';
import type { CellData, MatrixData } from './comparison.service';
import { loadMatrix } from './comparison.service';
import type { ComparisonArgs } from './comparison.types';
import { Comparison, ComparisonCell, ComparisonRow } from './comparison.types';
import { holds } from '../authz/authz';
import { Capability } from '../authz/capabilities';

/** Readers whose assessments are the published ones only: the public sees a cycle through its editions. */
function readsPublishedOnly(ctx: RequestContext): boolean {
  return ![
    Capability.ASSESSMENT_READ_DRAFT,
    Capability.ASSESSMENT_READ_IN_REVIEW,
    Capability.ASSESSMENT_READ_APPROVED,
  ].some((capability) => holds(ctx.viewer, capability));
}

/**
 * The matrix grouped by indicator. The cells are answered as they were read, not copied into class instances:
 * a 50-country comparison has 15,000 of them, and each copy is held until the answer is sent.
 */
function toComparison(cycleId: string, editionId: string | null, matrix: MatrixData): Comparison {
  const byIndicator = new Map<string, ComparisonCell[]>();
  const source = editionId ?? `live:${cycleId}`;
  for (const cell of matrix.cells) {
    let list = byIndicator.get(cell.indicatorId);
    if (!list) {
      list = [];
      byIndicator.set(cell.indicatorId, list);
    }
    // The cell as read (this request's own copy), told where it comes from: its id needs it.
    const answered = cell as unknown as ComparisonCell;
    answered.source = source;
    list.push(answered);
  }
  return Object.assign(new Comparison(), {
    cycleId,
    editionId,
    countryCodes: matrix.countryCodes,
    rows: matrix.indicatorIds.map((id) =>
      Object.assign(new ComparisonRow(), { indicatorId: id, cells: byIndicator.get(id) ?? [] }),
    ),
  });
}

interface EditionMatrix {
  id: string;
  matrix: MatrixData;
}

/**
 * The frozen matrix of an edition (the given number, or the latest), with only the cells the filter keeps. An
 * edition also holds every published assessment with its evidence, ten times the size of the matrix at regional
 * scale: only the matrix is read, and a filter by country or indicator is applied in the database.
 */
async function findEditionMatrix(
  ctx: RequestContext,
  cycleId: string,
  number: number | null,
  filter: { countryCodes: string[] | null; indicatorIds: string[] | null },
): Promise<EditionMatrix | null> {
  const filtered = Boolean(filter.countryCodes?.length || filter.indicatorIds?.length);
  const cells = filtered
    ? `(SELECT coalesce(jsonb_agg(c ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(e.content->'cells') WITH ORDINALITY AS x(c, n)
        WHERE ($3::text[] IS NULL OR c->>'countryCode' = ANY($3))
          AND ($4::text[] IS NULL OR c->>'indicatorId' = ANY($4)))`
    : `e.content->'cells'`;
  const rows: Array<{ id: string; indicator_ids: string[]; country_codes: string[]; cells: CellData[] }> =
    await ctx.db.query(
      `SELECT e.id, e.content->'indicatorIds' AS indicator_ids, e.content->'countryCodes' AS country_codes,
         ${cells} AS cells
       FROM edition e WHERE e.cycle_id = $1 AND ($2::int IS NULL OR e.number = $2) ORDER BY e.number DESC LIMIT 1`,
      filtered
        ? [
            cycleId,
            number,
            filter.countryCodes?.length ? filter.countryCodes : null,
            filter.indicatorIds?.length ? filter.indicatorIds : null,
          ]
        : [cycleId, number],
    );
  if (!rows.length) return null;
  const [row] = rows;
  ctx.responseCache.usedEdition(row.id, cycleId);
  return {
    id: row.id,
    matrix: { indicatorIds: row.indicator_ids, countryCodes: row.country_codes, cells: row.cells },
  };
}

/** The part of an edition's frozen matrix that the filter asks for. */
async function fromEdition(
  ctx: RequestContext,
  content: MatrixData,
  args: ComparisonQuery,
): Promise<MatrixData> {
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
  const countries = new Set(countryCodes);
  const cells = content.cells.filter(
    (cell: CellData) => wanted.has(cell.indicatorId) && countries.has(cell.countryCode),
  );
  return { indicatorIds, countryCodes, cells };
}

interface ComparisonFilter {
  areaCode: string | null;
  indicatorIds: string[] | null;
  countryCodes: string[] | null;
}

/**
 * Refuses a filter that names what the cycle does not have: a country that does not exist, an indicator or an
 * area outside the cycle's framework version. Left to itself, it would only leave rows or cells out. Asked only
 * when something named is missing from the answer, so a comparison that shows all it was asked for costs no
 * statement more.
 */
async function assertFilterFound(
  ctx: RequestContext,
  cycle: MonitoringCycle,
  filter: ComparisonFilter,
  comparison: Comparison,
): Promise<void> {
  const shownCountries = new Set(comparison.countryCodes);
  const absentCountries = filter.countryCodes?.filter((code) => !shownCountries.has(code)) ?? [];
  if (absentCountries.length > 0)
    await assertReferencesExist(ctx, { countries: { argument: 'countryCodes', codes: absentCountries } });
  const shownIndicators = new Set(comparison.rows.map((row) => row.indicatorId));
  const absentIndicators = filter.indicatorIds?.filter((id) => !shownIndicators.has(id)) ?? [];
  if (absentIndicators.length > 0) {
    const found = await ctx.loaders.indicator.byId.loadMany(absentIndicators);
    const foreign = absentIndicators.filter((_, i) => {
      const indicator = found[i];
      return (
        !indicator || indicator instanceof Error || indicator.frameworkVersionId !== cycle.frameworkVersionId
      );
    });
    const message = `The cycle’s framework version has no indicator with the id ${foreign.join(', ')}.`;
    if (foreign.length > 0) throw badUserInput(message, { argument: 'indicatorIds' });
  }
  if (
    filter.areaCode &&
    comparison.rows.length === 0 &&
    !(await areaCodeExists(ctx, filter.areaCode, cycle.frameworkVersionId))
  )
    throw badUserInput(`The cycle’s framework version has no area ${filter.areaCode}.`, {
      argument: 'areaCode',
    });
}

/** What a comparison is asked for, its cycle found (by id or by code) beforehand. */
export type ComparisonQuery = Omit<ComparisonArgs, 'cycleId' | 'cycleCode'> & { cycleId: string };

export async function getComparison(ctx: RequestContext, args: ComparisonQuery): Promise<Comparison | null> {
  const cycleId = assertId(args.cycleId, 'cycleId');
  if (args.indicatorIds != null && args.indicatorCodes != null)
    throw badUserInput('Give indicatorIds or indicatorCodes, not both.', { argument: 'indicatorCodes' });
  const filter = {
    cycleId,
    areaCode: args.areaCode ?? null,
    indicatorIds: args.indicatorIds?.map((id, i) => assertId(id, `indicatorIds[${i}]`)) ?? null,
    countryCodes: args.countryCodes?.map((c) => assertCountryCode(c, 'countryCodes')) ?? null,
  };
  const cycle = await ctx.loaders.cycle.byId.load(cycleId);
  if (!cycle) return null;
  if (args.indicatorCodes != null)
    filter.indicatorIds = await indicatorIdsOfCodes(
      ctx,
      cycle.frameworkVersionId,
      args.indicatorCodes,
      'indicatorCodes',
    );
  if (args.edition != null && (!Number.isInteger(args.edition) || args.edition < 1))
    throw badUserInput('edition must be a number from 1.');
  let comparison: Comparison | null = null;
  if (args.edition != null || readsPublishedOnly(ctx)) {
    const edition = await findEditionMatrix(ctx, cycleId, args.edition ?? null, filter);
    if (edition)
      comparison = toComparison(
        cycleId,
        edition.id,
        await fromEdition(ctx, edition.matrix, { ...args, ...filter }),
      );
    else if (args.edition != null) return null;
  }
  comparison ??= toComparison(cycleId, null, await loadMatrix(ctx.db, ctx.viewer, filter));
  await assertFilterFound(ctx, cycle, filter, comparison);
  return comparison;
}

export { readsPublishedOnly };
