import type { DataSource, EntityManager } from 'typeorm';

/**
 * Deparses the search's row rules again from the policies as they now stand (see migration 1766200000000), so
 * that a search after migrations, or after the start that binds the policies to the database's app role, does
 * not fall back to deparsing them on every call. As the owner; a database migrated to before that migration
 * has nothing to refresh.
 */
export async function refreshSearchRules(owner: DataSource | EntityManager): Promise<void> {
  const [{ present }] = await owner.query(
    `SELECT to_regprocedure('public.search_rules_refresh()') IS NOT NULL AS present`,
  );
  if (present) await owner.query(`SELECT public.search_rules_refresh()`);
}
