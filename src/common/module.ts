import type { IRules } from 'graphql-shield';
import type { NonEmptyArray } from 'type-graphql';

/** What a feature module contributes to the GraphQL API: its resolvers and the shield rules beside them. */
export interface GraphQLModule {
  resolvers: Array<NonEmptyArray<Function>[number]>;
  permissions: IRules;
}
