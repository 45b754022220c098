import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '../../common/errors';
import { isId } from '../../common/validation';
import { OrganisationKind } from '../organisation/organisation.enums';
import { Role } from '../user/user.enums';
import { verifyToken } from './token';
import { ANONYMOUS, type Viewer } from './viewer';

export const API_KEY_PREFIX = 'tia_';

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The role whose reads an organisation's API key has. */
function apiKeyRole(kind: OrganisationKind): Role | null {
  switch (kind) {
    case OrganisationKind.PARTNER:
      return Role.COUNTRY_VIEWER;
    case OrganisationKind.REVIEWER:
      return Role.REVIEWER;
    case OrganisationKind.PLATFORM:
      return Role.ADMIN;
    default:
      return null;
  }
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
  if (header === undefined || header.trim() === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token or API key>".');
  const credential = match[1];

  if (credential.startsWith(API_KEY_PREFIX)) {
    const prefix = credential.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 12);
    const rows: Array<PrincipalRow & { key_hash: string; revoked_at: Date | null }> = await ds.query(
      `WITH k AS (
         UPDATE api_key SET last_used_at = date_trunc('minute', now())
         WHERE prefix = $1 AND revoked_at IS NULL
           AND (last_used_at IS NULL OR last_used_at < date_trunc('minute', now()))
         RETURNING id)
       SELECT a.id, a.key_hash, a.revoked_at, a.organisation_id, o.kind AS organisation_kind,
         array(SELECT country_code::text FROM organisation_country oc WHERE oc.organisation_id = a.organisation_id
               ORDER BY country_code) AS countries
       FROM api_key a JOIN organisation o ON o.id = a.organisation_id WHERE a.prefix = $1`,
      [prefix],
    );
    const row = rows[0];
    const role = row ? apiKeyRole(row.organisation_kind) : null;
    if (!row || row.revoked_at !== null || row.key_hash !== sha256(credential)) {
      throw unauthenticated('The API key is not valid or has been revoked.');
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

  const claims = verifyToken(secret, credential);
  if (!claims || !isId(claims.sub))
    throw unauthenticated('The sign-in token is not valid or has expired. Sign in again.');
  const rows: PrincipalRow[] = await ds.query(
    `SELECT u.id, u.token_version, u.is_active, m.role, m.organisation_id, o.kind AS organisation_kind,
       array(SELECT country_code::text FROM organisation_country oc WHERE oc.organisation_id = m.organisation_id
             ORDER BY country_code) AS countries
     FROM app_user u JOIN membership m ON m.user_id = u.id JOIN organisation o ON o.id = m.organisation_id
     WHERE u.id = $1`,
    [claims.sub],
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
