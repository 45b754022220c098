import type { RequestContext } from '../../common/context';
import { queryRows } from '../../common/sql';
import { UserError, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { recordAudit } from '../audit/audit.service';
import type { User } from '../user/user.entity';
import type { LoginInput, PasswordChangeInput } from './auth.types';
import { LoginPayload, PasswordChangePayload } from './auth.types';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { authenticate } from './authenticate';
import { signToken } from './token';

const INVALID_CREDENTIALS = 'The e-mail address or the password is wrong.';

export async function login(ctx: RequestContext, input: LoginInput): Promise<LoginPayload> {
  const payload = new LoginPayload();
  const email = input.email.trim().toLowerCase();
  const rows: Array<{ id: string; password_hash: string | null; is_active: boolean; token_version: number }> =
    email.length > 0 && email.length <= 254
      ? await ctx.db.query(
          `SELECT id, password_hash, is_active, token_version FROM app_user WHERE lower(email) = $1`,
          [email],
        )
      : [];
  const row = rows[0];
  const valid = await verifyPassword(row?.password_hash ?? null, input.password);
  if (!row || !valid || !row.is_active) {
    payload.userErrors = [UserError.of(UserErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS)];
    return payload;
  }
  ctx.credentialCheck.matched = true;
  const { token, expiresAt } = signToken(
    ctx.auth.jwtSecret,
    { sub: row.id, ver: row.token_version },
    ctx.auth.tokenTtlSeconds,
  );
  payload.token = token;
  payload.expiresAt = expiresAt;
  payload.user = await ctx.loaders.user.byId.load(row.id);
  // The rest of this response (the payload's user, its e-mail) is answered as the user who just signed in.
  ctx.viewer = await authenticate(ctx.db, ctx.auth.jwtSecret, `Bearer ${token}`);
  return payload;
}

export async function me(ctx: RequestContext): Promise<User | null> {
  return ctx.viewer.kind === 'user' ? ctx.loaders.user.byId.load(ctx.viewer.userId) : null;
}

/** Changes the signed-in user's password and raises its token version, so every older token stops working. */
export async function changePassword(
  ctx: RequestContext,
  input: PasswordChangeInput,
): Promise<PasswordChangePayload> {
  const viewer = ctx.viewer;
  if (viewer.kind !== 'user') throw new Error('passwordChange reached without a signed-in user');
  return runMutation(
    ctx,
    () => new PasswordChangePayload(),
    async (m, result) => {
      const [row] = await m.query(`SELECT password_hash FROM app_user WHERE id = $1 FOR UPDATE`, [
        viewer.userId,
      ]);
      if (!(await verifyPassword(row?.password_hash ?? null, input.currentPassword))) {
        throw BusinessRuleError.of(UserErrorCode.INVALID_CREDENTIALS, 'The current password is wrong.', [
          'input',
          'currentPassword',
        ]);
      }
      ctx.credentialCheck.matched = true;
      const problem = passwordProblem(input.newPassword, ['input', 'newPassword']);
      if (problem) throw new BusinessRuleError([problem]);
      const [updated] = await queryRows<{ token_version: number }>(
        m,
        `UPDATE app_user SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1
       RETURNING token_version`,
        [viewer.userId, await hashPassword(input.newPassword)],
      );
      await recordAudit(m, ctx, {
        entityType: 'user',
        entityId: viewer.userId,
        action: 'password_change',
        after: { passwordChanged: true },
      });
      const signed = signToken(
        ctx.auth.jwtSecret,
        { sub: viewer.userId, ver: updated.token_version },
        ctx.auth.tokenTtlSeconds,
      );
      result.token = signed.token;
      result.expiresAt = signed.expiresAt;
    },
  );
}
