import { createUnionType, Field, Float, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { AnswerType } from '../indicator/indicator.enums';
import { NotScoredReason } from './assessment.enums';

@ObjectType({ description: 'A score on the framework’s 0–3 scale, the answer of a SCORE indicator.' })
export class ScoreAnswer {
  @Field(() => Int, { description: 'The score: 0 not in place, 1 partial, 2 largely, 3 fully in line.' })
  score: number;
}

@ObjectType({ description: 'A SCORE indicator left unscored, and why.' })
export class NotScoredAnswer {
  @Field(() => NotScoredReason, { description: 'Why it has no score.' })
  reason: NotScoredReason;
}

@ObjectType({ description: 'The answer of a NUMBER indicator.' })
export class NumberAnswer {
  @Field(() => Float, { description: 'The number, e.g. identified victims in the year.' })
  number: number;
}

@ObjectType({ description: 'The answer of a PERCENT indicator.' })
export class PercentAnswer {
  @Field(() => Float, { description: 'The percentage, from 0 to 100 (not a fraction of 1).' })
  percent: number;
}

@ObjectType({ description: 'The answer of a BOOLEAN (yes/no) indicator.' })
export class BooleanAnswer {
  @Field(() => Boolean, { description: 'Yes (true) or no (false).' })
  boolean: boolean;
}

@ObjectType({ description: 'The answer of a TEXT indicator.' })
export class TextAnswer {
  @Field(() => String, { description: 'The text, as the partner wrote it.' })
  text: string;
}

const MEMBERS = [
  ScoreAnswer,
  NotScoredAnswer,
  NumberAnswer,
  PercentAnswer,
  BooleanAnswer,
  TextAnswer,
] as const;

export const Answer = createUnionType({
  name: 'Answer',
  description:
    'An answer in its own type, one member per answer type of the indicator, so that a client reads a number, ' +
    'a percentage, a yes/no, a text, a score or the reason for no score without parsing `value`. Select the ' +
    'members with inline fragments (`... on NumberAnswer { number }`); each member’s field has its own name.',
  types: () => MEMBERS,
});

export type TypedAnswer = InstanceType<(typeof MEMBERS)[number]>;

const NOT_SCORED = new Set<string>(Object.values(NotScoredReason));

/**
 * The typed answer of the text `value` (as `Assessment.value`, comparison cells, edition cells and history points
 * word it) for the indicator's answer type: the one reading of the text, so both always say the same. Null when
 * there is no answer, or when the text does not read as the type (which the save's checks rule out).
 */
export function answerOfText(answerType: AnswerType, value: string | null): TypedAnswer | null {
  if (value === null) return null;
  switch (answerType) {
    case AnswerType.SCORE:
      if (NOT_SCORED.has(value)) return Object.assign(new NotScoredAnswer(), { reason: value });
      return /^[0-3]$/.test(value) ? Object.assign(new ScoreAnswer(), { score: Number(value) }) : null;
    case AnswerType.NUMBER:
    case AnswerType.PERCENT: {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) return null;
      return answerType === AnswerType.NUMBER
        ? Object.assign(new NumberAnswer(), { number })
        : Object.assign(new PercentAnswer(), { percent: number });
    }
    case AnswerType.BOOLEAN:
      return value === 'true' || value === 'false'
        ? Object.assign(new BooleanAnswer(), { boolean: value === 'true' })
        : null;
    default:
      return Object.assign(new TextAnswer(), { text: value });
  }
}

/** The typed answer of an indicator's text answer, the indicator's type read through the request's loader. */
export async function typedAnswerOf(
  ctx: RequestContext,
  indicatorId: string,
  value: string | null,
): Promise<TypedAnswer | null> {
  if (value === null) return null;
  const indicator = await ctx.loaders.indicator.byId.load(indicatorId);
  return indicator ? answerOfText(indicator.answerType, value) : null;
}

export const ANSWER_DESCRIPTION =
  'The answer in its own type (number, percentage, yes/no, text, score or why not scored), read from the same ' +
  'answer as `value`; null when `value` is.';
