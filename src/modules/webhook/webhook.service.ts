import type { EntityManager } from 'typeorm';
import type { Page, PageWindow } from '../../common/connection';
import type { RequestContext } from '../../common/context';
import { forbidden, notFound, UserError, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { emptyPage, hydrate, loadPages } from '../../common/paging';
import { queryRows } from '../../common/sql';
import { assertId } from '../../common/validation';
import { changedFields, recordAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { OrganisationKind } from '../organisation/organisation.enums';
import { WebhookDelivery, WebhookDeliveryAttempt, WebhookSubscription } from './webhook.entity';
import { WebhookDeliveryStatus, WebhookEvent } from './webhook.enums';
import { newSecret } from './webhook.signing';
import { urlProblem } from './webhook.targets';
import {
  WebhookCreatePayload,
  WebhookDeletePayload,
  WebhookSecretRotatePayload,
  WebhookUpdatePayload,
  type WebhookCreateInput,
  type WebhookDeleteInput,
  type WebhookSecretRotateInput,
  type WebhookUpdateInput,
} from './webhook.types';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';

const MAX_DESCRIPTION = 500;
/** Every event is sent once per endpoint: a cap keeps one organisation from multiplying the work. */
export const MAX_WEBHOOKS_PER_ORGANISATION = 10;
const DEFAULT_PREVIOUS_SECRET_HOURS = 24;
const MAX_PREVIOUS_SECRET_HOURS = 168;
const OWN_ONLY = 'You manage the webhooks of your own organisation only.';

type UserViewer = Extract<Viewer, { kind: 'user' }>;

function requireUser(ctx: RequestContext, operation: string): UserViewer {
  if (ctx.viewer.kind !== 'user') throw new Error(`${operation} reached without a signed-in user`);
  return ctx.viewer;
}

/** Admins manage every organisation's webhooks; a country lead or the reviewer those of their own organisation. */
export function managesWebhooksOf(viewer: Viewer, organisationId: string): boolean {
  return can(viewer, Capability.WEBHOOK_MANAGE, { organisationId });
}

/** Managers, and the organisation's own API keys: an integrator's tool reads its webhooks and their log. */
function readsWebhooksOf(viewer: Viewer, organisationId: string): boolean {
  return can(viewer, Capability.WEBHOOK_READ, { organisationId });
}

/** The secrets never leave the database through the API once created. */
function withoutSecrets(webhook: WebhookSubscription): WebhookSubscription {
  return Object.assign(webhook, { secret: undefined, previousSecret: undefined });
}

export async function listWebhooks(
  ctx: RequestContext,
  requested: string | null | undefined,
  window: PageWindow,
): Promise<Page<WebhookSubscription>> {
  if (ctx.viewer.kind === 'anonymous') throw forbidden();
  const organisationId = requested ? assertId(requested, 'organisationId') : ctx.viewer.organisationId;
  if (!readsWebhooksOf(ctx.viewer, organisationId)) {
    throw forbidden('You see the webhooks of your own organisation only.');
  }
  const pages = await loadPages(
    ctx.db,
    WebhookSubscription,
    {
      where: 't.organisation_id = $1',
      params: [organisationId],
      partitionBy: null,
      orderBy: 't.created_at, t.id',
    },
    window,
    withoutSecrets,
  );
  return pages.get('') ?? emptyPage(window);
}

export async function listDeliveries(
  ctx: RequestContext,
  webhookId: string,
  status: WebhookDeliveryStatus | null | undefined,
  window: PageWindow,
): Promise<Page<WebhookDelivery>> {
  const id = assertId(webhookId, 'webhookId');
  const [webhook] = await ctx.db.query(`SELECT organisation_id FROM webhook_subscription WHERE id = $1`, [
    id,
  ]);
  if (!webhook) throw notFound('Webhook', id);
  if (!readsWebhooksOf(ctx.viewer, webhook.organisation_id)) {
    throw forbidden('You see the webhooks of your own organisation only.');
  }
  const params: unknown[] = [webhook.organisation_id, id];
  if (status) params.push(status);
  const pages = await loadPages(
    ctx.db,
    WebhookDelivery,
    {
      where: `t.organisation_id = $1 AND t.subscription_id = $2${status ? ' AND t.status = $3' : ''}`,
      params,
      partitionBy: null,
      orderBy: 't.created_at DESC, t.id',
    },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

/** The tries of deliveries, oldest first, for the delivery log's loader. */
export async function findAttempts(ctx: RequestContext, deliveryIds: readonly string[]) {
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT * FROM webhook_delivery_attempt WHERE delivery_id = ANY ($1::uuid[]) ORDER BY delivery_id, attempt`,
    [deliveryIds],
  );
  return rows.map((row) => hydrate(ctx.db, WebhookDeliveryAttempt, row));
}

function refuse(code: UserErrorCode, message: string, field: string): never {
  throw BusinessRuleError.of(code, message, ['input', field]);
}

function checkedUrl(url: string): string {
  const trimmed = url.trim();
  const problem = urlProblem(trimmed);
  if (problem) refuse(UserErrorCode.INVALID_INPUT, problem, 'url');
  return trimmed;
}

function checkedDescription(description: string): string {
  const trimmed = description.trim();
  if (trimmed.length > MAX_DESCRIPTION) {
    refuse(
      UserErrorCode.INVALID_INPUT,
      `A description has at most ${MAX_DESCRIPTION} characters.`,
      'description',
    );
  }
  return trimmed;
}

/** At least one event, each once; an integrator, which reads what the public reads, only hears of publications. */
function checkedEvents(events: WebhookEvent[], kind: OrganisationKind): WebhookEvent[] {
  const unique = [...new Set(events)];
  if (unique.length === 0) refuse(UserErrorCode.INVALID_INPUT, 'Choose at least one event.', 'events');
  if (kind === OrganisationKind.INTEGRATOR && unique.some((e) => e !== WebhookEvent.CYCLE_PUBLISHED)) {
    refuse(
      UserErrorCode.INVALID_INPUT,
      'An integrator’s webhooks are sent cycle.published only: its organisation reads published data alone.',
      'events',
    );
  }
  return unique;
}

function auditView(webhook: WebhookSubscription): Record<string, unknown> {
  return {
    url: webhook.url,
    events: webhook.events,
    description: webhook.description,
    enabled: webhook.enabled,
  };
}

export function createWebhook(ctx: RequestContext, input: WebhookCreateInput): Promise<WebhookCreatePayload> {
  const viewer = requireUser(ctx, 'webhookCreate');
  const organisationId = input.organisationId
    ? assertId(input.organisationId, 'input.organisationId')
    : viewer.organisationId;
  if (!managesWebhooksOf(viewer, organisationId)) throw forbidden(OWN_ONLY);
  return runMutation(
    ctx,
    () => new WebhookCreatePayload(),
    async (m, result) => {
      // Locking the organisation row serialises registrations, so the cap holds under concurrent calls.
      const [organisation] = await m.query(
        `SELECT kind, (SELECT count(*)::int FROM webhook_subscription s WHERE s.organisation_id = o.id) AS webhooks
         FROM organisation o WHERE o.id = $1 FOR NO KEY UPDATE`,
        [organisationId],
      );
      if (!organisation) refuse(UserErrorCode.NOT_FOUND, 'There is no such organisation.', 'organisationId');
      const url = checkedUrl(input.url);
      const events = checkedEvents(input.events, organisation.kind);
      const description = checkedDescription(input.description ?? '');
      if (organisation.webhooks >= MAX_WEBHOOKS_PER_ORGANISATION) {
        throw new BusinessRuleError([
          UserError.of(
            UserErrorCode.INVALID_INPUT,
            `An organisation has at most ${MAX_WEBHOOKS_PER_ORGANISATION} webhooks; delete one first.`,
          ),
        ]);
      }
      const secret = newSecret();
      const [row] = await m.query(
        `INSERT INTO webhook_subscription (organisation_id, url, description, events, secret, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [organisationId, url, description, events, secret, viewer.userId],
      );
      const webhook = withoutSecrets(hydrate(ctx.db, WebhookSubscription, row));
      await recordAudit(m, ctx, {
        entityType: 'webhook',
        entityId: webhook.id,
        action: 'create',
        after: { organisationId, ...auditView(webhook) },
      });
      result.webhook = webhook;
      result.secret = secret;
    },
  );
}

/** Locks a webhook for the rest of the transaction, with the tenant check on the loaded row. */
async function lockWebhook(m: EntityManager, ctx: RequestContext, id: string) {
  const [row] = await m.query(
    `SELECT s.*, o.kind AS "__kind" FROM webhook_subscription s JOIN organisation o ON o.id = s.organisation_id
     WHERE s.id = $1 FOR UPDATE OF s`,
    [id],
  );
  // Another organisation's webhooks are never shown to the caller, so one is answered as a webhook that does
  // not exist: the answer does not say which ids exist.
  if (!row || !managesWebhooksOf(ctx.viewer, row.organisation_id))
    refuse(UserErrorCode.NOT_FOUND, 'There is no such webhook.', 'id');
  return {
    webhook: withoutSecrets(hydrate(ctx.db, WebhookSubscription, row)),
    kind: row.__kind as OrganisationKind,
  };
}

export function updateWebhook(ctx: RequestContext, input: WebhookUpdateInput): Promise<WebhookUpdatePayload> {
  requireUser(ctx, 'webhookUpdate');
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new WebhookUpdatePayload(),
    async (m, result) => {
      const { webhook: before, kind } = await lockWebhook(m, ctx, id);
      const url = input.url == null ? before.url : checkedUrl(input.url);
      const events = input.events == null ? before.events : checkedEvents(input.events, kind);
      const description =
        input.description == null ? before.description : checkedDescription(input.description);
      const enabled = input.enabled ?? before.enabled;
      const [row] = await queryRows(
        m,
        `UPDATE webhook_subscription SET url = $2, events = $3, description = $4, enabled = $5, updated_at = now()
         WHERE id = $1 RETURNING *`,
        [id, url, events, description, enabled],
      );
      const webhook = withoutSecrets(hydrate(ctx.db, WebhookSubscription, row));
      const change = changedFields(auditView(before), auditView(webhook));
      if (Object.keys(change.after).length > 0) {
        await recordAudit(m, ctx, { entityType: 'webhook', entityId: id, action: 'update', ...change });
      }
      result.webhook = webhook;
    },
  );
}

export function deleteWebhook(ctx: RequestContext, input: WebhookDeleteInput): Promise<WebhookDeletePayload> {
  requireUser(ctx, 'webhookDelete');
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new WebhookDeletePayload(),
    async (m, result) => {
      const { webhook } = await lockWebhook(m, ctx, id);
      await m.query(`DELETE FROM webhook_subscription WHERE id = $1`, [id]);
      await recordAudit(m, ctx, {
        entityType: 'webhook',
        entityId: id,
        action: 'delete',
        before: { organisationId: webhook.organisationId, ...auditView(webhook) },
      });
      result.deletedWebhookId = id;
    },
  );
}

export function rotateWebhookSecret(
  ctx: RequestContext,
  input: WebhookSecretRotateInput,
): Promise<WebhookSecretRotatePayload> {
  requireUser(ctx, 'webhookSecretRotate');
  const id = assertId(input.id, 'input.id');
  const hours = input.previousSecretHours ?? DEFAULT_PREVIOUS_SECRET_HOURS;
  return runMutation(
    ctx,
    () => new WebhookSecretRotatePayload(),
    async (m, result) => {
      await lockWebhook(m, ctx, id);
      if (!Number.isInteger(hours) || hours < 0 || hours > MAX_PREVIOUS_SECRET_HOURS) {
        refuse(
          UserErrorCode.INVALID_INPUT,
          `previousSecretHours must be from 0 to ${MAX_PREVIOUS_SECRET_HOURS}.`,
          'previousSecretHours',
        );
      }
      const secret = newSecret();
      const [row] = await queryRows(
        m,
        `UPDATE webhook_subscription SET secret = $2, updated_at = now(),
           previous_secret = CASE WHEN $3::int > 0 THEN secret END,
           previous_secret_expires_at = CASE WHEN $3::int > 0 THEN now() + $3::int * interval '1 hour' END
         WHERE id = $1 RETURNING *`,
        [id, secret, hours],
      );
      const webhook = withoutSecrets(hydrate(ctx.db, WebhookSubscription, row));
      await recordAudit(m, ctx, {
        entityType: 'webhook',
        entityId: id,
        action: 'rotate_secret',
        after: { previousSecretExpiresAt: webhook.previousSecretExpiresAt },
      });
      result.webhook = webhook;
      result.secret = secret;
    },
  );
}
