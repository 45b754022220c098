/**
 * The requests the benchmark sends and the statement-bound test checks: the same texts, so that the bound is
 * tested on exactly what is measured.
 */

export const EDITOR_EMAIL = 'editor.rs@demo.example';
export const REVIEWER_EMAIL = 'reviewer@demo.example';
/** The country of the dashboard and of the edits: the editor's own. */
export const DASHBOARD_COUNTRY = 'RS';
/** A dashboard page: the most a client may ask for at once. */
export const DASHBOARD_PAGE = 100;
export const DASHBOARD_EVIDENCE_PAGE = 20;

/**
 * A partner's country dashboard: one country's assessments in a cycle with their indicator and evidence. The
 * top-level `assessments` list filtered by cycle and country is the shape that reaches the rows in one statement
 * (through `cycle { assessments }` or `country { assessments }` it would first load the parent).
 */
export const DASHBOARD_QUERY = `query Dashboard($cycleId: ID!, $countryCode: String!, $first: Int, $evidenceFirst: Int) {
  assessments(cycleId: $cycleId, countryCode: $countryCode, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      version
      status
      score
      value
      confidence
      narrative { text locale }
      indicator { id code title { text } }
      evidence(first: $evidenceFirst) {
        totalCount
        nodes { id kind title citation url confidentiality }
      }
    }
  }
}`;

/** The comparison matrix of a cycle: every country × every indicator (the reviewer's, or a published one). */
export const COMPARISON_QUERY = `query Comparison($cycleId: ID!, $countryCodes: [String!]) {
  comparison(cycleId: $cycleId, countryCodes: $countryCodes) {
    countries { code }
    rows {
      indicator { id code }
      cells { countryCode state score value status confidence evidenceCount trend previousScore }
    }
  }
}`;

/** An editor saving an assessment, naming the version it read. */
export const SAVE_MUTATION = `mutation Save($input: AssessmentSaveInput!) {
  assessmentSave(input: $input) {
    assessment { id version }
    currentVersion
    userErrors { code message }
  }
}`;

export const LOGIN_MUTATION = `mutation Login($input: LoginInput!) {
  login(input: $input) { token userErrors { code message } }
}`;

export interface DashboardVariables {
  cycleId: string;
  countryCode: string;
  first: number;
  evidenceFirst: number;
}

export function dashboardVariables(cycleId: string, first = DASHBOARD_PAGE): DashboardVariables {
  return { cycleId, countryCode: DASHBOARD_COUNTRY, first, evidenceFirst: DASHBOARD_EVIDENCE_PAGE };
}

/** What an edit sends: the assessment's own confidence back, so the content stays as it was and only the
 * version and the audit trail move. */
export interface SaveTarget {
  cycleId: string;
  indicatorId: string;
  countryCode: string;
  confidence: string;
  version: number;
}

export function saveVariables(target: SaveTarget): { input: Record<string, unknown> } {
  return {
    input: {
      cycleId: target.cycleId,
      indicatorId: target.indicatorId,
      countryCode: target.countryCode,
      confidence: target.confidence,
      expectedVersion: target.version,
    },
  };
}

/**
 * The assessments an editor may save in a cycle, with what a save needs, most recently unchanged first. Read
 * with the owner's connection, like the other set-up reads.
 */
export const SAVE_TARGETS_SQL = `
  SELECT a.cycle_id AS "cycleId", a.indicator_id AS "indicatorId", a.country_code AS "countryCode",
         coalesce(a.confidence, 'MEDIUM') AS confidence, a.version
  FROM assessment a JOIN indicator i ON i.id = a.indicator_id
  WHERE a.cycle_id = $1 AND a.country_code = $2 AND a.status IN ('DRAFT', 'CHANGES_REQUESTED')
  ORDER BY i.position, a.id LIMIT $3`;

/**
 * The best hand-written SQL for the dashboard's data, for the SQL floor: the page of the editor's own country
 * (whose every assessment and evidence the editor reads), with the indicator and the evidence page as JSON built
 * in the database, in one statement.
 */
export const DASHBOARD_FLOOR_SQL = `
  SELECT a.id, a.version, a.status, a.score, a.not_scored_reason, a.value_number, a.value_boolean, a.value_text,
         a.confidence, a.narrative, i.id AS indicator_id, i.code AS indicator_code, i.title AS indicator_title,
         count(*) OVER () AS total,
         (SELECT json_build_object(
                   'total', (SELECT count(*) FROM evidence c WHERE c.assessment_id = a.id),
                   'nodes', coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'title', e.title,
                     'citation', e.citation, 'url', e.url, 'confidentiality', e.confidentiality)
                     ORDER BY e.created_at, e.id), '[]'))
            FROM (SELECT * FROM evidence e WHERE e.assessment_id = a.id ORDER BY e.created_at, e.id LIMIT $4) e
         ) AS evidence
  FROM assessment a JOIN indicator i ON i.id = a.indicator_id
  WHERE a.cycle_id = $1 AND a.country_code = $2
  ORDER BY i.position, a.id LIMIT $3`;

/**
 * The reviewer searching every kind of text at once for words that pick out a few hundred rows among hundreds of
 * thousands (at the 50-country scale: one gazette number of one year), a first page of 20 with snippets.
 */
export const SEARCH_QUERY = `query Search($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { kind id rank label title countryCode snippet { locale parts { text match } } }
  }
}`;

export const SEARCH_VARIABLES = { query: 'Gazette 12/2016', first: 20 };
