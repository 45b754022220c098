import type { DataSource } from 'typeorm';

const SOURCES: Record<string, string> = {
  // When an API key was last used is bookkeeping of signing in, not a change anyone made.
  api_key: `(SELECT id, organisation_id, created_by, name, prefix, key_hash, created_at, revoked_at FROM api_key)`,
  // An edition's content is a large document, fixed once written (the app may not update editions) and carried
  // by its checksum: digesting the checksum instead keeps every fingerprint fast.
  edition: `(SELECT id, cycle_id, number, published_at, published_by, content_sha256 FROM edition)`,
};

const tablesOf = new WeakMap<DataSource, Promise<string[]>>();

/**
 * Every table of the application's schema, read from the catalogue rather than listed by hand, so that a table a
 * migration adds is covered without anyone remembering to add it here. Read once per database.
 */
export function fingerprintedTables(ds: DataSource): Promise<string[]> {
  let tables = tablesOf.get(ds);
  if (!tables) {
    tables = ds
      .query(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         ORDER BY c.relname`,
      )
      .then((rows: Array<{ name: string }>) => rows.map((r) => r.name));
    tablesOf.set(ds, tables);
  }
  return tables;
}

/** A digest of every row of every table: equal digests mean nothing in the database changed. */
export async function databaseFingerprint(ds: DataSource): Promise<Record<string, string>> {
  const parts = (await fingerprintedTables(ds)).map(
    (t) =>
      `SELECT '${t}' AS t, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') AS d FROM ${SOURCES[t] ?? `"${t}"`} x`,
  );
  const rows: Array<{ t: string; d: string }> = await ds.query(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, r.d]));
}
