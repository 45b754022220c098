/**
 * Illustrative breakdowns of the outcome indicators' counts (demo data, not real figures): each total is split
 * over sex × age, form of exploitation and citizenship with shares typical of the region's published reports,
 * jittered per country and year. The counts are small, as real ones are, so that suppression shows in the demo.
 */
import { rand } from './answers-random';

export interface SeedCell {
  dimensionCodes: string[];
  categoryCodes: string[];
  value: number;
}

/** The free-text breakdowns of the framework that name a standard dimension. */
const DIMENSION_OF: Record<string, string> = {
  sex: 'sex',
  'sex of suspects': 'sex',
  age: 'age',
  'age group': 'age',
  'form of exploitation': 'exploitation',
  citizenship: 'citizenship',
  'citizenship of suspects': 'citizenship',
};

/** The combinations an indicator expects: each standard dimension it names, and sex × age when it names both. */
export function combinationsOf(expectedBreakdowns: string[]): string[][] {
  const dims = [...new Set(expectedBreakdowns.map((b) => DIMENSION_OF[b]).filter(Boolean))];
  const single = dims.map((d) => [d]);
  return dims.includes('sex') && dims.includes('age') ? [...single, ['sex', 'age']] : single;
}

const SHARES: Record<string, Record<string, number>> = {
  sex: { female: 0.68, male: 0.3, other_unknown: 0.02 },
  age: { child: 0.33, adult: 0.62, unknown: 0.05 },
  exploitation: {
    sexual: 0.42,
    labour: 0.2,
    begging: 0.12,
    forced_marriage: 0.08,
    criminal_activities: 0.05,
    mixed: 0.08,
    other: 0.03,
    unknown: 0.02,
  },
  citizenship: { national: 0.82, foreign: 0.15, unknown: 0.03 },
};

/** Splits a whole total into whole parts by jittered shares (largest remainder), so the parts add up. */
function split(
  total: number,
  shares: Record<string, number>,
  ...key: Array<string | number>
): Map<string, number> {
  const weights = Object.entries(shares).map(
    ([code, share]) => [code, share * (0.6 + 0.8 * rand(...key, code))] as const,
  );
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  const exact = weights.map(([code, w]) => [code, (total * w) / sum] as const);
  const parts = new Map(exact.map(([code, x]) => [code, Math.floor(x)]));
  let left = total - [...parts.values()].reduce((s, v) => s + v, 0);
  for (const [code] of [...exact].sort((a, b) => (b[1] % 1) - (a[1] % 1))) {
    if (left-- <= 0) break;
    parts.set(code, parts.get(code)! + 1);
  }
  return parts;
}

/** The cells of an assessment's illustrative breakdown; none unless the total is a whole count. */
export function breakdownCells(
  combinations: string[][],
  total: number | null,
  ...key: Array<string | number>
): SeedCell[] {
  if (total === null || !Number.isInteger(total) || total < 0) return [];
  const cells: SeedCell[] = [];
  const sexes = split(total, SHARES.sex, ...key, 'sex');
  const grid = new Map(
    [...sexes].map(([sex, n]) => [sex, split(n, SHARES.age, ...key, 'age', sex)] as const),
  );
  const ageTotals = new Map<string, number>();
  for (const ages of grid.values())
    for (const [age, n] of ages) ageTotals.set(age, (ageTotals.get(age) ?? 0) + n);
  for (const combination of combinations) {
    const [d] = combination;
    if (combination.length === 2) {
      for (const [sex, ages] of grid)
        for (const [age, n] of ages)
          cells.push({ dimensionCodes: ['sex', 'age'], categoryCodes: [sex, age], value: n });
      continue;
    }
    const parts = d === 'sex' ? sexes : d === 'age' ? ageTotals : split(total, SHARES[d], ...key, d);
    for (const [category, n] of parts)
      cells.push({ dimensionCodes: [d], categoryCodes: [category], value: n });
  }
  return cells;
}
