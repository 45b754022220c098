// The Apollo Client of the reference front end: HTTP for queries and mutations, a WebSocket (graphql-ws) for
// subscriptions, both at the API's /graphql, and a normalised cache with field policies for the connections.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldPolicy } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';

/** The shape of every list of the API: its total, where the page ends, and the page's items. */
interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: unknown[];
}

/**
 * A field policy for a connection paged with `first`/`after`: one cache entry per value of `keyArgs` (the
 * filters), and a page asked `after` a cursor appended to the pages already read.
 */
export function connectionPolicy(keyArgs: string[] | false): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

/** Every object of the API has an `id`, so the cache needs no `keyFields`: only the connections' policies. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          assessments: connectionPolicy(['cycleId', 'countryCode', 'indicatorId', 'status']),
          cycles: connectionPolicy(['status']),
        },
      },
      MonitoringCycle: { fields: { assessments: connectionPolicy(['countryCode', 'status']) } },
      Assessment: {
        fields: { comments: connectionPolicy(false), evidence: connectionPolicy(false) },
      },
    },
  });
}

export interface ApiClient {
  client: ApolloClient;
  /** Signs in (or out, with null): later requests and a new WebSocket carry the token. */
  setToken(token: string | null): void;
}

/** `apiUrl` is the API's `/graphql`, e.g. `https://api.example.org/graphql`. */
export function createApiClient(apiUrl: string): ApiClient {
  let token: string | null = null;
  const authorization = () => (token ? { authorization: `Bearer ${token}` } : {});

  const http = new SetContextLink((previous) => ({
    headers: { ...previous.headers, ...authorization() },
  })).concat(new HttpLink({ uri: apiUrl }));

  // The token goes in connection_init; the socket is reopened when it changes. Close code 4401 means the
  // token is no longer valid: sign in again.
  const sockets = createClient({
    url: apiUrl.replace(/^http/, 'ws'),
    connectionParams: () => authorization(),
    shouldRetry: (event) => (event as { code?: number }).code !== 4401,
  });

  const link = ApolloLink.split(
    (operation) => operation.operationType === 'subscription',
    new GraphQLWsLink(sockets),
    http,
  );
  const client = new ApolloClient({ link, cache: createCache() });
  return {
    client,
    setToken(next) {
      token = next;
      sockets.terminate();
    },
  };
}
