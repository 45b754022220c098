import { createHmac } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The key that seals the caller's row-level security settings. Anyone connected as the app's role can call
 * `set_config('app.role', 'ADMIN', true)`: PostgreSQL lets every role set custom settings. So the policies trust
 * the settings only together with a seal that the sign-in functions of the database compute with this key
 * (migrations/1764800000000-SealedSettings.ts), and those functions act only on a proof that only the API can
 * make, also with this key. The app's role can neither read the key nor run the function that uses it, so an
 * SQL injection in its session cannot raise its own role.
 *
 * The key is derived from the secret that signs sign-in tokens, which every instance of a deployment shares;
 * the database's owner stores it at start (`storeRowSecurityKey`). Stored as HMAC's two padded keys, so that the
 * database computes HMAC-SHA256 with its built-in sha256, no extension needed.
 */
function rowSecurityKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('row-security-seal').digest();
}

let last: { secret: string; key: Buffer } | null = null;
function keyOf(secret: string): Buffer {
  if (last?.secret !== secret) last = { secret, key: rowSecurityKey(secret) };
  return last.key;
}

/** HMAC-SHA256 of `message` with the row-security key, in hex: what the database's `row_security_mac` gives. */
export function rowSecurityMac(secret: string, message: string): string {
  return createHmac('sha256', keyOf(secret)).update(message, 'utf8').digest('hex');
}

/** The proof that the API checked a user's token: what `app_sign_in_user` asks for. */
export function userSignInProof(secret: string, userId: string, tokenVersion: number): string {
  return rowSecurityMac(secret, `user|${userId}|${tokenVersion}`);
}

/** The proof for `app_sign_in_as`, with which maintenance tools and tests act as a given caller. */
export function signInAsProof(secret: string, principal: string, role: string, countries: string): string {
  return rowSecurityMac(secret, `as|${principal}|${role}|${countries}`);
}

function pad(key: Buffer, byte: number): Buffer {
  const block = Buffer.alloc(64);
  key.copy(block);
  for (let i = 0; i < block.length; i++) block[i] ^= byte;
  return block;
}

/** Stores the key derived from `secret` in the database; run as its owner, at every start. */
export async function storeRowSecurityKey(owner: DataSource | EntityManager, secret: string): Promise<void> {
  const key = keyOf(secret);
  await owner.query(
    `INSERT INTO row_security_key (id, inner_pad, outer_pad) VALUES (true, $1, $2)
     ON CONFLICT (id) DO UPDATE SET inner_pad = EXCLUDED.inner_pad, outer_pad = EXCLUDED.outer_pad
     WHERE row_security_key.inner_pad <> EXCLUDED.inner_pad`,
    [pad(key, 0x36), pad(key, 0x5c)],
  );
}
