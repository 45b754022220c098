import { minimize } from './linear-program';

/**
 * Victim-safe disclosure of a breakdown: which cells a reader outside the country may not see.
 *
 * A table's cells are counts of people. Those below the minimum (but not zero: a zero counts nobody) are
 * suppressed first. A suppressed cell must not come back by arithmetic: the reader knows the totals (the
 * assessment's value, and the marginal sums of a two-dimensional table, which its one-dimensional tables give),
 * so every known sum is a "line" of cells, and a line with exactly one suppressed cell would give it away as the
 * line's sum minus the others. Secondary suppression hides one more cell in each such line, the smallest count
 * above zero there (a hidden zero protects little: no count is negative), until no line has exactly one. A last check then proves, by linear programming over every line at
 * once and with counts never negative, that no suppressed cell has a single possible value (a cell at a "bridge" of
 * the pattern could be, or one pinned by the bounds of others), and suppresses more until none is.
 *
 * Pure: numbers in, a flag per cell out; it reads no setting, no viewer and no database.
 */

/** A known linear relation among cells: the sum of `cells` (each times its sign, +1 unless given) is known. */
export interface DisclosureLine {
  cells: number[];
  signs?: number[];
}

export interface DisclosureInput {
  /** The cells' exact values. */
  values: number[];
  /** Every sum the reader knows or can work out (totals, row and column sums, links between tables). */
  lines: DisclosureLine[];
  /** Cells from 1 to `minCount - 1` are suppressed. */
  minCount: number;
}

/** Whether the cell is below the minimum: the primary suppression. */
export function isBelowMinimum(value: number, minCount: number): boolean {
  return value > 0 && value < minCount;
}

/** One flag per cell: true when the cell must be shown as suppressed. */
export function suppressCells({ values, lines, minCount }: DisclosureInput): boolean[] {
  const suppressed = values.map((v) => isBelowMinimum(v, minCount));
  if (!suppressed.some(Boolean)) return suppressed;
  // Hiding more cells only widens what the others can be: a cell found safe stays safe.
  const safe = new Set<number>();
  for (;;) {
    protectLines(values, lines, suppressed);
    const exposed = suppressed.findIndex((s, cell) => {
      if (!s || safe.has(cell)) return false;
      if (isDetermined(cell, lines, suppressed, values)) return true;
      safe.add(cell);
      return false;
    });
    if (exposed < 0) return suppressed;
    // Hide one more cell on a line through the exposed one; failing that, anywhere still visible.
    const next =
      smallestVisible(
        values,
        suppressed,
        lines.filter((l) => l.cells.includes(exposed)).flatMap((l) => l.cells),
      ) ??
      smallestVisible(
        values,
        suppressed,
        values.map((_, i) => i),
      );
    if (next === null) return suppressed;
    suppressed[next] = true;
  }
}

/** Secondary suppression: no line keeps exactly one suppressed cell while it has a visible one to hide. */
function protectLines(values: number[], lines: DisclosureLine[], suppressed: boolean[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.cells.filter((c) => suppressed[c]).length !== 1) continue;
      const next = smallestVisible(values, suppressed, line.cells);
      if (next === null) continue;
      suppressed[next] = true;
      changed = true;
    }
  }
}

/**
 * The cell to hide next among `cells`: the smallest visible count above zero, else a visible zero. A hidden zero
 * protects little: the reader knows no count is negative, so two hidden zeros on a line whose hidden cells must
 * add up to zero give each other away.
 */
function smallestVisible(values: number[], suppressed: boolean[], cells: number[]): number | null {
  let best: number | null = null;
  const rank = (cell: number) => (values[cell] > 0 ? values[cell] : Number.MAX_VALUE);
  for (const cell of cells) {
    if (suppressed[cell]) continue;
    if (best === null || rank(cell) < rank(best) || (rank(cell) === rank(best) && cell < best)) best = cell;
  }
  return best;
}

/**
 * Whether what the reader sees fixes the value of a suppressed cell. The reader knows the visible cells, the
 * sums of the lines and that no count is negative: the hidden cells are any x ≥ 0 with the lines' sums. The
 * cell is safe only when two whole values are possible, that is when its least and greatest value over those x
 * (two linear programs) are at least one apart around whole numbers. This also catches what subtraction alone
 * would miss: a cell pinned by the bounds of others (a hidden 6 in a row of 6 whose column needs 11 from it and
 * a row of 5), and hidden zeros on a line that must add up to nothing.
 */
export function isDetermined(
  cell: number,
  lines: DisclosureLine[],
  suppressed: boolean[],
  values: number[],
): boolean {
  const unknowns = suppressed.flatMap((s, i) => (s ? [i] : []));
  const column = new Map(unknowns.map((u, i) => [u, i]));
  const a: number[][] = [];
  const b: number[] = [];
  for (const line of lines) {
    const row = new Array<number>(unknowns.length).fill(0);
    let residual = 0;
    line.cells.forEach((c, i) => {
      const at = column.get(c);
      if (at === undefined) return;
      const sign = line.signs?.[i] ?? 1;
      row[at] += sign;
      residual += sign * values[c];
    });
    if (row.some((x) => x !== 0)) {
      a.push(row);
      b.push(residual);
    }
  }
  if (a.length === 0) return false;
  const objective = new Array<number>(unknowns.length).fill(0);
  objective[column.get(cell)!] = 1;
  // The true value is possible; a second whole one below it is enough (and saves the second program).
  const least = minimize(a, b, objective);
  if (least === null) return true;
  if (Math.ceil(least - 1e-7) <= values[cell] - 1) return false;
  const greatest = minimize(
    a,
    b,
    objective.map((x) => -x),
  );
  if (greatest === null) return true;
  const high = -greatest;
  return Math.floor(high + 1e-7) - Math.ceil(least - 1e-7) < 1;
}
