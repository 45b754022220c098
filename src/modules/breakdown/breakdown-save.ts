import type { EntityManager } from 'typeorm';
import type { UserError } from '../../common/errors';
import type { AnswerType } from '../indicator/indicator.enums';
import { combinationKey, type StoredCell } from './breakdown-tables';
import { checkSums, validateBreakdown } from './breakdown-validate';
import { loadDimensions } from './breakdown.service';
import type { BreakdownCellInput } from './breakdown.types';

export interface BreakdownChange {
  /** The cells to store in place of the old ones; null: the stored ones stay. */
  cells: StoredCell[] | null;
  /** The stored cells before the change, for the audit trail. */
  before: StoredCell[];
  errors: UserError[];
}

async function storedCells(m: EntityManager, assessmentId: string | null): Promise<StoredCell[]> {
  if (!assessmentId) return [];
  const rows: Array<{ dimension_codes: string[]; category_codes: string[]; value: number }> = await m.query(
    `SELECT dimension_codes, category_codes, value FROM assessment_breakdown WHERE assessment_id = $1
     ORDER BY dimension_codes, category_codes`,
    [assessmentId],
  );
  return rows.map((r) => ({
    dimensionCodes: r.dimension_codes,
    categoryCodes: r.category_codes,
    value: Number(r.value),
  }));
}

async function rulesOf(
  m: EntityManager,
  indicatorId: string,
  answerType: AnswerType,
  total: number | null,
  countryCode?: string,
) {
  const [dimensions, combinations] = await Promise.all([
    loadDimensions(m),
    m.query(`SELECT dimension_codes FROM indicator_breakdown WHERE indicator_id = $1 ORDER BY position`, [
      indicatorId,
    ]) as Promise<Array<{ dimension_codes: string[] }>>,
  ]);
  return {
    answerType,
    dimensions,
    total,
    countryCode,
    combinations: combinations.map((c) => c.dimension_codes),
  };
}

/**
 * What an `assessmentSave` does to the breakdown: the cells given replace the stored ones (null or an empty
 * list removes them); when none are given but the total changes, the stored cells must still add up to it.
 * Costs no statement when the save touches neither.
 */
export async function prepareBreakdown(
  m: EntityManager,
  given: BreakdownCellInput[] | null | undefined,
  target: {
    assessmentId: string | null;
    indicatorId: string;
    answerType: AnswerType;
    total: number | null;
    totalChanged: boolean;
    countryCode?: string;
  },
): Promise<BreakdownChange> {
  if (given === undefined && !target.totalChanged) return { cells: null, before: [], errors: [] };
  const before = await storedCells(m, target.assessmentId);
  if (given === undefined) {
    if (before.length === 0) return { cells: null, before, errors: [] };
    const rules = await rulesOf(m, target.indicatorId, target.answerType, target.total);
    return { cells: null, before, errors: checkSums(before, rules) };
  }
  if (!given || given.length === 0) return { cells: [], before, errors: [] };
  const rules = await rulesOf(m, target.indicatorId, target.answerType, target.total, target.countryCode);
  const { cells, errors } = validateBreakdown(given, rules);
  return { cells, before, errors };
}

/** Replaces the assessment's cells (in the save's transaction, under row-level security). */
export async function writeBreakdown(
  m: EntityManager,
  assessmentId: string,
  countryCode: string,
  cells: StoredCell[],
): Promise<void> {
  await m.query(`DELETE FROM assessment_breakdown WHERE assessment_id = $1`, [assessmentId]);
  if (cells.length === 0) return;
  await m.query(
    `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
     SELECT $1, $2, string_to_array(d, '|'), string_to_array(c, '|'), v
     FROM unnest($3::text[], $4::text[], $5::float8[]) AS x(d, c, v)`,
    [
      assessmentId,
      countryCode,
      cells.map((c) => c.dimensionCodes.join('|')),
      cells.map((c) => c.categoryCodes.join('|')),
      cells.map((c) => c.value),
    ],
  );
}

/** The cells as the audit trail keeps them: one entry per cell, e.g. `"sex=female × age=child": 3`. */
export function auditCells(cells: StoredCell[]): Record<string, number> {
  return Object.fromEntries(
    cells
      .map(
        (c) =>
          [combinationKey(c.dimensionCodes.map((d, i) => `${d}=${c.categoryCodes[i]}`)), c.value] as const,
      )
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
