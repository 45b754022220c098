import type { DataSource } from 'typeorm';

const TABLES = [
  'country',
  'organisation',
  'organisation_country',
  'app_user',
  'membership',
  'api_key',
  'framework',
  'framework_version',
  'area',
  'score_level',
  'standard',
  'indicator',
  'indicator_standard',
  'monitoring_cycle',
  'assessment',
  'evidence',
  'review_comment',
  'audit_event',
];

// When an API key was last used is bookkeeping of signing in, not a change anyone made.
const SOURCES: Record<string, string> = {
  api_key: `(SELECT id, organisation_id, created_by, name, prefix, key_hash, created_at, revoked_at FROM api_key)`,
};

/** A digest of every row of every table: equal digests mean nothing in the database changed. */
export async function databaseFingerprint(ds: DataSource): Promise<Record<string, string>> {
  const parts = TABLES.map(
    (t) =>
      `SELECT '${t}' AS t, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') AS d FROM ${SOURCES[t] ?? t} x`,
  );
  const rows: Array<{ t: string; d: string }> = await ds.query(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, r.d]));
}
