import { UserError, UserErrorCode } from '../../common/errors';
import { AnswerType } from '../indicator/indicator.enums';
import { combinationKey, type DimensionMap, type StoredCell } from './breakdown-tables';
import { isCountryCategory, SPLIT_BY_COUNTRIES } from './country-categories';
import type { BreakdownCellInput } from './breakdown.types';

const MAX_CELLS = 2000;
const TOLERANCE = 1e-6;

export interface BreakdownRules {
  answerType: AnswerType;
  /** The combinations the indicator expects, each in its dimension order. */
  combinations: string[][];
  dimensions: DimensionMap;
  /** The assessment's value (after the save): the total the parts of an exhaustive breakdown add up to. */
  total: number | null;
  /** The assessment's country: its own ISO code is not a category of citizenship (its people are `national`). */
  countryCode?: string;
}

const describe = (cell: StoredCell) =>
  cell.dimensionCodes.map((d, i) => `${d} = ${cell.categoryCodes[i]}`).join(', ');

/**
 * Reads the cells of a breakdown against the indicator: every cell names a category of each dimension of one of
 * the indicator's combinations; values are counts (NUMBER) or percentages (PERCENT); and where a dimension is
 * exhaustive the parts add up (to the total, and a two-dimensional table to its one-dimensional ones). Each
 * problem is a user error naming the cell or the sum at fault.
 */
export function validateBreakdown(
  input: BreakdownCellInput[],
  rules: BreakdownRules,
): { cells: StoredCell[]; errors: UserError[] } {
  const errors: UserError[] = [];
  const at = (i: number, ...rest: string[]) => ['input', 'breakdown', String(i), ...rest];
  if (input.length === 0) return { cells: [], errors };
  if (rules.answerType !== AnswerType.NUMBER && rules.answerType !== AnswerType.PERCENT) {
    errors.push(
      UserError.of(
        UserErrorCode.ANSWER_TYPE_MISMATCH,
        `Only NUMBER and PERCENT indicators are broken down; this one is ${rules.answerType}.`,
        ['input', 'breakdown'],
      ),
    );
    return { cells: [], errors };
  }
  if (input.length > MAX_CELLS) {
    errors.push(
      UserError.of(UserErrorCode.INVALID_INPUT, `At most ${MAX_CELLS} cells.`, ['input', 'breakdown']),
    );
    return { cells: [], errors };
  }
  const expected = new Map(rules.combinations.map((c) => [combinationKey([...c].sort()), c]));
  const offered = rules.combinations.map((c) => c.join(' × ')).join('; ') || 'nothing';
  const cells: StoredCell[] = [];
  const seen = new Set<string>();
  input.forEach((cell, i) => {
    const given = new Map(cell.categories.map((c) => [c.dimension.trim(), c.category.trim()]));
    const combination = expected.get(combinationKey([...given.keys()].sort()));
    if (given.size !== cell.categories.length || !combination) {
      errors.push(
        UserError.of(
          UserErrorCode.INVALID_INPUT,
          `Cell ${i} (${cell.categories.map((c) => `${c.dimension} = ${c.category}`).join(', ')}): the indicator ` +
            `is broken down by ${offered}.`,
          at(i, 'categories'),
        ),
      );
      return;
    }
    const stored: StoredCell = {
      dimensionCodes: combination,
      categoryCodes: combination.map((d) => given.get(d)!),
      value: cell.value,
    };
    stored.dimensionCodes.forEach((d, k) => {
      const dimension = rules.dimensions.get(d);
      const code = stored.categoryCodes[k];
      const country = Boolean(dimension?.countryCodes) && isCountryCategory(code);
      if (country && code === rules.countryCode)
        errors.push(
          UserError.of(
            UserErrorCode.INVALID_INPUT,
            `Cell ${i} (${describe(stored)}): the country’s own citizens are counted as ` +
              `"${dimension!.categories.find((c) => !c.unknown)?.code}", not by its code.`,
            at(i, 'categories'),
          ),
        );
      else if (!country && !dimension?.categories.some((c) => c.code === code))
        errors.push(
          UserError.of(
            UserErrorCode.INVALID_INPUT,
            `Cell ${i} (${describe(stored)}): ${d} has no category "${code.slice(0, 40)}"; ` +
              `it has ${dimension?.categories.map((c) => c.code).join(', ')}` +
              `${dimension?.countryCodes ? ', or a country’s ISO 3166-1 alpha-2 code in capitals, such as AL' : ''}.`,
            at(i, 'categories'),
          ),
        );
    });
    const percent = rules.answerType === AnswerType.PERCENT;
    if (!Number.isFinite(cell.value) || cell.value < 0 || (percent && cell.value > 100))
      errors.push(
        UserError.of(
          UserErrorCode.INVALID_INPUT,
          `Cell ${i} (${describe(stored)}): ${percent ? 'a percentage is from 0 to 100' : 'a count is 0 or more'}.`,
          at(i, 'value'),
        ),
      );
    const key = combinationKey([...stored.dimensionCodes, '|', ...stored.categoryCodes]);
    if (seen.has(key))
      errors.push(
        UserError.of(UserErrorCode.DUPLICATE, `Cell ${i} (${describe(stored)}) is given twice.`, at(i)),
      );
    seen.add(key);
    cells.push(stored);
  });
  if (errors.length === 0) errors.push(...mixedCountries(cells, rules));
  if (errors.length === 0 && rules.answerType === AnswerType.NUMBER) errors.push(...checkSums(cells, rules));
  return { cells, errors };
}

/**
 * Where a dimension takes countries' codes, a breakdown names either `foreign` or the foreigners' countries,
 * never both: a person counted under each would be counted twice, and the sums could not tell.
 */
function mixedCountries(cells: StoredCell[], rules: BreakdownRules): UserError[] {
  const errors: UserError[] = [];
  for (const dimension of rules.dimensions.values()) {
    if (!dimension.countryCodes) continue;
    const used = new Set(
      cells.flatMap((c) => c.categoryCodes.filter((_, k) => c.dimensionCodes[k] === dimension.code)),
    );
    const countries = [...used].filter(isCountryCategory);
    if (used.has(SPLIT_BY_COUNTRIES) && countries.length > 0)
      errors.push(
        UserError.of(
          UserErrorCode.INVALID_INPUT,
          `${dimension.code}: give "${SPLIT_BY_COUNTRIES}" or the countries (${countries.slice(0, 5).join(', ')}), ` +
            'not both: each person counts in one category.',
          ['input', 'breakdown'],
        ),
      );
  }
  return errors;
}

/** The parts of exhaustive breakdowns add up: to the total, and a crossed table to the single ones. */
export function checkSums(cells: StoredCell[], rules: BreakdownRules): UserError[] {
  const errors: UserError[] = [];
  const field = ['input', 'breakdown'];
  const mismatch = (message: string) =>
    errors.push(UserError.of(UserErrorCode.BREAKDOWN_TOTAL_MISMATCH, message, field));
  const byCombination = new Map<string, StoredCell[]>();
  for (const c of cells) {
    const key = combinationKey(c.dimensionCodes);
    byCombination.set(key, [...(byCombination.get(key) ?? []), c]);
  }
  const exhaustive = (code: string) => rules.dimensions.get(code)?.exhaustive ?? false;
  const sum = (list: StoredCell[]) => list.reduce((s, c) => s + c.value, 0);
  const differs = (a: number, b: number) => Math.abs(a - b) > TOLERANCE;
  const total = rules.total;
  if (cells.length > 0 && total === null) {
    mismatch('Give the total (`value`) with its breakdown: the cells are parts of it.');
    return errors;
  }
  for (const list of byCombination.values()) {
    const dims = list[0].dimensionCodes;
    const name = dims.join(' × ');
    if (dims.every(exhaustive) && differs(sum(list), total!))
      mismatch(
        `The cells by ${name} add up to ${sum(list)}, not to the total ${total}: every person counts in one ` +
          'cell (use the unknown category for those whose value is not known).',
      );
    if (dims.length !== 2) continue;
    for (const varying of [0, 1]) {
      const other = 1 - varying;
      const single = byCombination.get(dims[other]);
      if (!exhaustive(dims[varying]) || !single) continue;
      const categories = new Set([
        ...single.map((c) => c.categoryCodes[0]),
        ...list.map((c) => c.categoryCodes[other]),
      ]);
      for (const category of categories) {
        const part = sum(list.filter((c) => c.categoryCodes[other] === category));
        const whole = sum(single.filter((c) => c.categoryCodes[0] === category));
        if (differs(part, whole))
          mismatch(
            `${dims[other]} = ${category}: the cells by ${name} add up to ${part}, but the breakdown by ` +
              `${dims[other]} gives ${whole}.`,
          );
      }
    }
  }
  return errors;
}
