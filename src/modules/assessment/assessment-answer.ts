import { UserError, UserErrorCode } from '../../common/errors';
import { AnswerType } from '../indicator/indicator.enums';
import type { NotScoredReason } from './assessment.enums';
import type { AssessmentSaveInput } from './assessment.types';

/** The answer columns of an assessment. */
export interface AnswerColumns {
  score: number | null;
  not_scored_reason: NotScoredReason | null;
  value_number: number | null;
  value_boolean: boolean | null;
  value_text: string | null;
}

const EMPTY: AnswerColumns = {
  score: null,
  not_scored_reason: null,
  value_number: null,
  value_boolean: null,
  value_text: null,
};
const NUMBER_RE = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * Reads the answer of a save input against the indicator's answer type. Returns undefined when the input
 * gives no answer (the stored one stays), or the columns to store.
 */
export function parseAnswer(
  input: AssessmentSaveInput,
  answerType: AnswerType,
): { answer?: AnswerColumns; errors: UserError[] } {
  const givesScore = input.score !== undefined || input.notScoredReason !== undefined;
  const givesValue = input.value !== undefined;
  if (!givesScore && !givesValue) return { errors: [] };
  const mismatch = (field: string) =>
    UserError.of(
      UserErrorCode.ANSWER_TYPE_MISMATCH,
      `This indicator takes a ${answerType} answer: ${answerType === AnswerType.SCORE ? 'give score or notScoredReason' : 'give value'}.`,
      ['input', field],
    );

  if (answerType === AnswerType.SCORE) {
    if (givesValue && input.value !== null) return { errors: [mismatch('value')] };
    const score = input.score ?? null;
    const reason = input.notScoredReason ?? null;
    if (score !== null && (!Number.isInteger(score) || score < 0 || score > 3)) {
      return {
        errors: [
          UserError.of(UserErrorCode.SCORE_OUT_OF_RANGE, `A score must be 0, 1, 2 or 3, got ${score}.`, [
            'input',
            'score',
          ]),
        ],
      };
    }
    if (score !== null && reason !== null) {
      return {
        errors: [
          UserError.of(UserErrorCode.INVALID_INPUT, 'Give a score or a reason for not scoring, not both.', [
            'input',
            'notScoredReason',
          ]),
        ],
      };
    }
    return { answer: { ...EMPTY, score, not_scored_reason: reason }, errors: [] };
  }

  if (givesScore && (input.score != null || input.notScoredReason != null)) {
    return { errors: [mismatch(input.score != null ? 'score' : 'notScoredReason')] };
  }
  const raw = input.value ?? null;
  if (raw === null) return { answer: { ...EMPTY }, errors: [] };
  const invalid = (message: string) => ({
    errors: [UserError.of(UserErrorCode.INVALID_INPUT, message, ['input', 'value'])],
  });
  switch (answerType) {
    case AnswerType.NUMBER:
    case AnswerType.PERCENT: {
      const text = raw.trim();
      if (!NUMBER_RE.test(text))
        return invalid(`"${text.slice(0, 40)}" is not a decimal number such as 42 or 12.5.`);
      const value = Number(text);
      if (answerType === AnswerType.PERCENT && (value < 0 || value > 100))
        return invalid('A percentage must be from 0 to 100.');
      return { answer: { ...EMPTY, value_number: value }, errors: [] };
    }
    case AnswerType.BOOLEAN: {
      const text = raw.trim().toLowerCase();
      if (text !== 'true' && text !== 'false') return invalid('A yes/no answer must be "true" or "false".');
      return { answer: { ...EMPTY, value_boolean: text === 'true' }, errors: [] };
    }
    default: {
      const text = raw.trim();
      if (text.length === 0 || text.length > 4000)
        return invalid('A text answer must have 1 to 4000 characters.');
      return { answer: { ...EMPTY, value_text: text }, errors: [] };
    }
  }
}
