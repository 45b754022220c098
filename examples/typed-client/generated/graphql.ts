/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a cell of the comparison holds for the reader. */
export type CellState =
  /** An assessment the reader may see. */
  | 'ASSESSED'
  /** The reader may not see this cell yet (e.g. another country’s assessment before approval, or an unpublished one); it is not empty. */
  | 'HIDDEN'
  /** No assessment exists (the reader could see one if there were). */
  | 'NOT_ASSESSED';

/** Where a monitoring cycle is: PLANNED → OPEN → CLOSED → PUBLISHED. */
export type CycleStatus =
  /** No more edits; approved results are being prepared for publication. */
  | 'CLOSED'
  /** Partners record and submit assessments; the reviewer reviews them. */
  | 'OPEN'
  /** Announced; assessments cannot be recorded yet. */
  | 'PLANNED'
  /** Approved results are public and frozen. */
  | 'PUBLISHED';

/** A language of the region, or English. Serbian is written in Latin or Cyrillic script. A text missing in the requested language is given in the next language of that language’s fallback chain (for instance Montenegrin, then Serbian Latin, then Bosnian), and in English at the latest. */
export type Locale =
  /** Bosnian. */
  | 'BS'
  /** Montenegrin. */
  | 'CNR'
  /** English: every text exists in English, and it ends every fallback chain. */
  | 'EN'
  /** Croatian, an official language of Bosnia and Herzegovina. */
  | 'HR'
  /** Macedonian (Cyrillic script). */
  | 'MK'
  /** Albanian. */
  | 'SQ'
  /** Serbian in Cyrillic script. */
  | 'SR_CYRL'
  /** Serbian in Latin script. */
  | 'SR_LATN';

/** E-mail address and password of an account. */
export type LoginInput = {
  /** The account’s e-mail address (not case-sensitive). */
  email: string;
  /** The account’s password. */
  password: string;
};

/** Why a score indicator has no score. */
export type NotScoredReason =
  /** The indicator does not apply to the country. */
  | 'NOT_APPLICABLE'
  /** No data was available to assess it. */
  | 'NO_DATA';

/** The one role a user has in its organisation. */
export type Role =
  /** Runs the platform: organisations, users and monitoring cycles. */
  | 'ADMIN'
  /** Records assessments and evidence for the organisation’s countries. */
  | 'COUNTRY_EDITOR'
  /** Leads a partner’s work on its countries: edits, submits, manages users. */
  | 'COUNTRY_LEAD'
  /** Reads the organisation’s countries’ data without changing it. */
  | 'COUNTRY_VIEWER'
  /** Maintains the indicator framework, its standards and translations. */
  | 'FRAMEWORK_EDITOR'
  /** Reviews submitted assessments across all countries. */
  | 'REVIEWER';

/** How a score moved since the previous cycle that assessed a comparable indicator (same code and answer type). */
export type Trend =
  /** The score is lower than before. */
  | 'DETERIORATED'
  /** The score is higher than before. */
  | 'IMPROVED'
  /** No earlier score to compare with, no score now, or the indicator is not scored (numbers are not ranked). */
  | 'NOT_COMPARABLE'
  /** The score is the same. */
  | 'NO_CHANGE';

/** Stable codes of the business failures a mutation reports in `userErrors`. */
export type UserErrorCode =
  /** The answer given does not match the indicator’s answer type. */
  | 'ANSWER_TYPE_MISMATCH'
  /** The cells of a breakdown by exhaustive dimensions do not add up to the total, or a crossed table to a single one. */
  | 'BREAKDOWN_TOTAL_MISMATCH'
  /** Requesting changes or reopening needs a comment that says why. */
  | 'COMMENT_REQUIRED'
  /** The monitoring cycle is not open for changes. */
  | 'CYCLE_NOT_OPEN'
  /** A record with the same unique key already exists. */
  | 'DUPLICATE'
  /** The framework version is used by a cycle and can no longer change. */
  | 'FRAMEWORK_VERSION_IN_USE'
  /** The e-mail address or the password is wrong (which one is not said). */
  | 'INVALID_CREDENTIALS'
  /** A value is malformed or out of its allowed range. */
  | 'INVALID_INPUT'
  /** The one-time token is unknown, used or expired. */
  | 'INVALID_TOKEN'
  /** The record’s status does not allow this step. */
  | 'INVALID_TRANSITION'
  /** The assessment cannot be changed in its status: only DRAFT and CHANGES_REQUESTED assessments can. */
  | 'NOT_EDITABLE'
  /** A referenced record does not exist or is not visible to the caller. */
  | 'NOT_FOUND'
  /** The role cannot be granted by the caller (it is above the caller’s own). */
  | 'ROLE_NOT_ALLOWED'
  /** A score must be 0, 1, 2 or 3. */
  | 'SCORE_OUT_OF_RANGE'
  /** The record changed since `expectedVersion`; reload it and apply the change again. */
  | 'STALE_VERSION';

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;

export type LoginMutation = {
  login: {
    token: string | null;
    expiresAt: string | null;
    user: { displayName: string; role: Role } | null;
    userErrors: Array<{ field: Array<string> | null; code: UserErrorCode; message: string }>;
  };
};

export type CycleByCodeQueryVariables = Exact<{
  code: string;
  locale?: Locale | null | undefined;
}>;

export type CycleByCodeQuery = {
  cycle: { id: string; code: string; status: CycleStatus; title: { text: string } } | null;
};

export type PublishedComparisonQueryVariables = Exact<{
  cycleId: string;
  locale?: Locale | null | undefined;
}>;

export type PublishedComparisonQuery = {
  edition: {
    number: number;
    publishedAt: string;
    citation: string;
    contentSha256: string;
    comparison: {
      countries: Array<{ code: string; name: { text: string } }>;
      rows: Array<{
        indicator: { code: string; title: { text: string; isFallback: boolean } };
        cells: Array<{
          countryCode: string;
          state: CellState;
          score: number | null;
          value: string | null;
          notScoredReason: NotScoredReason | null;
          trend: Trend;
        }>;
      }>;
    };
  } | null;
};

export const LoginDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Login' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'LoginInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'login' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'token' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const CycleByCodeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CycleByCode' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'locale' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Locale' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cycle' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'title' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'locale' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'locale' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'text' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CycleByCodeQuery, CycleByCodeQueryVariables>;
export const PublishedComparisonDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PublishedComparison' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'cycleId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'locale' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Locale' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'edition' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'cycleId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'cycleId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                { kind: 'Field', name: { kind: 'Name', value: 'publishedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'citation' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentSha256' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'comparison' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'countries' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'name' },
                              arguments: [
                                {
                                  kind: 'Argument',
                                  name: { kind: 'Name', value: 'locale' },
                                  value: { kind: 'Variable', name: { kind: 'Name', value: 'locale' } },
                                },
                              ],
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'text' } }],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'rows' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'indicator' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'title' },
                                    arguments: [
                                      {
                                        kind: 'Argument',
                                        name: { kind: 'Name', value: 'locale' },
                                        value: { kind: 'Variable', name: { kind: 'Name', value: 'locale' } },
                                      },
                                    ],
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'isFallback' } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'cells' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'notScoredReason' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'trend' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PublishedComparisonQuery, PublishedComparisonQueryVariables>;
