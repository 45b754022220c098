import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '../../common/errors';
import { preparedQuery } from '../../db/request-transaction';
import { isId } from '../../common/validation';
import { OrganisationKind } from '../organisation/organisation.enums';
import { Role } from '../user/user.enums';
import { API_KEY_LOOKUP_CHARS, API_KEY_PREFIX, apiKeyForm } from './api-key-format';
import { verifyToken, type TokenClaims } from './token';
import { ANONYMOUS, type Viewer } from './viewer';

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The role whose reads an organisation's API key has: an integrator's key has none and reads as the public. */
const API_KEY_ROLE_SQL = `CASE o.kind WHEN '${OrganisationKind.PARTNER}' THEN '${Role.COUNTRY_VIEWER}'
  WHEN '${OrganisationKind.REVIEWER}' THEN '${Role.REVIEWER}' WHEN '${OrganisationKind.PLATFORM}' THEN '${Role.ADMIN}' END`;

const COUNTRIES_SQL = (organisation: string) =>
  `SELECT array(SELECT country_code::text FROM organisation_country oc WHERE oc.organisation_id = ${organisation}
     ORDER BY country_code) AS countries`;

/**
 * The row-level security settings of the caller, made in the same statement that checks the credential and only
 * when it is valid. They are transaction-local (`true`): they end with the request's transaction and never
 * reach the next user of the pooled connection.
 */
function settingsSql(principal: string, role: string, countries: string, user: string, organisation: string) {
  return `concat_ws(',', set_config('app.principal', ${principal}, true), set_config('app.role', coalesce(${role}, ''), true),
    set_config('app.countries', ${countries}, true), set_config('app.user_id', coalesce(${user}::text, ''), true),
    set_config('app.organisation_id', ${organisation}::text, true))`;
}

interface PrincipalRow {
  id: string;
  organisation_id: string;
  organisation_kind: OrganisationKind;
  role: Role;
  countries: string[];
  token_version: number;
  is_active: boolean;
}

/** What the Authorization header carries, as far as can be told without the database. */
export type Credential =
  { kind: 'none' } | { kind: 'apiKey'; key: string } | { kind: 'token'; claims: TokenClaims };

const NONE: Credential = { kind: 'none' };

// The same words for a made-up key, an unknown one and a revoked one: a caller learns nothing from which it is.
const INVALID_API_KEY = 'The API key is not valid or has been revoked.';

/**
 * Reads the Authorization header without the database: a malformed header, a forged or expired token and an API
 * key whose checksum is wrong are refused here, so that they cost no connection and no SQL.
 */
export function readCredential(secret: string, header: string | undefined): Credential {
  if (header === undefined || header.trim() === '') return NONE;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token or API key>".');
  const credential = match[1];
  if (credential.startsWith(API_KEY_PREFIX)) {
    if (apiKeyForm(secret, credential) === 'forged') throw unauthenticated(INVALID_API_KEY);
    return { kind: 'apiKey', key: credential };
  }
  const claims = verifyToken(secret, credential);
  if (!claims || !isId(claims.sub))
    throw unauthenticated('The sign-in token is not valid or has expired. Sign in again.');
  return { kind: 'token', claims };
}

/**
 * Turns the Authorization header into a Viewer in one statement. No header means anonymous; a header that does
 * not name a valid, current token or key is refused rather than treated as anonymous, so that a client with a
 * stale token learns it at once.
 */
export async function authenticate(
  ds: DataSource | EntityManager,
  secret: string,
  header: string | undefined,
): Promise<Viewer> {
  return authenticateCredential(ds, readCredential(secret, header));
}

/** The Viewer of a credential read by readCredential: one statement checks it against the database. */
export async function authenticateCredential(
  ds: DataSource | EntityManager,
  credential: Credential,
): Promise<Viewer> {
  if (credential.kind === 'none') return ANONYMOUS;
  if (credential.kind === 'apiKey') {
    const key = credential.key;
    const prefix = key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + API_KEY_LOOKUP_CHARS);
    const rows: Array<PrincipalRow & { key_hash: string; revoked_at: Date | null }> = await preparedQuery(
      ds,
      `WITH k AS (
         UPDATE api_key SET last_used_at = date_trunc('minute', now())
         WHERE prefix = $1 AND revoked_at IS NULL
           AND (last_used_at IS NULL OR last_used_at < date_trunc('minute', now()))
         RETURNING id)
       SELECT a.id, a.key_hash, a.revoked_at, a.organisation_id, o.kind AS organisation_kind, c.countries, r.role,
         CASE WHEN a.key_hash = $2 AND a.revoked_at IS NULL THEN
           ${settingsSql(`'apiKey'`, 'r.role', `CASE WHEN r.role IS NULL THEN '{}' ELSE c.countries::text END`, 'NULL', 'a.organisation_id')}
         END AS settings
       FROM api_key a JOIN organisation o ON o.id = a.organisation_id
       CROSS JOIN LATERAL (SELECT ${API_KEY_ROLE_SQL} AS role) r
       CROSS JOIN LATERAL (${COUNTRIES_SQL('a.organisation_id')}) c
       WHERE a.prefix = $1`,
      [prefix, sha256(key)],
    );
    const row = rows[0];
    const role = row?.role ?? null;
    if (!row || row.revoked_at !== null || row.key_hash !== sha256(key)) {
      throw unauthenticated(INVALID_API_KEY);
    }
    return {
      kind: 'apiKey',
      apiKeyId: row.id,
      organisationId: row.organisation_id,
      organisationKind: row.organisation_kind,
      role,
      // An integrator's key reads what the public reads: no countries of its own.
      countries: role ? row.countries : [],
    };
  }

  const { claims } = credential;
  const rows: PrincipalRow[] = await preparedQuery(
    ds,
    `SELECT u.id, u.token_version, u.is_active, m.role, m.organisation_id, o.kind AS organisation_kind, c.countries,
       CASE WHEN u.is_active AND u.token_version = $2 THEN
         ${settingsSql(`'user'`, 'm.role', 'c.countries::text', 'u.id', 'm.organisation_id')}
       END AS settings
     FROM app_user u JOIN membership m ON m.user_id = u.id JOIN organisation o ON o.id = m.organisation_id
     CROSS JOIN LATERAL (${COUNTRIES_SQL('m.organisation_id')}) c
     WHERE u.id = $1`,
    [claims.sub, claims.ver],
  );
  const row = rows[0];
  if (!row || !row.is_active || row.token_version !== claims.ver) {
    throw unauthenticated('The sign-in token is no longer valid. Sign in again.');
  }
  return {
    kind: 'user',
    userId: row.id,
    organisationId: row.organisation_id,
    organisationKind: row.organisation_kind,
    role: row.role,
    countries: row.countries,
  };
}
