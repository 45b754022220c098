import type { EntityManager } from 'typeorm';

/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter and `jsonb_to_recordset` turns
 * them back into typed columns. `columns` maps column name to SQL type; row keys are column names.
 */
export async function insertMany<R extends Record<string, unknown>>(
  manager: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: Array<Record<string, unknown>>,
  tail = '',
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns);
  const quoted = names.map((name) => `"${name}"`).join(', ');
  const definitions = names.map((name) => `"${name}" ${columns[name]}`).join(', ');
  const sql = `INSERT INTO ${table} (${quoted})
    SELECT ${quoted} FROM jsonb_to_recordset($1::jsonb) AS r(${definitions}) ${tail}`;
  return manager.query(sql, [JSON.stringify(rows)]);
}
