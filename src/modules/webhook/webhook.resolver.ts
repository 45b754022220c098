import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageWindow, toConnection } from '../../common/connection';
import type { RequestContext } from '../../common/context';
import { Organisation } from '../organisation/organisation.entity';
import { User } from '../user/user.entity';
import { WebhookDelivery, WebhookDeliveryAttempt, WebhookSubscription } from './webhook.entity';
import { WebhookDeliveryStatus } from './webhook.enums';
import { webhookLoaders } from './webhook.loader';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from './webhook.service';
import {
  WebhookConnection,
  WebhookCreateInput,
  WebhookCreatePayload,
  WebhookDeleteInput,
  WebhookDeletePayload,
  WebhookDeliveriesArgs,
  WebhookDeliveryConnection,
  WebhookSecretRotateInput,
  WebhookSecretRotatePayload,
  WebhooksArgs,
  WebhookUpdateInput,
  WebhookUpdatePayload,
} from './webhook.types';

const NOT_MANAGED =
  'A webhook of an organisation the caller does not manage gives NOT_FOUND, exactly as an id that does not exist.';

@Resolver(() => WebhookSubscription)
export class WebhookResolver {
  @Query(() => WebhookConnection, {
    description:
      'The webhooks of the caller’s organisation, oldest first: for admins, country leads and the reviewer, and ' +
      'for the organisation’s API keys (read-only). Secrets are never shown after creation.',
  })
  async webhooks(@Args() args: WebhooksArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await listWebhooks(ctx, args.organisationId, pageWindow(args)));
  }

  @Query(() => WebhookDeliveryConnection, {
    description:
      'The delivery log of a webhook, newest first: each event queued for it, its status, tries and last ' +
      'answer. Readable by whoever may read the webhook.',
  })
  async webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await listDeliveries(ctx, args.webhookId, args.status, pageWindow(args)));
  }

  @Mutation(() => WebhookCreatePayload, {
    description:
      'Registers an endpoint for events (admins for any organisation; country leads and the reviewer for their ' +
      'own). Returns the signing secret once, in `secret`.',
  })
  webhookCreate(
    @Arg('input', () => WebhookCreateInput, { description: 'The endpoint and its events.' })
    input: WebhookCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createWebhook(ctx, input);
  }

  @Mutation(() => WebhookUpdatePayload, {
    description: 'Changes a webhook’s URL, events or description, or disables and enables it. ' + NOT_MANAGED,
  })
  webhookUpdate(
    @Arg('input', () => WebhookUpdateInput, { description: 'The webhook and the changes.' })
    input: WebhookUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateWebhook(ctx, input);
  }

  @Mutation(() => WebhookDeletePayload, {
    description: 'Deletes a webhook and its delivery log; pending deliveries are dropped. ' + NOT_MANAGED,
  })
  webhookDelete(
    @Arg('input', () => WebhookDeleteInput, { description: 'The webhook.' }) input: WebhookDeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteWebhook(ctx, input);
  }

  @Mutation(() => WebhookSecretRotatePayload, {
    description:
      'Replaces a webhook’s signing secret and returns the new one once. The old one keeps signing beside it ' +
      'for `previousSecretHours`. ' +
      NOT_MANAGED,
  })
  webhookSecretRotate(
    @Arg('input', () => WebhookSecretRotateInput, { description: 'The webhook.' })
    input: WebhookSecretRotateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return rotateWebhookSecret(ctx, input);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation the endpoint belongs to.' })
  organisation(@Root() webhook: WebhookSubscription, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organisation.byId.load(webhook.organisationId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who registered the endpoint; FORBIDDEN to API keys, which read no one’s name.',
  })
  createdBy(@Root() webhook: WebhookSubscription, @Ctx() ctx: RequestContext) {
    return webhook.createdById ? ctx.loaders.user.byId.load(webhook.createdById) : null;
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the next try is due; null once the delivery is DELIVERED or FAILED.',
  })
  nextAttemptAt(@Root() delivery: WebhookDelivery): Date | null {
    return delivery.status === WebhookDeliveryStatus.PENDING ? delivery.nextAttemptAt : null;
  }

  @FieldResolver(() => [WebhookDeliveryAttempt], { description: 'Every try, oldest first.' })
  attemptLog(@Root() delivery: WebhookDelivery, @Ctx() ctx: RequestContext) {
    return webhookLoaders(ctx).attemptsByDelivery.load(delivery.id);
  }
}
