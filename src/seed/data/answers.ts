/**
 * Deterministic generator of recorded answers (country × indicator × cycle year) for the demo database.
 *
 * Everything is derived from a small hash-based PRNG keyed by the arguments and `seed`, so the same call
 * always returns the same answer. A cycle of year Y reports on the calendar year Y, as the cycle's `year` says:
 * the narratives describe Y, the statistics count Y, and the annual reports on Y cited as evidence are the ones
 * published in Y + 1, while the cycle is open.
 *
 * The parts are built in sibling files: answers-scores.ts, answers-values.ts, answers-narratives.ts and
 * answers-evidence.ts, all drawing on the PRNG in answers-random.ts.
 */
import type { CountryCode, SeedAnswer, SeedIndicator } from './types';
import { countryProfiles } from './answers-countries';
import { roleFor, type Ctx } from './answers-context';
import { evidenceFor } from './answers-evidence';
import { fill, formatLocal, localNarrative, scoreNarrativeEn, topicOf } from './answers-narratives';
import { rand } from './answers-random';
import { confidenceFor, notApplicableWhy, notScored, scoreIn } from './answers-scores';
import { booleanTruth, numberSpecs, percentSpecs } from './answers-text';
import { numberValue, percentValue, textValue } from './answers-values';

const emptyValues = {
  score: null,
  notScoredReason: null,
  valueNumber: null,
  valueBoolean: null,
  valueText: null,
} satisfies Pick<SeedAnswer, 'score' | 'notScoredReason' | 'valueNumber' | 'valueBoolean' | 'valueText'>;

export function answerFor(
  countryCode: CountryCode,
  indicator: SeedIndicator,
  year: number,
  seed: number,
): SeedAnswer {
  const p = countryProfiles[countryCode];
  const ctx: Ctx = { cc: countryCode, p, ind: indicator, year, py: year, seed, role: roleFor(indicator) };
  const inst = p.institutions[ctx.role];
  const evidence = evidenceFor(ctx);

  switch (indicator.answerType) {
    case 'SCORE': {
      const reason = notScored(ctx);
      if (reason === 'NO_DATA') {
        return {
          ...emptyValues,
          notScoredReason: reason,
          narrative: {
            en: `No score could be given for ${topicOf(indicator)}: the ${inst} did not reply to the request for information submitted by ${p.ngoRef}, and no other reliable source covering ${ctx.py} was available.`,
            ...localNarrative(ctx, 'noData'),
          },
          confidence: confidenceFor(ctx, reason),
          evidence: evidence.slice(0, 1),
        };
      }
      if (reason === 'NOT_APPLICABLE') {
        return {
          ...emptyValues,
          notScoredReason: reason,
          narrative: {
            en: `The indicator ${topicOf(indicator)} was not applicable in ${p.name} in this cycle, as ${fill(
              notApplicableWhy[indicator.code] ??
                notApplicableWhy[indicator.areaCode] ??
                'no relevant cases arose in {py}',
              { py: ctx.py },
            )}.`,
            ...localNarrative(ctx, 'notApplicable'),
          },
          confidence: confidenceFor(ctx, reason),
          evidence: evidence.slice(0, 1),
        };
      }
      const score = scoreIn(countryCode, indicator, year, seed);
      return {
        ...emptyValues,
        score,
        narrative: {
          en: scoreNarrativeEn(ctx, score),
          ...localNarrative(ctx, (['score0', 'score1', 'score2', 'score3'] as const)[score] ?? 'score1'),
        },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
    case 'NUMBER': {
      const v = numberValue(countryCode, indicator.code, year, seed);
      const spec = numberSpecs[indicator.code];
      const en = spec
        ? spec.narrative(v, {
            inst,
            py: ctx.py,
            ngo: p.ngoRef,
            r: rand(seed, countryCode, indicator.code, year, 'detail'),
            forms: p.frequentForms,
            childShare: percentValue(countryCode, 'PROT-3.3', year, seed),
          })
        : `In ${ctx.py}, the ${inst} reported a value of ${v} for this indicator.`;
      return {
        ...emptyValues,
        valueNumber: v,
        narrative: { en, ...localNarrative(ctx, 'number', String(v)) },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
    case 'PERCENT': {
      const v = percentValue(countryCode, indicator.code, year, seed);
      const spec = percentSpecs[indicator.code];
      const en = spec
        ? spec.narrative(v, { inst, py: ctx.py, ngo: p.ngoRef })
        : `In ${ctx.py}, the value recorded by the ${inst} was ${v}%.`;
      return {
        ...emptyValues,
        valueNumber: v,
        narrative: { en, ...localNarrative(ctx, 'percent', formatLocal(v)) },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
    case 'BOOLEAN': {
      const truth = booleanTruth[indicator.code];
      const known = truth?.values[countryCode];
      const v = known ?? rand(seed, countryCode, indicator.code, 'boolean') < 0.5 + p.scoreBias * 0.5;
      const en = truth
        ? fill(v ? truth.yes : truth.no, {
            inst,
            country: p.name,
            criminalCode: p.criminalCode.title,
            foreignersLaw: p.foreignersLaw.title,
            coordinator: p.institutions.coordinator,
            rapporteur: p.institutions.rapporteur,
          })
        : `${indicator.title.en}: ${v ? 'yes' : 'no'}, according to the ${inst}.`;
      return {
        ...emptyValues,
        valueBoolean: v,
        narrative: { en, ...localNarrative(ctx, v ? 'yes' : 'no') },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
    case 'TEXT': {
      const valueText = textValue(ctx);
      return {
        ...emptyValues,
        valueText,
        narrative: {
          en: `Illustrative summary (demo data, not a finding of ${p.ngoRef}) of what official documents of the ${inst} might show; see the recorded text.`,
          ...localNarrative(ctx, 'text'),
        },
        confidence: confidenceFor(ctx, null),
        evidence,
      };
    }
  }
}
