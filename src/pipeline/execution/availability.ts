import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../common/context';
import { ErrorCode } from '../../common/errors';

/** Answers HTTP 503 when the request failed because the database is unavailable, so clients and proxies retry. */
export const availabilityPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const body = response.body;
        const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        }
      },
    };
  },
};
