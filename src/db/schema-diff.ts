import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
  /** Drops of database-only objects that were left out (see below). */
  ignored: string[];
}

const DROP_CONSTRAINT = /^ALTER TABLE "[^"]+" DROP CONSTRAINT "([^"]+)"$/;
const DROP_INDEX = /^DROP INDEX "[^"]+"\."([^"]+)"$/;

/**
 * What TypeORM would change to make the database match the entities, less the drops of constraints and indexes
 * that exist only in the hand-written migrations (checks, composite and cross-table keys, expression indexes,
 * triggers): the entities do not declare those, and dropping them is never what a new migration wants.
 */
export async function schemaDiff(ds: DataSource): Promise<SchemaDiff> {
  const sql = await ds.driver.createSchemaBuilder().log();
  const ignoredNames = new Set<string>();
  const ignored: string[] = [];
  const up: string[] = [];
  for (const { query } of sql.upQueries) {
    const trimmed = query.trim();
    const match = DROP_CONSTRAINT.exec(trimmed) ?? DROP_INDEX.exec(trimmed);
    if (match) {
      ignoredNames.add(match[1]);
      ignored.push(trimmed);
    } else {
      up.push(trimmed);
    }
  }
  const down = sql.downQueries
    .map(({ query }) => query.trim())
    .filter((query) => ![...ignoredNames].some((name) => query.includes(`"${name}"`)))
    .reverse();
  return { up, down, ignored };
}
