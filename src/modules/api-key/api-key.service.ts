import type { EntityManager } from 'typeorm';
import type { Page, PageWindow } from '../../common/connection';
import type { RequestContext } from '../../common/context';
import { forbidden, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { emptyPage, hydrate, loadPages } from '../../common/paging';
import { queryRows } from '../../common/sql';
import { assertId } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import { makeApiKey } from '../auth/api-key-format';
import { sha256 } from '../auth/authenticate';
import type { Viewer } from '../auth/viewer';
import { ApiKey } from './api-key.entity';
import type { ApiKeyCreateInput, ApiKeyRevokeInput } from './api-key.types';
import { ApiKeyCreatePayload, ApiKeyRevokePayload } from './api-key.types';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';

const MAX_NAME = 100;
/** The columns a key is shown with; the hash never leaves the database. */
const PUBLIC_COLUMNS = 'id, organisation_id, created_by, name, prefix, created_at, last_used_at, revoked_at';

type UserViewer = Extract<Viewer, { kind: 'user' }>;

function requireUser(ctx: RequestContext, operation: string): UserViewer {
  if (ctx.viewer.kind !== 'user') throw new Error(`${operation} reached without a signed-in user`);
  return ctx.viewer;
}

/** Admins manage every organisation's keys; a country lead its own organisation's. */
function managesKeysOf(viewer: UserViewer, organisationId: string): boolean {
  return can(viewer, Capability.API_KEY_MANAGE, { organisationId });
}

function targetOrganisation(viewer: UserViewer, requested: string | null | undefined, argument: string) {
  const organisationId = requested ? assertId(requested, argument) : viewer.organisationId;
  if (!managesKeysOf(viewer, organisationId)) {
    throw forbidden('You manage the API keys of your own organisation only.');
  }
  return organisationId;
}

export async function listApiKeys(
  ctx: RequestContext,
  requestedOrganisationId: string | null | undefined,
  window: PageWindow,
): Promise<Page<ApiKey>> {
  const viewer = requireUser(ctx, 'apiKeys');
  const organisationId = targetOrganisation(viewer, requestedOrganisationId, 'organisationId');
  const pages = await loadPages(
    ctx.db,
    ApiKey,
    {
      where: 't.organisation_id = $1',
      params: [organisationId],
      partitionBy: null,
      orderBy: 't.created_at DESC, t.id',
    },
    window,
    // The page query reads whole rows; the hash is dropped at once so that nothing downstream can show it.
    (key) => Object.assign(key, { keyHash: undefined }),
  );
  return pages.get('') ?? emptyPage(window);
}

async function insertKey(
  m: EntityManager,
  secret: string,
  organisationId: string,
  userId: string,
  name: string,
) {
  // 48 random bits of prefix rarely collide; when they do, a fresh key is drawn instead of failing the request.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { key, lookup: prefix } = makeApiKey(secret);
    const rows = await m.query(
      `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (prefix) DO NOTHING RETURNING ${PUBLIC_COLUMNS}`,
      [organisationId, userId, name, prefix, sha256(key)],
    );
    if (rows.length) return { row: rows[0] as Record<string, unknown>, key };
  }
  throw new Error('could not draw an unused API key prefix');
}

/**
 * Creates a key and returns it once. Only its SHA-256 is stored, so a copy of the database holds no usable key.
 * The key ends with a checksum keyed with the server's secret, by which a made-up key is refused without SQL.
 */
export async function createApiKey(
  ctx: RequestContext,
  input: ApiKeyCreateInput,
): Promise<ApiKeyCreatePayload> {
  const viewer = requireUser(ctx, 'apiKeyCreate');
  const organisationId = targetOrganisation(viewer, input.organisationId, 'input.organisationId');
  return runMutation(
    ctx,
    () => new ApiKeyCreatePayload(),
    async (m, result) => {
      const name = input.name.trim();
      if (name.length === 0 || name.length > MAX_NAME) {
        throw BusinessRuleError.of(
          UserErrorCode.INVALID_INPUT,
          `A key’s name has 1 to ${MAX_NAME} characters.`,
          ['input', 'name'],
        );
      }
      const [organisation] = await m.query(`SELECT 1 FROM organisation WHERE id = $1`, [organisationId]);
      if (!organisation) {
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such organisation.', [
          'input',
          'organisationId',
        ]);
      }
      const { row, key } = await insertKey(m, ctx.auth.jwtSecret, organisationId, viewer.userId, name);
      const apiKey = hydrate(ctx.db, ApiKey, row);
      await recordAudit(m, ctx, {
        entityType: 'api_key',
        entityId: apiKey.id,
        action: 'create',
        after: { name, prefix: apiKey.prefix, organisationId },
      });
      result.apiKey = apiKey;
      result.key = key;
    },
  );
}

/** Revokes a key for good. Revoking a revoked key is refused (INVALID_TRANSITION) so the first revocation stays the record. */
export async function revokeApiKey(
  ctx: RequestContext,
  input: ApiKeyRevokeInput,
): Promise<ApiKeyRevokePayload> {
  const viewer = requireUser(ctx, 'apiKeyRevoke');
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new ApiKeyRevokePayload(),
    async (m, result) => {
      const [locked] = await m.query(
        `SELECT organisation_id, revoked_at FROM api_key WHERE id = $1 FOR UPDATE`,
        [id],
      );
      // The tenant check on the loaded row. Another organisation's keys are never listed to the caller, so one
      // is answered as a key that does not exist: the answer does not say which ids exist.
      if (!locked || !managesKeysOf(viewer, locked.organisation_id)) {
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such API key.', ['input', 'id']);
      }
      if (locked.revoked_at !== null) {
        throw BusinessRuleError.of(UserErrorCode.INVALID_TRANSITION, 'The API key is revoked already.', [
          'input',
          'id',
        ]);
      }
      const [row] = await queryRows(
        m,
        `UPDATE api_key SET revoked_at = now() WHERE id = $1 RETURNING ${PUBLIC_COLUMNS}`,
        [id],
      );
      const apiKey = hydrate(ctx.db, ApiKey, row);
      await recordAudit(m, ctx, {
        entityType: 'api_key',
        entityId: id,
        action: 'revoke',
        before: { revokedAt: null },
        after: { revokedAt: apiKey.revokedAt },
      });
      result.apiKey = apiKey;
    },
  );
}
