import { isBelowMinimum, suppressCells, type DisclosureLine } from '../src/modules/breakdown/disclosure';

/**
 * The suppression of small counts, as a pure function: what the public may see of a breakdown, and that what it
 * sees gives no hidden cell away, neither by subtracting the visible cells from a known sum nor by any
 * combination of the sums.
 */

/** The attack of a reader: on each known sum with one hidden cell, that cell is the sum minus the others. */
function subtractionAttack(
  values: number[],
  hidden: boolean[],
  lines: DisclosureLine[],
): Map<number, number> {
  const recovered = new Map<number, number>();
  for (const line of lines) {
    const unknown = line.cells.filter((c) => hidden[c]);
    if (unknown.length !== 1) continue;
    const signs = line.signs ?? line.cells.map(() => 1);
    // The reader knows the line's sum (the total, or zero for a link between tables) and the visible cells.
    const sum = line.cells.reduce((s, c, i) => s + signs[i] * values[c], 0);
    const visible = line.cells.reduce((s, c, i) => (hidden[c] ? s : s + signs[i] * values[c]), 0);
    const sign = signs[line.cells.indexOf(unknown[0])];
    recovered.set(unknown[0], (sum - visible) * sign);
  }
  return recovered;
}

/**
 * Every value each hidden cell can take, given what the reader sees: the visible cells, the known sums, and
 * that counts are whole numbers of 0 or more. A brute-force search, independent of the function under test.
 */
function possibleValues(
  values: number[],
  hidden: boolean[],
  lines: DisclosureLine[],
): Map<number, Set<number>> {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const bound = Math.max(...values) + Math.max(...values);
  const sums = lines.map((line) => line.cells.reduce((s, c, i) => s + (line.signs?.[i] ?? 1) * values[c], 0));
  const possible = new Map(unknowns.map((u) => [u, new Set<number>()]));
  const guess = [...values];
  const lineDone = (line: DisclosureLine, upTo: number) =>
    line.cells.every((c) => !hidden[c] || unknowns.indexOf(c) <= upTo);
  const holds = (upTo: number) =>
    lines.every(
      (line, l) =>
        !lineDone(line, upTo) ||
        line.cells.reduce((s, c, i) => s + (line.signs?.[i] ?? 1) * guess[c], 0) === sums[l],
    );
  const search = (k: number) => {
    if (k === unknowns.length) {
      for (const u of unknowns) possible.get(u)!.add(guess[u]);
      return;
    }
    for (let v = 0; v <= bound; v++) {
      guess[unknowns[k]] = v;
      if (holds(k)) search(k + 1);
    }
  };
  search(0);
  return possible;
}

/** A table of rows × columns whose row sums, column sums and total are known. */
function gridLines(rows: number, cols: number): DisclosureLine[] {
  const at = (r: number, c: number) => r * cols + c;
  const lines: DisclosureLine[] = [];
  for (let r = 0; r < rows; r++) lines.push({ cells: [...Array(cols).keys()].map((c) => at(r, c)) });
  for (let c = 0; c < cols; c++) lines.push({ cells: [...Array(rows).keys()].map((r) => at(r, c)) });
  lines.push({ cells: [...Array(rows * cols).keys()] });
  return lines;
}

/** Deterministic pseudo-random numbers, so that a failure can be replayed. */
function* numbers(seed: number): Generator<number> {
  let t = seed;
  for (;;) {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), t | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    yield ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
}

describe('suppressCells', () => {
  it('suppresses counts from 1 to the minimum less one, and shows zeros and larger counts', () => {
    expect([0, 1, 4, 5, 12].map((v) => isBelowMinimum(v, 5))).toEqual([false, true, true, false, false]);
    expect(suppressCells({ values: [12, 9, 7], lines: [{ cells: [0, 1, 2] }], minCount: 5 })).toEqual([
      false,
      false,
      false,
    ]);
    // With a minimum of 10 the same table is protected differently.
    expect(suppressCells({ values: [12, 9, 7], lines: [{ cells: [0, 1, 2] }], minCount: 10 })).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('defeats total minus the visible cells on a single breakdown', () => {
    // Victims by sex: 11 women, 3 men, 0 other or unknown; the total 14 is published.
    const values = [11, 3, 0];
    const lines = [{ cells: [0, 1, 2] }];
    const primaryOnly = values.map((v) => isBelowMinimum(v, 5));
    // Without secondary suppression the attack works: 14 − 11 − 0 = 3 men.
    expect(subtractionAttack(values, primaryOnly, lines)).toEqual(new Map([[1, 3]]));

    const hidden = suppressCells({ values, lines, minCount: 5 });
    // The smallest count above zero protects it: a hidden zero would protect nothing, since no count is negative.
    expect(hidden).toEqual([true, true, false]);
    expect(subtractionAttack(values, hidden, lines).size).toBe(0);
    // Men could be anything from 0 to 14 as far as the reader can tell.
    expect(possibleValues(values, hidden, lines).get(1)!.size).toBe(15);
  });

  it('defeats the attack along rows and columns of a crossed table', () => {
    // Sex (rows) × age (columns: child, adult, unknown); every row and column sum is known.
    const values = [2, 9, 0, 1, 6, 0, 0, 0, 0];
    const lines = gridLines(3, 3);
    const hidden = suppressCells({ values, lines, minCount: 5 });
    expect(hidden[0] && hidden[3]).toBe(true);
    expect(subtractionAttack(values, hidden, lines).size).toBe(0);
    for (const [cell, options] of possibleValues(values, hidden, lines))
      expect({ cell, several: options.size > 1 }).toEqual({ cell, several: true });
  });

  it('protects a single table and a crossed one together through the links between them', () => {
    // Sex alone (cells 0–2: 20 women, 3 men, 0 other) and sex × age (cells 3–8, rows women, men, other).
    const values = [20, 3, 0, 12, 8, 1, 2, 0, 0];
    const lines: DisclosureLine[] = [
      { cells: [0, 1, 2] },
      // A row of the crossed table adds up to the single table's cell: 0 = single − the row.
      { cells: [0, 3, 4], signs: [1, -1, -1] },
      { cells: [1, 5, 6], signs: [1, -1, -1] },
      { cells: [2, 7, 8], signs: [1, -1, -1] },
      { cells: [3, 5, 7] },
      { cells: [4, 6, 8] },
      { cells: [3, 4, 5, 6, 7, 8] },
    ];
    const hidden = suppressCells({ values, lines, minCount: 5 });
    expect(subtractionAttack(values, hidden, lines).size).toBe(0);
    for (const [cell, options] of possibleValues(values, hidden, lines))
      expect({ cell, several: options.size > 1 }).toEqual({ cell, several: true });
  });

  it('leaves no hidden cell recoverable in any of many random small tables', () => {
    const next = numbers(18);
    const draw = () => next.next().value as number;
    let checked = 0;
    for (let round = 0; round < 300; round++) {
      const rows = 1 + Math.floor(draw() * 3);
      const cols = 2 + Math.floor(draw() * 2);
      const values = [...Array(rows * cols)].map(() => (draw() < 0.3 ? 0 : Math.floor(draw() * 9)));
      const lines = rows === 1 ? [{ cells: values.map((_, i) => i) }] : gridLines(rows, cols);
      const hidden = suppressCells({ values, lines, minCount: 5 });
      values.forEach((v, i) => {
        if (isBelowMinimum(v, 5)) expect(hidden[i]).toBe(true);
      });
      expect(subtractionAttack(values, hidden, lines).size).toBe(0);
      // Some tables give a cell away by their sums alone (every count in one cell of a known row and column):
      // hiding every cell could not help there, and the sums themselves are what must be protected.
      let atBest: Map<number, Set<number>> | null = null;
      for (const [cell, options] of possibleValues(values, hidden, lines)) {
        if (options.size === 1) {
          atBest ??= possibleValues(
            values,
            values.map(() => true),
            lines,
          );
          if (atBest.get(cell)!.size === 1) continue;
        }
        expect({ values, rows, cell, several: options.size > 1 }).toEqual({
          values,
          rows,
          cell,
          several: true,
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('leaves no hidden cell recoverable across random linked tables: two single breakdowns and their cross', async () => {
    const next = numbers(2026);
    const draw = () => next.next().value as number;
    // Cells 0–1: by sex; 2–3: by age; 4–7: sex × age, rows first. The total is known, and each single cell is
    // its row or column of the crossed table.
    const lines: DisclosureLine[] = [
      { cells: [0, 1] },
      { cells: [2, 3] },
      { cells: [0, 4, 5], signs: [1, -1, -1] },
      { cells: [1, 6, 7], signs: [1, -1, -1] },
      { cells: [2, 4, 6], signs: [1, -1, -1] },
      { cells: [3, 5, 7], signs: [1, -1, -1] },
      { cells: [4, 5, 6, 7] },
    ];
    let checked = 0;
    for (let round = 0; round < 60; round++) {
      const grid = [...Array(4)].map(() => (draw() < 0.25 ? 0 : Math.floor(draw() * 8)));
      const values = [grid[0] + grid[1], grid[2] + grid[3], grid[0] + grid[2], grid[1] + grid[3], ...grid];
      const hidden = suppressCells({ values, lines, minCount: 5 });
      values.forEach((v, i) => {
        if (isBelowMinimum(v, 5)) expect(hidden[i]).toBe(true);
      });
      let atBest: Map<number, Set<number>> | null = null;
      for (const [cell, options] of possibleValues(values, hidden, lines)) {
        if (options.size === 1) {
          atBest ??= possibleValues(
            values,
            values.map(() => true),
            lines,
          );
          if (atBest.get(cell)!.size === 1) continue;
        }
        expect({ values, cell, several: options.size > 1 }).toEqual({ values, cell, several: true });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('closes a pattern whose rows and columns each hide two cells but which a bridge still gives away', () => {
    // Two blocks of hidden cells joined by one cell: each line has two hidden cells, yet the joining cell
    // would follow from the sums. Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3, joined at (1, 2).
    const cols = 4;
    const values = [1, 1, 50, 50, 1, 1, 1, 50, 50, 50, 1, 1, 50, 50, 1, 1];
    const lines = gridLines(4, cols);
    const hidden = suppressCells({ values, lines, minCount: 5 });
    for (const [cell, options] of possibleValues(values, hidden, lines))
      expect({ cell, several: options.size > 1 }).toEqual({ cell, several: true });
  });
});
