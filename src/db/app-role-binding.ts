import { createHash } from 'node:crypto';
import { escapeIdentifier } from 'pg';
import type { EntityManager } from 'typeorm';
import { APP_ROLE } from '../../migrations/1764600000000-RowLevelSecurity';
import { appRoles } from '../../migrations/app-role';
import { refreshSearchRules } from './search-rules';

/** PostgreSQL cuts longer names (NAMEDATALEN - 1), which could make two databases share one role. */
const MAX_NAME_BYTES = 63;

/**
 * The app's role of a database when DATABASE_APP_ROLE does not name one: `<database>_app`. A role belongs to
 * the whole server while a database's name is unique on it, so every database gets a role of its own. A name
 * past 63 bytes keeps its first bytes (whole characters) and a hash of the whole, so that it stays unique.
 */
export function defaultAppRole(database: string): string {
  const plain = `${database}_app`;
  if (Buffer.byteLength(plain) <= MAX_NAME_BYTES) return plain;
  const hash = createHash('sha256').update(database).digest('hex').slice(0, 8);
  const room = MAX_NAME_BYTES - Buffer.byteLength(`_${hash}_app`);
  let prefix = '';
  for (const character of database) {
    if (Buffer.byteLength(prefix + character) > room) break;
    prefix += character;
  }
  return `${prefix}_${hash}_app`;
}

const ROLE_OID = '(SELECT oid FROM pg_roles WHERE rolname = $1)';

type Queryable = Pick<EntityManager, 'query'>;

interface Grant {
  privilege: string;
  /** What the privilege is on, as GRANT and REVOKE write it (`TABLE public.x`, `ROUTINE f(text)`, …). */
  target: string;
}

/** Every privilege `role` holds on the objects of the schema `public` and on the schema itself. */
async function grantsOf(m: EntityManager, role: string): Promise<Grant[]> {
  const rows: Grant[] = await m.query(
    `SELECT a.privilege_type AS privilege,
        CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || c.oid::regclass::text AS target
      FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
      WHERE c.relnamespace = 'public'::regnamespace AND a.grantee = ${ROLE_OID}
    UNION ALL
    SELECT a.privilege_type || ' (' || quote_ident(att.attname) || ')', 'TABLE ' || c.oid::regclass::text
      FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid CROSS JOIN LATERAL aclexplode(att.attacl) a
      WHERE c.relnamespace = 'public'::regnamespace AND a.grantee = ${ROLE_OID}
    UNION ALL
    SELECT a.privilege_type, 'ROUTINE ' || p.oid::regprocedure::text
      FROM pg_proc p CROSS JOIN LATERAL aclexplode(p.proacl) a
      WHERE p.pronamespace = 'public'::regnamespace AND a.grantee = ${ROLE_OID}
    UNION ALL
    SELECT a.privilege_type, 'SCHEMA public'
      FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a
      WHERE n.nspname = 'public' AND a.grantee = ${ROLE_OID}`,
    [role],
  );
  return rows;
}

/** The policies of the schema `public` that apply to `role`, with all the roles each is for (null: PUBLIC). */
async function policiesOf(m: EntityManager, role: string) {
  const rows: Array<{ name: string; rel: string; roles: Array<string | null> }> = await m.query(
    `SELECT quote_ident(p.polname) AS name, p.polrelid::regclass::text AS rel,
        array(SELECT r.rolname::text FROM unnest(p.polroles) o LEFT JOIN pg_roles r ON r.oid = o) AS roles
      FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
      WHERE c.relnamespace = 'public'::regnamespace AND ${ROLE_OID} = ANY (p.polroles)`,
    [role],
  );
  return rows;
}

/**
 * Gives `to` every privilege and policy `from` has in this database, then takes them from `from`, unless a
 * session of `from` is still connected here (an instance of an older version, in a rolling upgrade): `from`
 * then keeps them, so that the instance goes on serving until it is replaced, and a later start finishes the
 * move. Returns whether `from` kept them.
 */
async function moveGrants(m: EntityManager, from: string, to: string): Promise<boolean> {
  const [{ connected }]: Array<{ connected: boolean }> = await m.query(
    `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
       WHERE datname = current_database() AND usename = $1 AND pid <> pg_backend_pid()) AS connected`,
    [from],
  );
  const grants = await grantsOf(m, from);
  for (const { privilege, target } of grants)
    await m.query(`GRANT ${privilege} ON ${target} TO ${escapeIdentifier(to)}`);
  for (const { name, rel, roles } of await policiesOf(m, from)) {
    const kept = roles.filter((r) => r !== to && (connected || r !== from));
    const list = [...kept, to].map((r) => (r === null ? 'PUBLIC' : escapeIdentifier(r)));
    await m.query(`ALTER POLICY ${name} ON ${rel} TO ${list.join(', ')}`);
  }
  if (connected) return true;
  for (const { privilege, target } of grants)
    await m.query(`REVOKE ${privilege} ON ${target} FROM ${escapeIdentifier(from)}`);
  return false;
}

/**
 * Whether `role` exists; throws when it would get around row-level security: a superuser, BYPASSRLS, or the
 * owner or a member of it (the owner's `maintenance` policies let it see every row). Checked before the start
 * sets the role's password, so that a mistaken name never changes the password of such a role.
 */
export async function checkAppRole(q: Queryable, role: string): Promise<boolean> {
  const [found] = await q.query(
    `SELECT rolsuper OR rolbypassrls AS bypasses, pg_has_role(oid, current_user, 'MEMBER') AS owns
     FROM pg_roles WHERE rolname = $1`,
    [role],
  );
  if (found && (found.bypasses || found.owns)) {
    throw new Error(
      `The app's role ${role} would bypass row-level security (a superuser, BYPASSRLS, or the owner of the ` +
        'database or a member of it): set DATABASE_APP_ROLE or DATABASE_APP_URL to a role that owns nothing.',
    );
  }
  return Boolean(found);
}

/**
 * Makes `role` the role the API serves this database as: it gets the grants and policies of the roles that had
 * them (those the `read` policy of `assessment` is for) and whatever the migrations have given
 * `indicators_app` since, and they lose them, in this database only (see moveGrants for a role still in use).
 * Nothing changes in another database or in the roles themselves; `indicators_app` keeps only its default
 * privileges here, through which the tables of later migrations reach it first, until the next start moves
 * them on. Returns the roles that kept their rights for now.
 */
export async function bindAppRole(m: EntityManager, role: string): Promise<string[]> {
  if (!(await checkAppRole(m, role)))
    throw new Error(`The app's role ${role} does not exist on the database server.`);
  const sources = new Set([...(await appRoles(m)), APP_ROLE]);
  sources.delete(role);
  const kept: string[] = [];
  for (const source of sources) if (await moveGrants(m, source, role)) kept.push(source);
  // Moving the policies changes them: the search's cached rules are made again from them as they now stand.
  await refreshSearchRules(m);
  return kept;
}
