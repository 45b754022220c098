import type { EntityManager, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';

/**
 * The roles the API serves this database as: those its policies are for (DATABASE_APP_ROLE, by default
 * `<database>_app`, see src/db/app-role-binding.ts; two while a rolling upgrade moves from one to the other);
 * `indicators_app` until an instance has started.
 *
 * Migrations grant to `indicators_app` and write their policies `TO indicators_app`, as the first ones do: in
 * each database that role holds only what the migrations have just given it, and every start moves that to
 * the database's own role. A migration that revokes from the app's role a privilege on an object older than
 * itself must revoke it from these roles as well, since that grant has been moved to them.
 */
export async function appRoles(q: QueryRunner | EntityManager): Promise<string[]> {
  const rows: Array<{ rolname: string }> = await q.query(
    `SELECT r.rolname FROM pg_policy p JOIN pg_roles r ON r.oid = ANY (p.polroles)
     WHERE p.polrelid = to_regclass('public.assessment') AND p.polname = 'read'
     ORDER BY r.rolname`,
  );
  return rows.length > 0 ? rows.map((row) => row.rolname) : [APP_ROLE];
}
