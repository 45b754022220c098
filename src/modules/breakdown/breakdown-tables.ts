import { AnswerType } from '../indicator/indicator.enums';
import { suppressCells, type DisclosureLine } from './disclosure';
import { countryCategory, isCountryCategory, SPLIT_BY_COUNTRIES } from './country-categories';
import type { BreakdownCategory } from './breakdown.types';
import { BreakdownCell, BreakdownDimension, BreakdownTable } from './breakdown.types';

/** A cell as stored: the categories in the order of its dimensions. */
export interface StoredCell {
  dimensionCodes: string[];
  categoryCodes: string[];
  value: number;
}

export type DimensionMap = Map<string, BreakdownDimension>;

export const combinationKey = (codes: readonly string[]) => codes.join('×');

/**
 * A category of the dimension by its code: one of its own, a country's ISO code where the dimension takes them,
 * or (for a code it no longer has) the code as its name.
 */
export function categoryOf(dimension: BreakdownDimension, code: string): BreakdownCategory {
  const own = dimension.categories.find((c) => c.code === code);
  if (own) return own;
  if (dimension.countryCodes && isCountryCategory(code)) return countryCategory(dimension.code, code);
  return Object.assign(countryCategory(dimension.code, code), { titleText: { en: code } });
}

/**
 * The dimensions as one assessment's cells use them: a dimension that takes countries' codes gets the codes
 * recorded (in alphabetical order, before its unknown category) as categories of its own, in place of the
 * category they split up, so that its tables list them and its sums hold them, in every table of the
 * assessment alike.
 */
export function withRecordedCountries(dimensions: DimensionMap, recorded: StoredCell[]): DimensionMap {
  const extra = new Map<string, Set<string>>();
  for (const cell of recorded)
    cell.dimensionCodes.forEach((d, i) => {
      const code = cell.categoryCodes[i];
      const dimension = dimensions.get(d);
      if (!dimension?.countryCodes || !isCountryCategory(code)) return;
      if (dimension.categories.some((c) => c.code === code)) return;
      extra.set(d, (extra.get(d) ?? new Set()).add(code));
    });
  if (extra.size === 0) return dimensions;
  const map: DimensionMap = new Map(dimensions);
  for (const [d, codes] of extra) {
    const dimension = dimensions.get(d)!;
    const countries = [...codes].sort().map((code) => countryCategory(d, code));
    map.set(
      d,
      Object.assign(new BreakdownDimension(), dimension, {
        categories: [
          ...dimension.categories.filter((c) => !c.unknown && c.code !== SPLIT_BY_COUNTRIES),
          ...countries,
          ...dimension.categories.filter((c) => c.unknown),
        ],
      }),
    );
  }
  return map;
}

export interface GridCell {
  categories: BreakdownCategory[];
  value: number;
}

export interface Grid {
  dims: BreakdownDimension[];
  cells: GridCell[];
  /** Cell index by the categories' codes joined. */
  at: Map<string, number>;
}

/**
 * The cells of one combination: for a table with an exhaustive dimension every category combination (what the
 * partner did not record counts 0, since the cells must add up), otherwise the recorded cells.
 */
function gridOf(dims: BreakdownDimension[], recorded: StoredCell[]): Grid {
  const value = new Map(recorded.map((c) => [combinationKey(c.categoryCodes), c.value]));
  let combos: BreakdownCategory[][];
  if (dims.some((d) => d.exhaustive)) {
    combos = dims.reduce<BreakdownCategory[][]>(
      (acc, d) => acc.flatMap((prefix) => d.categories.map((c) => [...prefix, c])),
      [[]],
    );
  } else {
    const order = (c: StoredCell) =>
      c.categoryCodes.map((code, i) => dims[i].categories.findIndex((k) => k.code === code));
    combos = [...recorded]
      .sort((a, b) => {
        const [x, y] = [order(a), order(b)];
        return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
      })
      .map((c) => c.categoryCodes.map((code, i) => dims[i].categories.find((k) => k.code === code)!));
  }
  const cells = combos.map((categories) => ({
    categories,
    value: value.get(combinationKey(categories.map((c) => c.code))) ?? 0,
  }));
  return {
    dims,
    cells,
    at: new Map(cells.map((c, i) => [combinationKey(c.categories.map((k) => k.code)), i])),
  };
}

/** The sums a reader knows or can work out across the tables of one assessment (see disclosure.ts). */
export function disclosureLines(grids: Grid[]): { offsets: number[]; lines: DisclosureLine[] } {
  const offsets: number[] = [];
  let next = 0;
  for (const grid of grids) {
    offsets.push(next);
    next += grid.cells.length;
  }
  const lines: DisclosureLine[] = [];
  const single = new Map<string, number>();
  grids.forEach((grid, g) => {
    if (grid.dims.length === 1) single.set(grid.dims[0].code, g);
  });
  grids.forEach((grid, g) => {
    const base = offsets[g];
    const all = grid.cells.map((_, i) => base + i);
    if (grid.dims.length === 1) {
      // The total: the assessment's own value.
      if (grid.dims[0].exhaustive) lines.push({ cells: all });
      return;
    }
    if (grid.dims.every((d) => d.exhaustive)) lines.push({ cells: all });
    for (const varying of [0, 1]) {
      const other = 1 - varying;
      if (!grid.dims[varying].exhaustive) continue;
      const otherDim = grid.dims[other];
      const linked = single.get(otherDim.code);
      for (const k of otherDim.categories) {
        const members = grid.cells.flatMap((c, i) => (c.categories[other].code === k.code ? [base + i] : []));
        if (members.length === 0) continue;
        const marginal = linked === undefined ? undefined : grids[linked].at.get(k.code);
        if (marginal === undefined) {
          // No table by the other dimension alone: its sums are still assumed known (from elsewhere).
          lines.push({ cells: members });
        } else {
          lines.push({
            cells: [offsets[linked!] + marginal, ...members],
            signs: [1, ...members.map(() => -1)],
          });
        }
      }
    }
  });
  return { offsets, lines };
}

export interface TableOptions {
  answerType: AnswerType;
  /** True for readers who see exact values (`breakdown.read.exact` over the assessment's country). */
  exact: boolean;
  minCount: number;
}

/**
 * An assessment's recorded cells as the tables a reader gets: one table per combination, one-dimensional ones
 * first, and, for readers who may not see exact counts, with the cells suppressed by `suppressCells` over all
 * the tables at once (their shared sums link them).
 */
export function buildTables(
  recorded: StoredCell[],
  allDimensions: DimensionMap,
  options: TableOptions,
): BreakdownTable[] {
  const dimensions = withRecordedCountries(allDimensions, recorded);
  const groups = new Map<string, StoredCell[]>();
  for (const cell of recorded) {
    const key = combinationKey(cell.dimensionCodes);
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const grids = [...groups.values()]
    .map((cells) => cells[0].dimensionCodes.map((code) => dimensions.get(code)))
    .filter((dims): dims is BreakdownDimension[] => dims.every((d) => d !== undefined))
    .sort(
      (a, b) =>
        a.length - b.length ||
        combinationKey(a.map((d) => String(dimensionRank(d, dimensions)).padStart(4, '0'))).localeCompare(
          combinationKey(b.map((d) => String(dimensionRank(d, dimensions)).padStart(4, '0'))),
        ),
    )
    .map((dims) => gridOf(dims, groups.get(combinationKey(dims.map((d) => d.code)))!));

  const suppress = !options.exact && options.answerType === AnswerType.NUMBER;
  let hidden: boolean[] = [];
  let offsets: number[] = grids.map(() => 0);
  if (suppress) {
    const built = disclosureLines(grids);
    offsets = built.offsets;
    hidden = suppressCells({
      values: grids.flatMap((g) => g.cells.map((c) => c.value)),
      lines: built.lines,
      minCount: options.minCount,
    });
  }
  return grids.map((grid, g) =>
    Object.assign(new BreakdownTable(), {
      dimensionCodes: grid.dims.map((d) => d.code),
      minimumCount: options.minCount,
      exact: !suppress,
      cells: grid.cells.map((cell, i) => {
        const isHidden = suppress && hidden[offsets[g] + i];
        return Object.assign(new BreakdownCell(), {
          categories: cell.categories,
          value: isHidden ? null : cell.value,
          suppressed: isHidden,
        });
      }),
    }),
  );
}

function dimensionRank(dimension: BreakdownDimension, dimensions: DimensionMap): number {
  return [...dimensions.keys()].indexOf(dimension.code);
}
