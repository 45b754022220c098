import type { GraphQLModule } from '../../common/module';
import { webhookPermissions } from './webhook.permissions';
import { WebhookDeliveryResolver, WebhookResolver } from './webhook.resolver';

export const webhookModule: GraphQLModule = {
  resolvers: [WebhookResolver, WebhookDeliveryResolver],
  permissions: webhookPermissions,
};
