import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { forbidden, UserError, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { assertId } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import { sha256 } from '../auth/authenticate';
import { hashPassword, passwordProblem } from '../auth/password';
import type { Viewer } from '../auth/viewer';
import type { OrganisationKind } from '../organisation/organisation.enums';
import type { UserDeactivateInput, UserInviteInput, UserSetPasswordInput } from './user-admin.types';
import { UserDeactivatePayload, UserInvitePayload, UserSetPasswordPayload } from './user-admin.types';
import { User } from './user.entity';
import type { Role } from './user.enums';
import { canSeeMembersOf, managesUser } from './user.policy';
import { can } from '../authz/authz';
import { Capability, rolesForOrganisationKind } from '../authz/capabilities';

const MAX_EMAIL = 254;
const MAX_DISPLAY_NAME = 120;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const SETUP_TOKEN_DAYS = 7;
/** Longer than any token this service issues; anything longer is refused without hashing it. */
const MAX_SETUP_TOKEN = 200;

type UserViewer = Extract<Viewer, { kind: 'user' }>;

function requireUser(ctx: RequestContext, operation: string): UserViewer {
  if (ctx.viewer.kind !== 'user') throw new Error(`${operation} reached without a signed-in user`);
  return ctx.viewer;
}

/** The user with its membership, as the payload returns it; credentials are never selected. */
async function loadUser(m: EntityManager, ctx: RequestContext, id: string): Promise<User> {
  const [row] = await m.query(
    `SELECT u.id, u.email, u.display_name, u.is_active, u.token_version, u.created_at, u.updated_at,
       m.role AS "__role", m.organisation_id AS "__organisation"
     FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.id = $1`,
    [id],
  );
  const user = hydrate(ctx.db, User, row);
  user.role = row.__role as Role;
  user.organisationId = String(row.__organisation);
  return user;
}

function checkEmail(raw: string, errors: UserError[]): string | null {
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_EMAIL || !EMAIL_RE.test(email)) {
    errors.push(
      UserError.of(
        UserErrorCode.INVALID_INPUT,
        `"${raw.slice(0, 60)}" is not an e-mail address of at most ${MAX_EMAIL} characters.`,
        ['input', 'email'],
      ),
    );
    return null;
  }
  return email;
}

function checkDisplayName(raw: string, errors: UserError[]): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_DISPLAY_NAME) {
    errors.push(
      UserError.of(UserErrorCode.INVALID_INPUT, `A display name has 1 to ${MAX_DISPLAY_NAME} characters.`, [
        'input',
        'displayName',
      ]),
    );
  }
  return name;
}

/**
 * Creates an account without a password, its membership and a one-time setup token. Only the token's SHA-256 is
 * stored: the token is as good as a password until used, so a copy of the database must not be able to use it.
 */
export async function inviteUser(ctx: RequestContext, input: UserInviteInput): Promise<UserInvitePayload> {
  const viewer = requireUser(ctx, 'userInvite');
  const organisationId = input.organisationId
    ? assertId(input.organisationId, 'input.organisationId')
    : viewer.organisationId;
  // The tenant check: a lead adds people to its own team only.
  if (!can(viewer, Capability.USER_ADMIN, { organisationId })) {
    throw forbidden('A country lead invites users into its own organisation only.');
  }
  return runMutation(
    ctx,
    () => new UserInvitePayload(),
    async (m, result) => {
      const errors: UserError[] = [];
      const email = checkEmail(input.email, errors);
      const displayName = checkDisplayName(input.displayName, errors);
      const [organisation]: Array<{ kind: OrganisationKind }> = await m.query(
        `SELECT kind FROM organisation WHERE id = $1`,
        [organisationId],
      );
      if (!managesUser(viewer, organisationId, input.role)) {
        errors.push(
          UserError.of(
            UserErrorCode.ROLE_NOT_ALLOWED,
            `A country lead grants ${rolesForOrganisationKind(viewer.organisationKind).join(', ')} only, not ${input.role}.`,
            ['input', 'role'],
          ),
        );
      } else if (!organisation) {
        errors.push(
          UserError.of(UserErrorCode.NOT_FOUND, 'There is no such organisation.', [
            'input',
            'organisationId',
          ]),
        );
      } else if (!rolesForOrganisationKind(organisation.kind).includes(input.role)) {
        errors.push(
          UserError.of(
            UserErrorCode.INVALID_INPUT,
            `The role ${input.role} does not fit a ${organisation.kind} organisation.`,
            ['input', 'role'],
          ),
        );
      }
      if (email) {
        const [taken] = await m.query(`SELECT 1 FROM app_user WHERE lower(email) = $1`, [email]);
        if (taken) {
          errors.push(
            UserError.of(UserErrorCode.DUPLICATE, 'A user with this e-mail address exists already.', [
              'input',
              'email',
            ]),
          );
        }
      }
      if (errors.length) throw new BusinessRuleError(errors);

      const setupToken = randomBytes(32).toString('base64url');
      const [created] = await m.query(
        `INSERT INTO app_user (email, display_name, setup_token_hash, setup_token_expires_at)
         VALUES ($1, $2, $3, now() + make_interval(days => $4)) RETURNING id, setup_token_expires_at`,
        [email, displayName, sha256(setupToken), SETUP_TOKEN_DAYS],
      );
      await m.query(`INSERT INTO membership (user_id, organisation_id, role) VALUES ($1, $2, $3)`, [
        created.id,
        organisationId,
        input.role,
      ]);
      await recordAudit(m, ctx, {
        entityType: 'user',
        entityId: created.id,
        action: 'invite',
        after: { email, displayName, role: input.role, organisationId, isActive: true },
      });
      result.user = await loadUser(m, ctx, created.id);
      result.setupToken = setupToken;
      result.setupTokenExpiresAt = created.setup_token_expires_at;
    },
  );
}

/**
 * Sets an invited user's first password with its setup token. The token is cleared in the same statement, and
 * the row lock makes a second, concurrent use wait and then find no token.
 */
export function setPasswordWithToken(
  ctx: RequestContext,
  input: UserSetPasswordInput,
): Promise<UserSetPasswordPayload> {
  return runMutation(
    ctx,
    () => new UserSetPasswordPayload(),
    async (m, result) => {
      const token = input.setupToken.trim();
      const rows: Array<{ id: string }> =
        token.length > 0 && token.length <= MAX_SETUP_TOKEN
          ? await m.query(
              `SELECT id FROM app_user
               WHERE setup_token_hash = $1 AND setup_token_expires_at > now() AND is_active FOR UPDATE`,
              [sha256(token)],
            )
          : [];
      if (!rows[0]) {
        throw BusinessRuleError.of(
          UserErrorCode.INVALID_TOKEN,
          'The setup token is unknown, already used or expired; ask for a new invitation.',
          ['input', 'setupToken'],
        );
      }
      ctx.credentialCheck.matched = true;
      const problem = passwordProblem(input.password, ['input', 'password']);
      if (problem) throw new BusinessRuleError([problem]);
      const userId = rows[0].id;
      await m.query(
        `UPDATE app_user SET password_hash = $2, setup_token_hash = NULL, setup_token_expires_at = NULL,
           token_version = token_version + 1, updated_at = now()
         WHERE id = $1`,
        [userId, await hashPassword(input.password)],
      );
      await recordAudit(m, ctx, {
        entityType: 'user',
        entityId: userId,
        action: 'password_set',
        after: { passwordSet: true },
      });
      result.user = await loadUser(m, ctx, userId);
    },
  );
}

/**
 * Deactivates a user. Raising the token version makes every token issued before fail on its next request, and
 * a pending setup token is cleared so that the account cannot be taken over later.
 */
export async function deactivateUser(
  ctx: RequestContext,
  input: UserDeactivateInput,
): Promise<UserDeactivatePayload> {
  const viewer = requireUser(ctx, 'userDeactivate');
  const userId = assertId(input.userId, 'input.userId');
  return runMutation(
    ctx,
    () => new UserDeactivatePayload(),
    async (m, result) => {
      const [target]: Array<{ id: string; is_active: boolean; role: Role; organisation_id: string }> =
        await m.query(
          `SELECT u.id, u.is_active, m.role, m.organisation_id
           FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.id = $1 FOR UPDATE OF u`,
          [userId],
        );
      // Another organisation's staff are not listed to a lead (user.policy.ts canSeeMembersOf), so one of them is
      // answered as a user that does not exist: the answer does not say which ids exist.
      if (!target || !canSeeMembersOf(viewer, target.organisation_id)) {
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such user.', ['input', 'userId']);
      }
      // The tenant check on the loaded row: a lead manages its own team, and no one above its own role.
      if (!managesUser(viewer, target.organisation_id, target.role)) {
        throw forbidden('You cannot deactivate users of a higher role than your own.');
      }
      if (target.id === viewer.userId) {
        throw BusinessRuleError.of(UserErrorCode.INVALID_INPUT, 'You cannot deactivate yourself.', [
          'input',
          'userId',
        ]);
      }
      if (!target.is_active) {
        throw BusinessRuleError.of(UserErrorCode.INVALID_TRANSITION, 'The user is deactivated already.', [
          'input',
          'userId',
        ]);
      }
      await m.query(
        `UPDATE app_user SET is_active = false, token_version = token_version + 1,
           setup_token_hash = NULL, setup_token_expires_at = NULL, updated_at = now()
         WHERE id = $1`,
        [userId],
      );
      await recordAudit(m, ctx, {
        entityType: 'user',
        entityId: userId,
        action: 'deactivate',
        before: { isActive: true },
        after: { isActive: false },
      });
      result.user = await loadUser(m, ctx, userId);
    },
  );
}
