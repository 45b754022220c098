/** Narratives of the generated answers: the English score narrative and the local-language one. */
import type { I18n, SeedIndicator } from './types';
import type { Ctx } from './answers-context';
import { pick, rand } from './answers-random';
import { scoreIn } from './answers-scores';
import { gapsFor, localTemplates, positives, zeroPhrases } from './answers-text';

/** The indicator title as quoted in a narrative. */
export const topicOf = (ind: SeedIndicator): string => `"${ind.title.en}"`;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    values[name] === undefined ? match : String(values[name]),
  );
}

export function scoreNarrativeEn(ctx: Ctx, score: number): string {
  const { p, ind, py } = ctx;
  const inst = p.institutions[ctx.role];
  const topic = topicOf(ind);
  const r = rand(ctx.seed, ctx.cc, ind.code, ctx.year, 'phrase');
  const gap = pick(gapsFor(ind), r);
  let text: string;
  if (score === 3) {
    text = `As regards ${topic}, ${p.name} is fully in line with the standard: the relevant rules are applied consistently by the ${inst}, and ${fill(pick(positives, r), { py, ngo: p.ngoRef })}.`;
  } else if (score === 2) {
    text = `As regards ${topic}, ${p.name} is largely in line with the standard; the rules are applied by the ${inst} in most cases, but ${gap}.`;
  } else if (score === 1) {
    text = `As regards ${topic}, ${p.name} is only partially in line with the standard: provisions exist, but their application by the ${inst} is inconsistent, and ${gap}.`;
  } else {
    text = `As regards ${topic}, nothing is in place in ${p.name}: the ${inst} could not point to any operational measure in ${py}, and ${pick(zeroPhrases, r)}.`;
  }
  if (ctx.year > 2024) {
    const previous = scoreIn(ctx.cc, ind, ctx.year - 1, ctx.seed);
    if (score > previous) text += ' This is an improvement compared with the previous monitoring cycle.';
    if (score < previous) text += ' This is a deterioration compared with the previous monitoring cycle.';
  }
  return text;
}

/** Local-language narrative, for about 70 % of answers. */
export function localNarrative(
  ctx: Ctx,
  kind: keyof typeof localTemplates.sr,
  value?: string,
): Partial<I18n> {
  if (rand(ctx.seed, ctx.cc, ctx.ind.code, ctx.year, 'local') >= 0.7) return {};
  const { p } = ctx;
  const t = localTemplates[p.dialect];
  const localTitle = p.dialect === 'ije' ? undefined : ctx.ind.title[p.locale];
  const body = fill(t[kind], {
    inst: p.localInstitutions[ctx.role],
    py: ctx.py,
    v: value ?? '',
  });
  return { [p.locale]: `${localTitle ?? t.prefix}: ${body}` };
}

export const formatLocal = (v: number): string => String(v).replace('.', ',');
