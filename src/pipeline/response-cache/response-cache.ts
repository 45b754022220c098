import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { ResponseCacheSettings } from '../../config';
import type { ResponseStore, CachedResponse } from './response-cache-store';
import { preparedQuery } from '../../db/request-transaction';

/**
 * The fields whose values a published edition fixes, by type. Each is either the edition's own content, or a
 * record that cannot change while the edition is the latest one of its cycle: the cycle itself (any change of
 * its status or editions changes the publication stamp), its framework version's indicators and areas (frozen
 * by the database once a cycle uses the version) and the countries (no mutation edits them, and the stamp covers
 * their names should someone change them in the database). A field missing here, such
 * as an indicator's standards or a cycle's assessments, makes the operation uncacheable.
 */
const EDITION_FIELDS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries({
    Query: ['comparison', 'countryProfile', 'edition'],
    Comparison: ['countries', 'cycle', 'edition', 'rows'],
    ComparisonRow: ['cells', 'indicator'],
    ComparisonCell: [
      'answer',
      'assessmentId',
      'confidence',
      'country',
      'countryCode',
      'evidenceCount',
      'id',
      'notScoredReason',
      'previousCycleCode',
      'previousScore',
      'score',
      'state',
      'status',
      'trend',
      'value',
    ],
    Edition: [
      'citation',
      'comparison',
      'contentSha256',
      'cycle',
      'id',
      'number',
      'publishedAt',
      'recommendationFollowUps',
      'url',
    ],
    EditionFollowUp: [
      'countryCode',
      'evidence',
      'followUpId',
      'implementationStatus',
      'narrative',
      'recommendationId',
      'reference',
      'sourceBody',
      'sourceRound',
      'sourceTitle',
      'sourceYear',
      'strength',
      'text',
      'version',
    ],
    EditionFollowUpEvidence: ['citation', 'documentDate', 'kind', 'title', 'url'],
    CountryProfile: ['areas', 'country', 'cycle', 'id'],
    AreaProfile: [
      'area',
      'assessedCount',
      'coverage',
      'deteriorated',
      'distribution',
      'hiddenCount',
      'improved',
      'indicatorCount',
      'meanScore',
      'meanScoreChange',
      'pillar',
    ],
    ScoreDistribution: ['fully', 'largely', 'noData', 'notApplicable', 'notInPlace', 'partial'],
    MonitoringCycle: [
      'closesOn',
      'code',
      'createdAt',
      'editions',
      'id',
      'opensOn',
      'publishedAt',
      'status',
      'title',
      'updatedAt',
      'year',
    ],
    Indicator: [
      'answerType',
      'area',
      'code',
      'expectedBreakdowns',
      'guidance',
      'id',
      'meansOfVerification',
      'position',
      'title',
      'type',
    ],
    Area: ['code', 'description', 'id', 'parent', 'pillar', 'position', 'title'],
    Country: ['code', 'createdAt', 'id', 'locales', 'name'],
    ScoreAnswer: ['score'],
    NotScoredAnswer: ['reason'],
    NumberAnswer: ['number'],
    PercentAnswer: ['percent'],
    BooleanAnswer: ['boolean'],
    TextAnswer: ['text'],
    LocalizedText: ['isFallback', 'locale', 'text', 'translations'],
    Translation: ['locale', 'text'],
  }).map(([type, fields]) => [type, new Set(fields)]),
);

/**
 * Everything a published edition's response depends on besides the edition itself, in one short statement: per
 * cycle its status, its last change and its latest edition. Publishing, reopening or creating a cycle changes it.
 * It is read before a response is computed, so a change committed while the response was being computed leaves
 * the entry stale on arrival rather than wrongly fresh; and it lives in PostgreSQL, so every instance sees a
 * republication at once. Cycles change a few times a year, and there are a handful of them; so are countries.
 * The deployment's data status is part of it too, as every edition's citation says it.
 */
export const PUBLICATION_STAMP_SQL = `SELECT md5(coalesce(string_agg(concat_ws(':', c.id, c.status,
    extract(epoch FROM c.updated_at), extract(epoch FROM c.published_at),
    (SELECT e.id FROM edition e WHERE e.cycle_id = c.id ORDER BY e.number DESC LIMIT 1)), ',' ORDER BY c.id), '')
    || (SELECT coalesce(string_agg(concat_ws(':', k.code, k.name, k.locales), ',' ORDER BY k.code), '') FROM country k)
    || (SELECT coalesce(string_agg(d.data_status, ','), '') FROM deployment_setting d)
  ) AS stamp
  FROM monitoring_cycle c`;

export async function publicationStamp(db: EntityManager): Promise<string> {
  const [row] = await preparedQuery<{ stamp: string }>(db, PUBLICATION_STAMP_SQL, []);
  return String(row.stamp);
}

const verdicts = new WeakMap<DocumentNode, boolean>();

/** Whether every field the document selects, in any operation or fragment, is fixed by a published edition. */
export function selectsEditionFieldsOnly(schema: GraphQLSchema, document: DocumentNode): boolean {
  const known = verdicts.get(document);
  if (known !== undefined) return known;
  let only = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        if (node.operation !== 'query') only = false;
      },
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        if (!parent || !EDITION_FIELDS[parent.name]?.has(node.name.value)) only = false;
      },
    }),
  );
  verdicts.set(document, only);
  return only;
}

/**
 * The key of a response: the query's text (by Apollo's hash of it), the operation named, the variables and the
 * language, and for a signed-in caller's own answer, who the caller is (`caller`). The same text and name select
 * the same operation, so the key needs no parsing.
 */
export function responseKey(
  queryHash: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  locale: string,
  caller: string | null = null,
): string {
  const parts = [queryHash, operationName ?? null, variables ?? {}, locale];
  if (caller !== null) parts.unshift(caller);
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** A strong validator of the exact bytes sent. */
function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** `If-None-Match` against the response's validator, by the weak comparison that the header calls for. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The body Apollo sends for a result: its fields in the order of the specification, and a newline. */
export function serialise(result: FormattedExecutionResult): string {
  return `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
}

const PRIVATE = 'private, no-store';

/** The headers of a response anyone may share: its validator, how long to keep it, and what it varies by. */
export function sharedHeaderList(
  settings: ResponseCacheSettings,
  etag: string,
  cache: 'hit' | 'miss',
): Array<[string, string]> {
  return [
    ['etag', etag],
    ['cache-control', `public, max-age=${settings.maxAgeSeconds}`],
    ['vary', VARY],
    ['x-cache', cache],
  ];
}

// Shared caches must keep the anonymous answer apart from the signed-in one and each language apart.
const VARY = 'Authorization, Accept-Language';

/**
 * Serves anonymous reads of published editions from memory. A request without a credential whose every field is
 * fixed by an edition (`EDITION_FIELDS`) is looked up by its query, operation name, variables and language;
 * an entry is served only if the publication stamp it was computed under is still PostgreSQL's, which one
 * statement checks, so a republication on any instance retires it everywhere. A response is stored only when
 * its resolvers report that every root field was answered from an edition, and never with errors. Such a
 * response carries a strong `ETag` and `Cache-Control: public`, and a matching `If-None-Match` gets 304 with no
 * body; every other response says `private, no-store`.
 */
export function responseCachePlugin(
  settings: ResponseCacheSettings,
  store: ResponseStore,
): ApolloServerPlugin<RequestContext> {
  const sharedHeaders = (etag: string, cache: 'hit' | 'miss') =>
    new HeaderMap(sharedHeaderList(settings, etag, cache));

  return {
    async requestDidStart({ request, contextValue }) {
      let candidate = !request.http?.headers.get('authorization') && contextValue.viewer.kind === 'anonymous';
      let key: string | null = null;
      let stamp: string | null = null;
      let hit: { headers: HeaderMap; status?: number } | null = null;
      const ifNoneMatch = request.http?.headers.get('if-none-match');

      return {
        async responseForOperation({ schema, document, operation, queryHash, request }) {
          if (!candidate) return null;
          if (operation.operation !== 'query' || !selectsEditionFieldsOnly(schema, document)) {
            candidate = false;
            return null;
          }
          if (!store.enabled) return null;
          key = responseKey(queryHash ?? '', request.operationName, request.variables, contextValue.locale);
          stamp = await publicationStamp(contextValue.db);
          const cached: CachedResponse | undefined = store.get(key);
          if (!cached) return null;
          if (cached.stamp !== stamp) {
            store.delete(key);
            return null;
          }
          const unchanged = noneMatch(ifNoneMatch, cached.etag);
          hit = { headers: sharedHeaders(cached.etag, 'hit'), status: unchanged ? 304 : undefined };
          const response: GraphQLResponse = {
            http: { status: hit.status, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: unchanged ? {} : JSON.parse(cached.body) },
          };
          return response;
        },

        async willSendResponse({ response, contextValue: ctx }) {
          const headers = response.http.headers;
          if (hit) {
            for (const [name, value] of hit.headers) headers.set(name, value);
            if (hit.status) response.http.status = hit.status;
            return;
          }
          const body = response.body;
          const shareable =
            candidate &&
            ctx.responseCache.editionsOnly &&
            body.kind === 'single' &&
            !body.singleResult.errors &&
            (response.http.status ?? 200) === 200;
          if (!shareable) {
            headers.set('cache-control', PRIVATE);
            return;
          }
          const text = serialise(body.singleResult);
          const etag = etagOf(text);
          if (key && stamp) {
            store.set(key, { body: text, etag, stamp, editions: [...ctx.responseCache.editions.keys()] });
          }
          for (const [name, value] of sharedHeaders(etag, 'miss')) headers.set(name, value);
          if (noneMatch(ifNoneMatch, etag)) response.http.status = 304;
        },
      };
    },
  };
}
