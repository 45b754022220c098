import type { IRules } from 'graphql-shield';

/** A resolver class, as type-graphql takes it. */
export type ResolverClass = abstract new (...args: never[]) => unknown;

/** What a feature module contributes to the GraphQL API: its resolvers and the shield rules beside them. */
export interface GraphQLModule {
  resolvers: ResolverClass[];
  permissions: IRules;
}
