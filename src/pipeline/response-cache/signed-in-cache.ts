import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../common/context';
import { isSignedIn, type Viewer } from '../../modules/auth/viewer';
import { viewerKey } from '../../modules/auth/viewer-cache';
import type { DataChangePruner } from './data-changes';
import { responseKey, selectsEditionFieldsOnly, serialise } from './response-cache';
import type { ResponseStore } from './response-cache-store';

/** What a signed-in answer says to caches on the way: it is the caller's own, and no one may keep it. */
export const SIGNED_IN_HEADERS: Array<[string, string]> = [['cache-control', 'private, no-store']];

/**
 * The key of a signed-in answer: the caller as its reads depend on it (user or key, organisation, role and
 * countries), the query's text (by its hash), the operation named, the variables and the language. Two callers
 * never share an answer, and a caller whose role or countries change has a new key.
 */
export function signedInKey(
  viewer: Viewer,
  queryHash: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  locale: string,
): string {
  return responseKey(queryHash, operationName, variables, locale, viewerKey(viewer));
}

/**
 * Keeps the answers of signed-in callers to the reads a published edition could fix (the comparison, the country
 * profile and the editions, `EDITION_FIELDS`), computed live, for the same caller to read again while nothing
 * has been written: the reviewer's comparison of every country, above all, is read far more often than the data
 * under it changes. Each answer remembers the snapshot that its caller's first sign-in ran under, in front of the
 * answer's first statement (src/db/read-pipeline.ts). The route in front of Apollo (`cachedSignedInReads`)
 * serves it again only once the database has signed the caller in and confirmed that no transaction the
 * snapshot did not see has written since (`data_change`, migrations/1766300000000-DataChanges.ts). So an answer
 * is never older than the data: a write committed on any instance, or straight into the database, retires every
 * answer read before it. Errors and refused answers are never kept.
 */
export function signedInCachePlugin(
  store: ResponseStore,
  pruner: DataChangePruner,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!store.enabled || !isSignedIn(contextValue.viewer)) return {};
      let key: string | null = null;
      return {
        async responseForOperation({ schema, document, operation, queryHash, request }) {
          if (operation.operation !== 'query' || !selectsEditionFieldsOnly(schema, document)) return null;
          key = signedInKey(
            contextValue.viewer,
            queryHash ?? '',
            request.operationName,
            request.variables,
            contextValue.locale,
          );
          return null;
        },

        async willSendResponse({ response, contextValue: ctx }) {
          if (!key) return;
          // The snapshot of the first sign-in, in front of the first of the answer's statements.
          const taken = ctx.transaction.pipeline?.firstSignIn?.snapshot;
          const body = response.body;
          if (
            typeof taken !== 'string' ||
            body.kind !== 'single' ||
            body.singleResult.errors ||
            (response.http.status ?? 200) !== 200
          )
            return;
          store.set(key, { body: serialise(body.singleResult), etag: '', stamp: taken, editions: [] });
          response.http.headers.set('x-cache', 'miss');
          void pruner.maybePrune();
        },
      };
    },
  };
}
