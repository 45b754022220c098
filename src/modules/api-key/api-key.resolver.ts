import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageWindow, toConnection } from '../../common/connection';
import type { RequestContext } from '../../common/context';
import { Organisation } from '../organisation/organisation.entity';
import { User } from '../user/user.entity';
import { ApiKey } from './api-key.entity';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service';
import {
  ApiKeyConnection,
  ApiKeyCreateInput,
  ApiKeyCreatePayload,
  ApiKeyRevokeInput,
  ApiKeyRevokePayload,
  ApiKeysArgs,
} from './api-key.types';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, {
    description:
      'The API keys of the caller’s organisation (country leads and admins), newest first, revoked ones ' +
      'included. The keys themselves are never shown again after creation.',
  })
  async apiKeys(@Args() args: ApiKeysArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await listApiKeys(ctx, args.organisationId, pageWindow(args)));
  }

  @Mutation(() => ApiKeyCreatePayload, {
    description:
      'Creates a read-only API key for the caller’s organisation (country leads and admins). The key reads what ' +
      'the organisation may read and can change nothing; it is returned once, in `key`.',
  })
  apiKeyCreate(
    @Arg('input', () => ApiKeyCreateInput, { description: 'The key’s name.' }) input: ApiKeyCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createApiKey(ctx, input);
  }

  @Mutation(() => ApiKeyRevokePayload, {
    description:
      'Revokes an API key at once (country leads of its organisation, admins). Revoking a key that is revoked ' +
      'already changes nothing and gives INVALID_TRANSITION. A key of an organisation the caller does not manage ' +
      'gives NOT_FOUND, exactly as an id that does not exist.',
  })
  apiKeyRevoke(
    @Arg('input', () => ApiKeyRevokeInput, { description: 'The key to revoke.' }) input: ApiKeyRevokeInput,
    @Ctx() ctx: RequestContext,
  ) {
    return revokeApiKey(ctx, input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who created the key.' })
  createdBy(@Root() apiKey: ApiKey, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.byId.load(apiKey.createdById);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation whose reads the key has.' })
  organisation(@Root() apiKey: ApiKey, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organisation.byId.load(apiKey.organisationId);
  }
}
