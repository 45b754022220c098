import type { RequestContext } from '../../common/context';
import { groupLoader } from '../../common/loaders';
import { findAttempts } from './webhook.service';

export function createWebhookLoaders(ctx: RequestContext) {
  return {
    attemptsByDelivery: groupLoader(
      (ids: readonly string[]) => findAttempts(ctx, ids),
      (attempt) => attempt.deliveryId,
    ),
  };
}

type WebhookLoaders = ReturnType<typeof createWebhookLoaders>;

// Made on first use and kept with the request's context, so they cache for that request only.
const perRequest = new WeakMap<RequestContext, WebhookLoaders>();

export function webhookLoaders(ctx: RequestContext): WebhookLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = createWebhookLoaders(ctx);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
