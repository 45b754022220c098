/** Values of the generated NUMBER, PERCENT and TEXT answers. */
import type { CountryCode } from './types';
import type { Ctx } from './answers-context';
import { clamp, rand } from './answers-random';
import { numberSpecs, percentSpecs } from './answers-text';

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
  if (ctx.ind.code === 'PART-4.3') {
    const list = ranked.map((item, i) => `(${i + 1}) ${item}`).join('; ');
    return `Monitoring in ${py} found that the following GRETA recommendations to ${p.name} remained largely unimplemented: ${list}.`;
  }
  return ranked.join(' ');
}
