import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { MutationPayload } from '../../common/mutation';
import { WebhookDelivery, WebhookSubscription } from './webhook.entity';
import { WebhookDeliveryStatus, WebhookEvent } from './webhook.enums';

export const WebhookConnection = Connection(WebhookSubscription, 'Webhook', 'webhooks');
export const WebhookDeliveryConnection = Connection(WebhookDelivery, 'WebhookDelivery', 'webhook deliveries');

@ArgsType()
export class WebhooksArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation whose webhooks to list; the caller’s own when omitted. Only admins may name another.',
  })
  organisationId?: string | null;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'The webhook whose deliveries to list.' })
  webhookId: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status.' })
  status?: WebhookDeliveryStatus | null;
}

@InputType({ description: 'Registers an endpoint for events.' })
export class WebhookCreateInput {
  @Field({
    description:
      'Where to POST the events: an https URL of a public host (at most 2000 characters, no user name or ' +
      'password). Outside production an http URL on loopback is accepted too.',
  })
  url: string;

  @Field(() => [WebhookEvent], { description: 'The events to send, at least one.' })
  events: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'What the endpoint is for, up to 500 characters.' })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation the endpoint is for; the caller’s own when omitted. Only admins may name another ' +
      '(e.g. an integrator, whose tools sign in with API keys only).',
  })
  organisationId?: string | null;
}

@ObjectType({ description: 'The result of `webhookCreate`.' })
export class WebhookCreatePayload extends MutationPayload {
  @Field(() => WebhookSubscription, { nullable: true, description: 'The new webhook; null when refused.' })
  webhook: WebhookSubscription | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'The secret that signs the deliveries (`X-Webhook-Signature`). It is shown only here; a lost secret is ' +
      'replaced with `webhookSecretRotate`.',
  })
  secret: string | null = null;
}

@InputType({ description: 'Changes a webhook; omitted fields stay as they are.' })
export class WebhookUpdateInput {
  @Field(() => ID, { description: 'The webhook.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'A new endpoint URL, checked as at registration.' })
  url?: string | null;

  @Field(() => [WebhookEvent], {
    nullable: true,
    description: 'The events to send from now on, at least one.',
  })
  events?: WebhookEvent[] | null;

  @Field(() => String, { nullable: true, description: 'A new description, up to 500 characters.' })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'false stops sending: no events are queued for it, and the pending ones wait until it is enabled again.',
  })
  enabled?: boolean | null;
}

@ObjectType({ description: 'The result of `webhookUpdate`.' })
export class WebhookUpdatePayload extends MutationPayload {
  @Field(() => WebhookSubscription, {
    nullable: true,
    description: 'The webhook after the change; null when refused.',
  })
  webhook: WebhookSubscription | null = null;
}

@InputType({ description: 'Deletes a webhook with its delivery log.' })
export class WebhookDeleteInput {
  @Field(() => ID, { description: 'The webhook.' })
  id: string;
}

@ObjectType({ description: 'The result of `webhookDelete`.' })
export class WebhookDeletePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted webhook; null when refused.' })
  deletedWebhookId: string | null = null;
}

@InputType({ description: 'Replaces a webhook’s signing secret.' })
export class WebhookSecretRotateInput {
  @Field(() => ID, { description: 'The webhook.' })
  id: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'For how many hours (0 to 168) deliveries carry a second signature made with the old secret, so the ' +
      'endpoint can switch without losing events; 24 when omitted, 0 when the old secret leaked.',
  })
  previousSecretHours?: number | null;
}

@ObjectType({ description: 'The result of `webhookSecretRotate`.' })
export class WebhookSecretRotatePayload extends MutationPayload {
  @Field(() => WebhookSubscription, { nullable: true, description: 'The webhook; null when refused.' })
  webhook: WebhookSubscription | null = null;

  @Field(() => String, { nullable: true, description: 'The new secret. It is shown only here.' })
  secret: string | null = null;
}
