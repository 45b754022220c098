import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '../../common/errors';
import { preparedQuery } from '../../db/request-transaction';
import { userSignInProof } from '../../db/row-security-key';
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
  | { kind: 'none' }
  | { kind: 'apiKey'; key: string }
  /** `proof` tells the database's sign-in function that this server verified the token (row-security-key.ts). */
  | { kind: 'token'; claims: TokenClaims; proof: string };

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
  return { kind: 'token', claims, proof: userSignInProof(secret, claims.sub, claims.ver) };
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

/** The sign-in statement of a credential, or null for the anonymous caller, who signs in to nothing. */
export function signInStatement(credential: Credential): { text: string; values: unknown[] } | null {
  if (credential.kind === 'none') return null;
  if (credential.kind === 'apiKey') {
    const key = credential.key;
    const lookup = key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + API_KEY_LOOKUP_CHARS);
    return { text: API_KEY_SIGN_IN, values: [lookup, key] };
  }
  const { claims, proof } = credential;
  return { text: USER_SIGN_IN, values: [claims.sub, claims.ver, proof] };
}

// Each also answers the snapshot it ran under: the first sign-in of a read comes before all its other statements,
// so an answer kept for its caller is known to be as new as that (src/pipeline/response-cache/signed-in-cache.ts).
const API_KEY_SIGN_IN = `SELECT id, valid, organisation_id, organisation_kind, role, countries,
     pg_current_snapshot()::text AS snapshot FROM app_sign_in_api_key($1, $2)`;
const USER_SIGN_IN = `SELECT id, token_version, is_active, role, organisation_id, organisation_kind, countries,
     pg_current_snapshot()::text AS snapshot FROM app_sign_in_user($1, $2, $3)`;

/** The Viewer the sign-in statement's answer gives, or the refusal of a credential that is not (or no longer) valid. */
export function viewerFromSignIn(credential: Credential, rows: Array<Record<string, unknown>>): Viewer {
  if (credential.kind === 'none') return ANONYMOUS;
  if (credential.kind === 'apiKey') {
    const row = rows[0] as
      | {
          id: string;
          valid: boolean;
          organisation_id: string;
          organisation_kind: OrganisationKind;
          role: Role | null;
          countries: string[];
        }
      | undefined;
    if (!row?.valid) throw unauthenticated(INVALID_API_KEY);
    return {
      kind: 'apiKey',
      apiKeyId: row.id,
      organisationId: row.organisation_id,
      organisationKind: row.organisation_kind,
      role: row.role,
      // An integrator's key reads what the public reads: no countries of its own.
      countries: row.countries,
    };
  }
  const row = rows[0] as unknown as PrincipalRow | undefined;
  if (!row || !row.is_active || row.token_version !== credential.claims.ver) {
    throw unauthenticated(STALE_TOKEN);
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

export const STALE_TOKEN = 'The sign-in token is no longer valid. Sign in again.';

/**
 * The Viewer of a credential read by readCredential, in one statement: a sign-in function of the database checks
 * it and, only when it is valid, sets the caller's row-level security settings for the transaction and seals
 * them (migrations/1764800000000-SealedSettings.ts). The settings are transaction-local: they end with the
 * request's transaction and never reach the next user of the pooled connection.
 */
export async function authenticateCredential(
  ds: DataSource | EntityManager,
  credential: Credential,
): Promise<Viewer> {
  const statement = signInStatement(credential);
  if (!statement) return ANONYMOUS;
  const rows = await preparedQuery<Record<string, unknown>>(ds, statement.text, statement.values);
  return viewerFromSignIn(credential, rows);
}
