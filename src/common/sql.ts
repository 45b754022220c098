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

/**
 * Locks the rows `sql` selects for a change, with `lock` (e.g. `FOR UPDATE OF a`) appended. Row-level security
 * lets a caller lock only rows it may change, so a row it may read but not change comes back from a second,
 * unlocked read with `locked: false`: the caller then answers FORBIDDEN rather than NOT_FOUND, and must refuse
 * the change whatever its own checks say. A row the caller may not even read stays not found.
 */
export async function lockRows<R = Record<string, unknown>>(
  m: EntityManager,
  sql: string,
  lock: string,
  params: unknown[],
): Promise<{ rows: R[]; locked: boolean }> {
  const rows = await queryRows<R>(m, `${sql} ${lock}`, params);
  if (rows.length > 0) return { rows, locked: true };
  return { rows: await queryRows<R>(m, sql, params), locked: false };
}
