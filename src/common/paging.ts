import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { EntityMetadata } from 'typeorm';
import { preparedQuery } from '../db/request-transaction';
import type { Page, PageWindow } from './connection';

/**
 * A page query. Its SQL parts come from the code, never from input (values go in `params`): the statement is
 * prepared once per connection and reused.
 */
export interface PagedQuery {
  /** SQL condition over the table aliased `t`, with $-parameters starting at $1. */
  where: string;
  params: unknown[];
  /** Expression the pages are cut per (the parent's key, e.g. `t.country_code`), or null for one list. */
  partitionBy: string | null;
  /** Extra select list items from joined tables, e.g. `m.role AS "__role"`. */
  select?: string;
  /** ORDER BY over `t` (and joined tables); must end with a unique column so that pages are stable. */
  orderBy: string;
  /** Optional JOIN clauses, for ordering by a related table's column. */
  join?: string;
  /**
   * Extra select list items computed only for the rows of the page (the columns of the page's rows are
   * `s.<column>`), e.g. a nested list built as JSON in the database.
   */
  pageSelect?: string;
}

function metadataOf(db: DataSource | EntityManager, target: EntityTarget<ObjectLiteral>) {
  return (db instanceof DataSource ? db : db.connection).getMetadata(target);
}

/**
 * The entity's columns, each named (a prepared statement must not select `*`, see `preparedQuery`); only those
 * of `properties` when given.
 */
export function columnsOf(metadata: EntityMetadata, alias: string, properties?: Set<string> | null): string {
  return metadata.columns
    .filter((c) => !properties || properties.has(c.propertyName))
    .map((c) => `${alias}."${c.databaseName}"`)
    .join(', ');
}

/** Turns a raw row into an entity through the ORM's column metadata, without a second query. */
export function hydrate<E extends ObjectLiteral>(
  db: DataSource | EntityManager,
  target: EntityTarget<E>,
  row: Record<string, unknown>,
): E {
  const metadata = metadataOf(db, target);
  const entity = metadata.create() as E;
  for (const column of metadata.columns) {
    (entity as Record<string, unknown>)[column.propertyName] = row[column.databaseName];
  }
  return entity;
}

/**
 * Loads one page per partition key in a single statement, using window functions: the statement count of a
 * nested list does not depend on how many parents or rows there are. The first row of every partition is
 * also fetched, so that `totalCount` is known even when the page is past the end.
 */
export async function loadPages<E extends ObjectLiteral>(
  ds: DataSource | EntityManager,
  target: EntityTarget<E>,
  query: PagedQuery,
  window: PageWindow,
  extra?: (entity: E, row: Record<string, unknown>) => void,
): Promise<Map<string, Page<E>>> {
  const metadata = metadataOf(ds, target);
  const partition = query.partitionBy ? `PARTITION BY ${query.partitionBy}` : '';
  const n = query.params.length;
  const sql = `
    SELECT s.*${query.pageSelect ? `, CASE WHEN s."__rn" > $${n + 1} THEN ${query.pageSelect} END AS "__page"` : ''} FROM (
      SELECT ${columnsOf(metadata, 't')}, ${query.select ? `${query.select},` : ''} ${query.partitionBy ? `(${query.partitionBy})::text` : `''`} AS "__key",
             row_number() OVER (${partition} ORDER BY ${query.orderBy}) AS "__rn",
             count(*) OVER (${partition}) AS "__total"
      FROM "${metadata.tableName}" t ${query.join ?? ''}
      WHERE ${query.where}
    ) s
    WHERE ("__rn" > $${n + 1} AND "__rn" <= $${n + 2}) OR "__rn" = 1
    ORDER BY "__key", "__rn"`;
  const rows = await preparedQuery(ds, sql, [...query.params, window.offset, window.offset + window.limit]);
  const pages = new Map<string, Page<E>>();
  for (const row of rows) {
    const key = String(row.__key);
    let page = pages.get(key);
    if (!page) {
      page = { items: [], totalCount: Number(row.__total), window };
      pages.set(key, page);
    }
    const rn = Number(row.__rn);
    if (rn > window.offset && rn <= window.offset + window.limit) {
      const entity = hydrate(ds, target, row);
      extra?.(entity, row);
      page.items.push(entity);
    }
  }
  return pages;
}

export function emptyPage<E>(window: PageWindow): Page<E> {
  return { items: [], totalCount: 0, window };
}
