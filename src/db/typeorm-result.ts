import { QueryResult } from 'typeorm/query-runner/QueryResult';
import type { BatchResult } from './statement-batch';

/**
 * A statement's result in the form TypeORM's PostgreSQL query runner gives its callers (`query(sql, params,
 * structured)`), for statements that reach the database without it.
 */
export function typeormResult(raw: BatchResult, structured: boolean): unknown {
  const result = new QueryResult();
  result.records = raw.rows;
  result.affected = raw.rowCount ?? undefined;
  result.raw = raw.command === 'DELETE' || raw.command === 'UPDATE' ? [raw.rows, raw.rowCount] : raw.rows;
  return structured ? result : result.raw;
}
