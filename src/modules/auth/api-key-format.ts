import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_PREFIX = 'tia_';

/** Hex characters after `tia_` that name the key's row (`api_key.prefix`). */
export const API_KEY_LOOKUP_CHARS = 12;
/** 32 random bytes, base64url. */
const SECRET_CHARS = 43;
/** 16 bytes of HMAC-SHA256, base64url. */
const CHECKSUM_CHARS = 22;

const CHECKSUMMED = new RegExp(
  `^${API_KEY_PREFIX}([0-9a-f]{${API_KEY_LOOKUP_CHARS}}[A-Za-z0-9_-]{${SECRET_CHARS}})([A-Za-z0-9_-]{${CHECKSUM_CHARS}})$`,
);

/**
 * What can be said of an API key without the database:
 * - `checked`: its checksum proves this server made it (it may still be unknown or revoked);
 * - `forged`: it has the shape of a checksummed key and the checksum is wrong, so no server made it;
 * - `unchecked`: it has no checksum, as the keys made before checksums were added, and only the database can
 *   tell whether it is real.
 */
export type ApiKeyForm = 'checked' | 'forged' | 'unchecked';

let lastKey: { secret: string; key: Buffer } | null = null;

/** A key of its own for the checksums, so that no HMAC made here can stand for anything signed with the secret. */
function checksumKey(secret: string): Buffer {
  if (lastKey?.secret !== secret) {
    lastKey = { secret, key: createHmac('sha256', secret).update('api-key-checksum').digest() };
  }
  return lastKey.key;
}

function checksum(secret: string, body: string): string {
  return createHmac('sha256', checksumKey(secret))
    .update(body)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/**
 * A new key: `tia_`, the lookup prefix, 32 random bytes and a checksum of both keyed with `secret`, so that a
 * made-up key is refused before any SQL.
 */
export function makeApiKey(secret: string): { key: string; lookup: string } {
  const lookup = randomBytes(API_KEY_LOOKUP_CHARS / 2).toString('hex');
  const body = `${lookup}${randomBytes(32).toString('base64url')}`;
  return { key: `${API_KEY_PREFIX}${body}${checksum(secret, body)}`, lookup };
}

/** The form of a credential that starts with `tia_` (see ApiKeyForm). */
export function apiKeyForm(secret: string, key: string): ApiKeyForm {
  const match = CHECKSUMMED.exec(key);
  if (!match) return 'unchecked';
  // Compared as text, so that each checksum has one spelling only.
  const given = Buffer.from(match[2]);
  const expected = Buffer.from(checksum(secret, match[1]));
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'checked' : 'forged';
}
