/** The GraphQL operations of the results page's script, kept here so that the tests can send them as it does. */

const TEXT = 'text locale';

export const RESULTS_CYCLE_QUERY = `query ResultsCycle($code: String!) {
  dataStatus
  fundingStatement
  me { displayName role }
  cycle(code: $code) {
    id code status title { ${TEXT} }
    frameworkVersion {
      label scoreLevels { value label { text } }
      areas { code title { ${TEXT} } subThemes { code title { ${TEXT} } } }
    }
  }
}`;

export const RESULTS_MATRIX_QUERY = `query ResultsMatrix($cycleId: ID!, $areaCode: String) {
  comparison(cycleId: $cycleId, areaCode: $areaCode) {
    edition { number publishedAt }
    countries { code name { ${TEXT} } }
    rows {
      indicator {
        code answerType title { ${TEXT} }
        area { code pillar title { ${TEXT} } parent { code title { ${TEXT} } } }
      }
      cells { countryCode assessmentId state score value notScoredReason trend previousScore previousCycleCode status }
    }
  }
}`;

/** One assessment's breakdown as the reader may see it: exact, or with small counts suppressed. */
export const RESULTS_BREAKDOWN_QUERY = `query ResultsBreakdown($id: ID!) {
  assessment(id: $id) {
    id valueNumber
    breakdown {
      dimensionCodes exact minimumCount
      dimensions { code title { ${TEXT} } }
      cells { categories { code dimensionCode title { ${TEXT} } } value suppressed }
    }
  }
}`;

export const RESULTS_LOGIN_MUTATION = `mutation ResultsLogin($input: LoginInput!) {
  login(input: $input) { token user { displayName role } userErrors { message } }
}`;

/** The recommendations followed up in the cycle, with every follow-up the reader may read (the cycle's among them). */
export const RESULTS_RECOMMENDATIONS_QUERY = `query ResultsRecommendations($cycleId: ID!) {
  recommendations(cycleId: $cycleId, first: 100) {
    totalCount
    nodes {
      id reference sourceBody text { ${TEXT} }
      country { code name { ${TEXT} } }
      source { year title { ${TEXT} } }
      followUps { implementationStatus cycle { id } }
    }
  }
}`;
