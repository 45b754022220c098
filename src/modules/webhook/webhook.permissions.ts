import { GraphQLError } from 'graphql';
import { allow, and, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { RequestContext } from '../../common/context';
import { ErrorCode } from '../../common/errors';
import { fieldsWithRule } from '../../common/permissions';
import { isUser, userWithRole } from '../../common/rules';
import { hasRole } from '../auth/viewer';
import { Role } from '../user/user.enums';

const MANAGERS = [Role.ADMIN, Role.COUNTRY_LEAD, Role.REVIEWER];

/** Webhooks are managed by people: an API key writes nothing. */
const managesWebhooks = userWithRole(...MANAGERS);

/** Managers, and any API key: a key reads its own organisation's webhooks and their log (checked in the service). */
const readsWebhooks = rule('readsWebhooks', { cache: 'contextual' })((
  _parent,
  _args,
  ctx: RequestContext,
) => {
  if (ctx.viewer.kind === 'anonymous') {
    return new GraphQLError('Sign in to do this.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
  return ctx.viewer.kind === 'apiKey' || hasRole(ctx.viewer, ...MANAGERS);
});

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
