import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { assertCountryCode, assertId } from '../../common/validation';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import { buildTables, categoryOf, combinationKey, type DimensionMap } from '../breakdown/breakdown-tables';
import { disclosureMinCount } from '../breakdown/breakdown.service';
import { BreakdownCell, BreakdownTable } from '../breakdown/breakdown.types';
import { assertExactlyOne, indicatorIdsOfCodes } from '../entry-points';
import { AnswerType } from '../indicator/indicator.enums';
import { assertReferencesExist } from '../references';
import {
  loadEditionCells,
  loadLiveCells,
  type CountryCells,
  type EditionTable,
} from './comparison-breakdown.service';
import type { ComparisonBreakdownArgs } from './comparison-breakdown.types';
import { ComparisonBreakdown, ComparisonBreakdownCountry } from './comparison-breakdown.types';
import { CellState } from './comparison.enums';
import { readsPublishedOnly } from './comparison.read';
import { seesWholeCountry } from './comparison.service';

/** The dimension codes asked for, each known: one, or two different ones. */
function assertDimensions(known: DimensionMap, codes: string[], argument = 'dimensions'): string[] {
  const trimmed = codes.map((c) => c.trim());
  if (
    trimmed.length < 1 ||
    trimmed.length > 2 ||
    new Set(trimmed).size !== trimmed.length ||
    trimmed.some((d) => !known.has(d))
  )
    throw badUserInput(
      `${argument} must name one or two of ${[...known.keys()].join(', ')}; got ${JSON.stringify(codes).slice(0, 80)}.`,
      { argument },
    );
  return trimmed;
}

/**
 * An edition's frozen table, its codes named by the dimensions' categories again. The edition does not keep the
 * minimum count it was suppressed with: the setting now in force is given, the one it was published under unless
 * an operator has changed it since.
 */
function editionTable(table: EditionTable, dimensions: DimensionMap, minCount: number): BreakdownTable {
  const dims = table.dimensions.map((code) => dimensions.get(code)!);
  return Object.assign(new BreakdownTable(), {
    dimensionCodes: table.dimensions,
    minimumCount: minCount,
    exact: false,
    cells: table.cells.map((cell) =>
      Object.assign(new BreakdownCell(), {
        categories: cell.categories.map((code, i) => categoryOf(dims[i], code)),
        value: cell.value,
        suppressed: cell.suppressed,
      }),
    ),
  });
}

/**
 * One country's table by the wanted dimensions: built from all of its assessment's cells (the suppression of a
 * table depends on the sums the other tables give away), exactly as `Assessment.breakdown` builds them.
 */
function countryTable(
  ctx: RequestContext,
  row: CountryCells,
  answerType: AnswerType,
  dimensions: DimensionMap,
  wanted: string,
): BreakdownTable | null {
  const minCount = disclosureMinCount(ctx);
  if (row.editionTables) {
    const frozen = row.editionTables.find((t) => combinationKey(t.dimensions) === wanted);
    return frozen && frozen.dimensions.every((d) => dimensions.has(d))
      ? editionTable(frozen, dimensions, minCount)
      : null;
  }
  if (row.cells.length === 0) return null;
  const tables = buildTables(row.cells, dimensions, {
    answerType,
    exact: can(ctx.viewer, Capability.BREAKDOWN_READ_EXACT, { countryCode: row.countryCode }),
    minCount,
  });
  return tables.find((t) => combinationKey(t.dimensionCodes) === wanted) ?? null;
}

/** What `comparisonBreakdown` is asked for, its cycle found (by id or by code) beforehand. */
export type ComparisonBreakdownQuery = Omit<ComparisonBreakdownArgs, 'cycleId' | 'cycleCode'> & {
  cycleId: string;
};

/**
 * An indicator's breakdown for every country of a cycle: live for the readers who see work in progress, from the
 * latest (or the asked) edition for those who see only published results, as the comparison is read. Null for
 * an unknown cycle or edition.
 */
export async function getComparisonBreakdown(
  ctx: RequestContext,
  args: ComparisonBreakdownQuery,
): Promise<ComparisonBreakdown | null> {
  const cycleId = assertId(args.cycleId, 'cycleId');
  assertExactlyOne({ indicatorId: args.indicatorId, indicatorCode: args.indicatorCode });
  const countryCodes = args.countryCodes?.length
    ? args.countryCodes.map((c) => assertCountryCode(c, 'countryCodes'))
    : null;
  if (args.edition != null && (!Number.isInteger(args.edition) || args.edition < 1))
    throw badUserInput('edition must be a number from 1.', { argument: 'edition' });
  const [cycle, dimensions] = await Promise.all([
    ctx.loaders.cycle.byId.load(cycleId),
    ctx.loaders.breakdown.dimensions.load('all'),
  ]);
  if (!cycle) return null;
  const dimensionCodes = assertDimensions(dimensions, args.dimensions);
  const indicatorId =
    args.indicatorCode != null
      ? (await indicatorIdsOfCodes(ctx, cycle.frameworkVersionId, [args.indicatorCode], 'indicatorCode'))[0]
      : assertId(args.indicatorId!, 'indicatorId');
  const indicator = await ctx.loaders.indicator.byId.load(indicatorId);
  if (!indicator || indicator.frameworkVersionId !== cycle.frameworkVersionId)
    throw badUserInput(`The cycle’s framework version has no indicator with the id ${indicatorId}.`, {
      argument: 'indicatorId',
    });
  if (indicator.answerType !== AnswerType.NUMBER && indicator.answerType !== AnswerType.PERCENT)
    throw badUserInput(
      `Only NUMBER and PERCENT indicators are broken down; ${indicator.code} is ${indicator.answerType}.`,
      { argument: args.indicatorCode != null ? 'indicatorCode' : 'indicatorId' },
    );

  let read =
    args.edition != null || readsPublishedOnly(ctx)
      ? await loadEditionCells(
          ctx,
          cycleId,
          args.edition ?? null,
          indicatorId,
          indicator.answerType,
          countryCodes,
        )
      : null;
  if (!read && args.edition != null) return null;
  read ??= await loadLiveCells(ctx, cycleId, indicatorId, indicator.answerType, countryCodes);
  const shown = new Set(read.countries.map((c) => c.countryCode));
  const absent = countryCodes?.filter((code) => !shown.has(code)) ?? [];
  if (absent.length > 0)
    await assertReferencesExist(ctx, { countries: { argument: 'countryCodes', codes: absent } });

  const wanted = combinationKey(dimensionCodes);
  return Object.assign(new ComparisonBreakdown(), {
    cycleId,
    editionId: read.editionId,
    indicatorId,
    dimensionCodes,
    countries: read.countries.map((row) =>
      Object.assign(new ComparisonBreakdownCountry(), {
        countryCode: row.countryCode,
        state:
          row.assessmentId !== null
            ? CellState.ASSESSED
            : !read!.editionId && seesWholeCountry(ctx.viewer, row.countryCode)
              ? CellState.NOT_ASSESSED
              : CellState.HIDDEN,
        total: row.total,
        table:
          row.assessmentId === null ? null : countryTable(ctx, row, read!.answerType, dimensions, wanted),
      }),
    ),
  });
}
