import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { MutationPayload } from '../../common/mutation';
import { ApiKey } from './api-key.entity';

export const ApiKeyConnection = Connection(ApiKey, 'ApiKey', 'API keys');

@ArgsType()
export class ApiKeysArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation whose keys to list; the caller’s own when omitted. Only admins may name another.',
  })
  organisationId?: string | null;
}

@InputType({ description: 'Creates a read-only API key for an integrator’s tool.' })
export class ApiKeyCreateInput {
  @Field({ description: 'What the key is for, 1 to 100 characters, e.g. "Annual report generator".' })
  name: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation the key reads for; the caller’s own when omitted. Only admins may name another ' +
      '(e.g. an integrator).',
  })
  organisationId?: string | null;
}

@ObjectType({ description: 'The result of `apiKeyCreate`.' })
export class ApiKeyCreatePayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The new key’s record; null when refused.' })
  apiKey: ApiKey | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'The key to send as `Authorization: Bearer <key>`. It is shown only here: only its hash is kept, and a ' +
      'lost key is revoked and replaced.',
  })
  key: string | null = null;
}

@InputType({ description: 'Revokes an API key: it stops working at once, for good.' })
export class ApiKeyRevokeInput {
  @Field(() => ID, { description: 'The key to revoke.' })
  id: string;
}

@ObjectType({ description: 'The result of `apiKeyRevoke`.' })
export class ApiKeyRevokePayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The revoked key; null when refused.' })
  apiKey: ApiKey | null = null;
}
