import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../common/context';
import { isDatabaseUnavailable } from '../../common/db-errors';
import { ErrorCode } from '../../common/errors';
import type { Logger } from '../../common/logger';

/**
 * Ends the request's transaction. After an operation has run, and before any plugin looks at the answer, the
 * transaction commits: a write is reported done only once it is durable, and when the commit fails the answer
 * says so instead of the data, which was never saved. A request that ran nothing (refused while parsing, or
 * answered from the cache) only read, and its transaction ends as its answer is sent.
 */
export function requestTransactionPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart(requestContext) {
          return {
            async executionDidEnd(error) {
              if (error) {
                await requestContext.contextValue.transaction.rollback();
                return;
              }
              await commitOrReport(requestContext, logger);
            },
          };
        },
        async willSendResponse({ contextValue }) {
          // Nothing ran: a read's sign-in need not be confirmed for an answer that holds no data.
          await contextValue.transaction.commit(false).catch(async (error: unknown) => {
            logger.warn(
              { requestId: contextValue.requestId, error: { message: String(error) } },
              'commit failed',
            );
            await contextValue.transaction.rollback();
          });
        },
      };
    },
  };
}

async function commitOrReport(requestContext: GraphQLRequestContext<RequestContext>, logger: Logger) {
  const { contextValue, response } = requestContext;
  try {
    await contextValue.transaction.commit();
  } catch (error) {
    if (error instanceof GraphQLError) {
      // The database refused the caller of a read that began on its remembered sign-in: what it read is not sent.
      response.body = {
        kind: 'single',
        singleResult: { errors: [{ message: error.message, extensions: { code: error.extensions.code } }] },
      };
      response.http.status = (error.extensions.http as { status?: number } | undefined)?.status ?? 500;
      return;
    }
    const unavailable = isDatabaseUnavailable(error);
    logger.error(
      { requestId: contextValue.requestId, error: { message: (error as Error).message } },
      'commit failed',
    );
    response.body = {
      kind: 'single',
      singleResult: {
        errors: [
          unavailable
            ? {
                message: 'The database is unavailable. Try again in a few seconds.',
                extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
              }
            : { message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } },
        ],
      },
    };
    response.http.status = unavailable ? 503 : 500;
  }
}
