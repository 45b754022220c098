import { hash, verify } from '@node-rs/argon2';
import { UserError, UserErrorCode } from '../../common/errors';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP-recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 });
}

// Verified against when the e-mail address is unknown, so that a miss takes as long as a wrong password.
let decoy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export function passwordProblem(password: string, field: string[]): UserError | null {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return UserError.of(
      UserErrorCode.INVALID_INPUT,
      `A password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
      field,
    );
  }
  return null;
}
