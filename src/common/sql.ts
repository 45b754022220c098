import type { EntityManager } from 'typeorm';

/**
 * Runs a statement and returns its rows. TypeORM answers UPDATE and DELETE with `[rows, rowCount]` but other
 * statements with the rows alone; this gives the rows either way, so `... RETURNING` reads the same everywhere.
 */
export async function queryRows<R = Record<string, unknown>>(
  m: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const result: unknown = await m.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as R[];
  }
  return result as R[];
}
