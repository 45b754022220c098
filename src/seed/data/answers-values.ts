/** Values of the generated NUMBER, PERCENT and TEXT answers. */
import type { CountryCode } from './types';
import type { Ctx } from './answers-context';
import { clamp, rand } from './answers-random';
import { numberSpecs, percentSpecs } from './answers-text';

/** Opens every generated text answer, so that a copied answer carries it. */
export const ILLUSTRATIVE = 'Illustrative example (demo data, not a real finding):';

const genericNumberRange: [number, number] = [5, 60];
const genericPercentRange: [number, number] = [20, 80];

export function numberValue(cc: CountryCode, code: string, year: number, seed: number): number {
  const [lo, hi] = numberSpecs[code]?.range[cc] ?? genericNumberRange;
  const level = lo + (hi - lo) * rand(seed, cc, code, 'level');
  const yearly = 1 + (rand(seed, cc, code, year, 'yearly') - 0.5) * 0.3;
  return Math.round(clamp(level * yearly, lo, hi));
}

export function percentValue(cc: CountryCode, code: string, year: number, seed: number): number {
  const spec = percentSpecs[code];
  const [lo, hi] = spec?.range[cc] ?? genericPercentRange;
  const level = lo + (hi - lo) * rand(seed, cc, code, 'level');
  const yearly = (rand(seed, cc, code, year, 'yearly') - 0.5) * 0.15 * (hi - lo);
  const trend = (spec?.trendPerYear ?? 0) * (year - 2024);
  return Math.round(clamp(level + yearly + trend, Math.max(0, lo), Math.min(100, hi)) * 10) / 10;
}

/** Two or three items from the country's pool, in a stable order. */
export function textValue(ctx: Ctx): string {
  const { p, py } = ctx;
  const pool = ctx.ind.code === 'PART-4.3' ? p.gretaPending : p.developments;
  const ranked = pool
    .map((item, i) => ({ item, r: rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'text', i) }))
    .sort((a, b) => a.r - b.r)
    .slice(0, 2 + Math.floor(rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'text-count') * 2))
    .map((x) => x.item);
  // The pools name real bodies: the text says it describes no real event or finding.
  if (ctx.ind.code === 'PART-4.3') {
    const list = ranked.map((item, i) => `(${i + 1}) ${item}`).join('; ');
    return `${ILLUSTRATIVE} GRETA recommendations to ${p.name} that monitoring in ${py} might find largely unimplemented: ${list}.`;
  }
  return `${ILLUSTRATIVE} ${ranked.join(' ')}`;
}
