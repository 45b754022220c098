import type { EntityManager } from 'typeorm';
import { UserErrorCode } from '../../common/errors';
import { combinationKey } from './breakdown-tables';
import { loadDimensions } from './breakdown.service';

const MAX_COMBINATIONS = 10;

interface ErrorSink {
  add(code: UserErrorCode, message: string, field: string[] | null): void;
}

/**
 * Reads the breakdowns an indicator is to expect: each one dimension or two crossed, of the standard dimensions
 * or those of the indicator's framework, none twice.
 */
export async function readCombinations(
  m: EntityManager,
  errors: ErrorSink,
  given: string[][],
  frameworkVersionId: string,
): Promise<string[][]> {
  const field = ['input', 'breakdowns'];
  const dimensions = await loadDimensions(m);
  const [{ framework_id: frameworkId }] = await m.query(
    `SELECT framework_id FROM framework_version WHERE id = $1`,
    [frameworkVersionId],
  );
  const combinations = given.map((codes) => codes.map((c) => c.trim()));
  if (combinations.length > MAX_COMBINATIONS)
    errors.add(UserErrorCode.INVALID_INPUT, `At most ${MAX_COMBINATIONS} breakdowns.`, field);
  const usable = [...dimensions.values()]
    .filter((d) => d.frameworkId === null || d.frameworkId === frameworkId)
    .map((d) => d.code);
  combinations.forEach((codes, i) => {
    const at = [...field, String(i)];
    if (codes.length < 1 || codes.length > 2 || new Set(codes).size !== codes.length)
      errors.add(UserErrorCode.INVALID_INPUT, 'A breakdown is by one dimension or two different ones.', at);
    const unknown = codes.filter((c) => !usable.includes(c));
    if (unknown.length)
      errors.add(
        UserErrorCode.NOT_FOUND,
        `No dimension ${unknown.map((c) => `"${c.slice(0, 40)}"`).join(', ')}; there are ${usable.join(', ')}.`,
        at,
      );
  });
  const keys = combinations.map((codes) => combinationKey([...codes].sort()));
  if (new Set(keys).size !== keys.length)
    errors.add(UserErrorCode.DUPLICATE, 'A breakdown is given twice.', field);
  return combinations;
}

export async function combinationsOf(m: EntityManager, indicatorId: string): Promise<string[][]> {
  const rows: Array<{ dimension_codes: string[] }> = await m.query(
    `SELECT dimension_codes FROM indicator_breakdown WHERE indicator_id = $1 ORDER BY position`,
    [indicatorId],
  );
  return rows.map((r) => r.dimension_codes);
}

/** Replaces the indicator's breakdowns, in the order given. */
export async function setCombinations(m: EntityManager, indicatorId: string, combinations: string[][]) {
  await m.query(`DELETE FROM indicator_breakdown WHERE indicator_id = $1`, [indicatorId]);
  if (combinations.length === 0) return;
  await m.query(
    `INSERT INTO indicator_breakdown (indicator_id, position, dimension_codes)
     SELECT $1, ordinality - 1, string_to_array(codes, '|') FROM unnest($2::text[]) WITH ORDINALITY AS x(codes, ordinality)`,
    [indicatorId, combinations.map((c) => c.join('|'))],
  );
}
