import { gql, type TypedDocumentNode } from '@apollo/client';

// Answers are read loosely here to keep the example short; examples/typed-client shows how to generate exact
// TypeScript types for every operation from the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Document = TypedDocumentNode<Record<string, any>, Record<string, unknown>>;

export const LOGIN: Document = gql`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      user {
        id
        displayName
        countries {
          code
        }
      }
      userErrors {
        code
        message
      }
    }
  }
`;

export const OPEN_CYCLE: Document = gql`
  query OpenCycle {
    cycles(status: OPEN, first: 1) {
      nodes {
        id
        code
      }
    }
  }
`;

export const DASHBOARD: Document = gql`
  query Dashboard($cycleId: ID!, $countryCode: String!, $after: String) {
    country(code: $countryCode) {
      code
      name {
        text
      }
    }
    assessments(cycleId: $cycleId, countryCode: $countryCode, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        version
        value
        viewerCanEdit
        indicator {
          id
          code
          answerType
        }
      }
    }
  }
`;

export const SAVE: Document = gql`
  mutation Save($input: AssessmentSaveInput!) {
    assessmentSave(input: $input) {
      assessment {
        id
        status
        version
        value
      }
      currentVersion
      userErrors {
        field
        code
        message
      }
    }
  }
`;

export const ASSESSMENT_CHANGED: Document = gql`
  subscription AssessmentChanged($countryCode: String) {
    assessmentChanged(countryCode: $countryCode) {
      id
      status
      version
      value
    }
  }
`;

export const COMMENT_CHANGED: Document = gql`
  subscription CommentChanged($countryCode: String) {
    reviewCommentChanged(countryCode: $countryCode) {
      action
      comment {
        id
        body
        status
        author {
          displayName
        }
        assessment {
          id
          indicator {
            code
          }
        }
      }
    }
  }
`;
