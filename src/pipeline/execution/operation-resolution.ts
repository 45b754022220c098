import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ValidationRule } from 'graphql';
import type { RequestContext } from '../../common/context';

/** Apollo's own code for a request whose operation cannot be told from its document and operationName. */
export const OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE';

/**
 * Refuses, before any other plugin looks at it, a request whose operation cannot be resolved: a document with
 * several operations and no operationName, or an operationName that names none of them. It is the client's
 * mistake, answered 400 with the same code whoever asks; left to run, each plugin would meet an operation that
 * is not there.
 */
export const operationResolutionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (operation) return;
        const names = document.definitions.flatMap((d) =>
          d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : [],
        );
        const message = request.operationName
          ? `The document has no operation named "${request.operationName.slice(0, 100)}"; it has: ${names.join(', ')}.`
          : `The document has ${names.length} operations (${names.join(', ')}): name the one to run in operationName.`;
        throw new GraphQLError(message, {
          extensions: { code: OPERATION_RESOLUTION_FAILURE, http: { status: 400 } },
        });
      },
    };
  },
};

/**
 * Refuses an operation of a kind the schema does not have. The standard rules let one through, and it would fail
 * only when run, as an internal error.
 */
/**
 * Refuses a subscription sent over HTTP: subscriptions are served over WebSocket at the same path
 * (src/pipeline/live/), and an HTTP request has one answer, not a stream.
 */
export const subscriptionsOverWebSocket: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') return;
    context.reportError(
      new GraphQLError(
        'Subscriptions are served over WebSocket on /graphql with the graphql-ws protocol (subprotocol graphql-transport-ws); over HTTP, send a query or a mutation.',
        { nodes: [node] },
      ),
    );
  },
});

export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (root) return;
    context.reportError(
      new GraphQLError(`This API has no ${node.operation} operations: send a query or a mutation.`, {
        nodes: [node],
      }),
    );
  },
});
