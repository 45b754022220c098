/** Scores of the generated answers: the 0–3 level over the years, not-scored reasons and confidence. */
import type { CountryCode, Level, SeedIndicator } from './types';
import { countryProfiles } from './answers-countries';
import type { Ctx } from './answers-context';
import { clamp, rand } from './answers-random';
import { scoreDifficulty } from './answers-text';

/** Change of score in `year` relative to the year before: mostly 0, sometimes +1, rarely −1. */
function scoreDelta(cc: CountryCode, code: string, year: number, seed: number): number {
  const r = rand(seed, cc, code, year, 'trend');
  if (r < 0.22) return 1;
  if (r < 0.26) return -1;
  return 0;
}

/** Underlying 0–3 score (before any NO_DATA / NOT_APPLICABLE decision); 2024 is the base year. */
export function scoreIn(cc: CountryCode, ind: SeedIndicator, year: number, seed: number): number {
  const difficulty = scoreDifficulty[ind.code] ?? (rand(seed, ind.code, 'difficulty') - 0.5) * 0.8;
  const noise = (rand(seed, cc, ind.code, 'level') - 0.5) * 2;
  let s = Math.round(clamp(1.4 + countryProfiles[cc].scoreBias + difficulty + noise, 0, 3));
  for (let y = 2025; y <= year; y++) s = clamp(s + scoreDelta(cc, ind.code, y, seed), 0, 3);
  for (let y = 2024; y > year; y--) s = clamp(s - scoreDelta(cc, ind.code, y, seed), 0, 3);
  return s;
}

/** Indicators (or sub-themes) that can be NOT_APPLICABLE, with the reason given in the narrative. */
export const notApplicableWhy: Record<string, string> = {
  'PROT-MIG': 'no foreign victims were identified and no victims were returned in {py}',
  'PROT-3.1': 'no unaccompanied or separated child victims were identified in {py}',
};

export function notScored(ctx: Ctx): 'NOT_APPLICABLE' | 'NO_DATA' | null {
  const r = rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'not-scored');
  const pNa = (notApplicableWhy[ctx.ind.code] ?? notApplicableWhy[ctx.ind.areaCode]) !== undefined ? 0.12 : 0;
  const pNoData = ctx.ind.type === 'OUTCOME' ? 0.12 : ctx.ind.type === 'PROCESS' ? 0.07 : 0.03;
  if (r < pNa) return 'NOT_APPLICABLE';
  if (r < pNa + pNoData) return 'NO_DATA';
  return null;
}

export function confidenceFor(ctx: Ctx, notScoredReason: string | null): Level {
  if (notScoredReason === 'NO_DATA') return 'LOW';
  if (notScoredReason === 'NOT_APPLICABLE') return 'MEDIUM';
  const r = rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'confidence');
  switch (ctx.ind.answerType) {
    case 'BOOLEAN':
      return 'HIGH';
    case 'TEXT':
      return 'MEDIUM';
    case 'NUMBER':
    case 'PERCENT':
      return r < 0.65 ? 'HIGH' : 'MEDIUM';
    case 'SCORE':
      if (ctx.ind.type === 'STRUCTURAL') return r < 0.55 ? 'HIGH' : r < 0.9 ? 'MEDIUM' : 'LOW';
      return r < 0.35 ? 'HIGH' : r < 0.8 ? 'MEDIUM' : 'LOW';
  }
}
