import { createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import type { AppConfig } from '../../config';

const ISSUER = 'trafficking-indicators-api';

export interface TokenClaims {
  /** The user's id. */
  sub: string;
  /** The user's token version when the token was issued; raising it revokes older tokens. */
  ver: number;
}

/**
 * The secret that signs tokens: JWT_SECRET, or in development one made on first start and kept in
 * `<DATA_DIR>/jwt-secret` so that tokens survive a restart. Production refuses to start without JWT_SECRET.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'jwtSecret' | 'dataDir' | 'nodeEnv'>): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.nodeEnv === 'production') throw new Error('JWT_SECRET is required when NODE_ENV=production');
  const file = path.join(config.dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

let lastKey: { secret: string; key: KeyObject } | null = null;

/**
 * The secret as a key object, made once. Given a string, `jsonwebtoken` first tries to read it as a public key
 * and fails with an exception on every call: a tenth of a small read's CPU.
 */
function keyOf(secret: string): KeyObject {
  if (lastKey?.secret !== secret) lastKey = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  return lastKey.key;
}

export function signToken(
  secret: string,
  claims: TokenClaims,
  ttlSeconds: number,
): { token: string; expiresAt: Date } {
  const token = jwt.sign({ ver: claims.ver }, keyOf(secret), {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: ISSUER,
    expiresIn: ttlSeconds,
  });
  const { exp } = jwt.decode(token) as { exp: number };
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * The claims of a valid token, or null for a token that is malformed, forged, expired or without an expiry:
 * `jsonwebtoken` accepts a token without `exp` as valid for ever, and one that leaked would never stop working.
 *
 * A token's signature is checked once: the same string signed with the same secret verifies the same way every
 * time, so a valid token is remembered with its expiry (which is checked on every use) and not verified again on
 * each request (the rate limit and the sign-in both read it). Refused tokens are not remembered, so made-up ones
 * cannot fill the memory.
 */
export function verifyToken(secret: string, token: string): TokenClaims | null {
  const known = verified.get(token);
  if (known && known.secret === secret) {
    if (known.exp * 1000 > Date.now()) return { ...known.claims };
    verified.delete(token);
    return null;
  }
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: ISSUER });
    if (
      typeof payload !== 'object' ||
      typeof payload.sub !== 'string' ||
      typeof payload.ver !== 'number' ||
      typeof payload.exp !== 'number'
    )
      return null;
    const claims = { sub: payload.sub, ver: payload.ver };
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, { secret, claims, exp: payload.exp });
    return { ...claims };
  } catch {
    return null;
  }
}

const VERIFIED_MAX = 10_000;
/** Tokens whose signature has been checked, oldest first. */
const verified = new Map<string, { secret: string; claims: TokenClaims; exp: number }>();
