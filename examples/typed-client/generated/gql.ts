/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    user {\n      displayName\n      role\n    }\n    userErrors {\n      field\n      code\n      message\n    }\n  }\n}': typeof types.LoginDocument;
  'query CycleByCode($code: String!, $locale: Locale) {\n  cycle(code: $code) {\n    id\n    code\n    status\n    title(locale: $locale) {\n      text\n    }\n  }\n}\n\nquery PublishedComparison($cycleId: ID!, $locale: Locale) {\n  edition(cycleId: $cycleId) {\n    number\n    publishedAt\n    citation\n    contentSha256\n    comparison {\n      countries {\n        code\n        name(locale: $locale) {\n          text\n        }\n      }\n      rows {\n        indicator {\n          code\n          title(locale: $locale) {\n            text\n            isFallback\n          }\n        }\n        cells {\n          countryCode\n          state\n          score\n          value\n          notScoredReason\n          trend\n        }\n      }\n    }\n  }\n}': typeof types.CycleByCodeDocument;
};
const documents: Documents = {
  'mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    user {\n      displayName\n      role\n    }\n    userErrors {\n      field\n      code\n      message\n    }\n  }\n}':
    types.LoginDocument,
  'query CycleByCode($code: String!, $locale: Locale) {\n  cycle(code: $code) {\n    id\n    code\n    status\n    title(locale: $locale) {\n      text\n    }\n  }\n}\n\nquery PublishedComparison($cycleId: ID!, $locale: Locale) {\n  edition(cycleId: $cycleId) {\n    number\n    publishedAt\n    citation\n    contentSha256\n    comparison {\n      countries {\n        code\n        name(locale: $locale) {\n          text\n        }\n      }\n      rows {\n        indicator {\n          code\n          title(locale: $locale) {\n            text\n            isFallback\n          }\n        }\n        cells {\n          countryCode\n          state\n          score\n          value\n          notScoredReason\n          trend\n        }\n      }\n    }\n  }\n}':
    types.CycleByCodeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    user {\n      displayName\n      role\n    }\n    userErrors {\n      field\n      code\n      message\n    }\n  }\n}',
): (typeof documents)['mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    user {\n      displayName\n      role\n    }\n    userErrors {\n      field\n      code\n      message\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query CycleByCode($code: String!, $locale: Locale) {\n  cycle(code: $code) {\n    id\n    code\n    status\n    title(locale: $locale) {\n      text\n    }\n  }\n}\n\nquery PublishedComparison($cycleId: ID!, $locale: Locale) {\n  edition(cycleId: $cycleId) {\n    number\n    publishedAt\n    citation\n    contentSha256\n    comparison {\n      countries {\n        code\n        name(locale: $locale) {\n          text\n        }\n      }\n      rows {\n        indicator {\n          code\n          title(locale: $locale) {\n            text\n            isFallback\n          }\n        }\n        cells {\n          countryCode\n          state\n          score\n          value\n          notScoredReason\n          trend\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query CycleByCode($code: String!, $locale: Locale) {\n  cycle(code: $code) {\n    id\n    code\n    status\n    title(locale: $locale) {\n      text\n    }\n  }\n}\n\nquery PublishedComparison($cycleId: ID!, $locale: Locale) {\n  edition(cycleId: $cycleId) {\n    number\n    publishedAt\n    citation\n    contentSha256\n    comparison {\n      countries {\n        code\n        name(locale: $locale) {\n          text\n        }\n      }\n      rows {\n        indicator {\n          code\n          title(locale: $locale) {\n            text\n            isFallback\n          }\n        }\n        cells {\n          countryCode\n          state\n          score\n          value\n          notScoredReason\n          trend\n        }\n      }\n    }\n  }\n}'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
