import { allow, and } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { fieldsWithRule } from '../../common/permissions';
import { isUser, requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

/** Webhooks are managed by people: an API key writes nothing. */
const managesWebhooks = requires(Capability.WEBHOOK_MANAGE);

/** Managers, and any API key: a key reads its own organisation's webhooks and their log (checked in the service). */
const readsWebhooks = requires(Capability.WEBHOOK_READ);

export const webhookPermissions: IRules = {
  Query: { webhooks: readsWebhooks, webhookDeliveries: readsWebhooks },
  Mutation: {
    webhookCreate: managesWebhooks,
    webhookUpdate: managesWebhooks,
    webhookDelete: managesWebhooks,
    webhookSecretRotate: managesWebhooks,
  },
  // Who registered an endpoint is a person's name: for the organisation's managers, not for its API keys.
  Webhook: {
    ...fieldsWithRule(
      readsWebhooks,
      'id',
      'url',
      'description',
      'events',
      'previousSecretExpiresAt',
      'enabled',
    ),
    ...fieldsWithRule(readsWebhooks, 'createdAt', 'updatedAt', 'organisation'),
    createdBy: and(readsWebhooks, isUser),
  },
  WebhookDelivery: readsWebhooks,
  WebhookAttempt: readsWebhooks,
  WebhookCreatePayload: allow,
  WebhookUpdatePayload: allow,
  WebhookDeletePayload: allow,
  WebhookSecretRotatePayload: allow,
};
