import type { Viewer } from '../auth/viewer';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import { evidenceVisibilitySql } from '../evidence/evidence.policy';
import { seesDraftFrameworks } from '../framework/framework.policy';
import { followUpVisibilitySql, recommendationVisibilitySql } from '../recommendation/recommendation.policy';
import { commentVisibilitySql } from '../review-comment/review-comment.policy';
import { SearchKind } from './search.enums';

/**
 * The parameters every source reads, at fixed places: the query's words ($1), the country ($2), the cycle ($3)
 * and the tables of the kinds asked for ($4).
 */
export const SEARCH_PARAMS = { country: '$2::text', cycle: '$3::uuid', tables: '$4::regclass[]' } as const;
/** The words, the last one as a word start, and all of them as whole words (to rank those higher). */
export const PREFIX_QUERY = 'public.search_query($1::text, true)';
export const EXACT_QUERY = 'public.search_query($1::text, false)';
const { country, cycle } = SEARCH_PARAMS;

/** The table each kind is found in. */
export const SEARCH_TABLES: Record<SearchKind, string> = {
  [SearchKind.INDICATOR]: 'indicator',
  [SearchKind.STANDARD]: 'standard',
  [SearchKind.ASSESSMENT]: 'assessment',
  [SearchKind.EVIDENCE]: 'evidence',
  [SearchKind.REVIEW_COMMENT]: 'review_comment',
  [SearchKind.RECOMMENDATION]: 'recommendation',
};

/**
 * Every match of the words that the caller may read, ranked: `search_matches` (see its migration) looks the words
 * up in each table's stored terms under the app role's read policies of the table, which its index could not
 * serve under row-level security (`@@` is not leakproof). Each source reads its rows again by key from here,
 * under row-level security and its kind's own row rules.
 */
export const MATCHED = `matched AS MATERIALIZED (
      SELECT * FROM public.search_matches(${SEARCH_PARAMS.tables}, ${PREFIX_QUERY}, ${EXACT_QUERY}))`;

/**
 * One kind's part of the search: the rows of its table that match and that the viewer may read, with the same
 * row rules as the kind's own list (its `*.policy.ts` SQL), as the columns
 * `kind, id, rank, label, title (jsonb of locale → text), texts (jsonb[] of locale → text, for the snippet),
 * country_code, cycle_id, assessment_id, indicator_id`. `params` takes the values the rules need.
 */
export type SearchSource = (viewer: Viewer, params: unknown[]) => string;

/** The matches of one kind (`m`, with its rank) and their rows (`alias`). */
function match(kind: SearchKind, alias: string) {
  const table = SEARCH_TABLES[kind];
  return {
    from: `matched m JOIN ${table} ${alias} ON ${alias}.id = m.id`,
    where: `m.tbl = '${table}'::regclass`,
  };
}

const publishedVersion = (viewer: Viewer, versionId: string) =>
  seesDraftFrameworks(viewer)
    ? 'true'
    : `EXISTS (SELECT 1 FROM framework_version vv WHERE vv.id = ${versionId} AND vv.status = 'PUBLISHED')`;

const inCycleVersion = (versionId: string) =>
  `(${cycle} IS NULL OR ${versionId} = (SELECT framework_version_id FROM monitoring_cycle WHERE id = ${cycle}))`;

/** An assessment-bound kind: the assessment (`a`) readable by the viewer, of the country and cycle asked for. */
function ofReadableAssessment(viewer: Viewer, params: unknown[]): string {
  return `${assessmentVisibilitySql(viewer, 'a', params)}
    AND (${country} IS NULL OR a.country_code = ${country}) AND (${cycle} IS NULL OR a.cycle_id = ${cycle})`;
}

const ASSESSMENT_LABEL = `a.country_code || ' · ' || i.code`;

export const SEARCH_SOURCES: Record<SearchKind, SearchSource> = {
  [SearchKind.INDICATOR]: (viewer) => {
    const m = match(SearchKind.INDICATOR, 't');
    return `SELECT 'INDICATOR'::text AS kind, t.id, m.rank, t.code AS label, t.title,
        ARRAY[t.title, t.guidance, t.means_of_verification] AS texts,
        NULL::text AS country_code, NULL::uuid AS cycle_id, NULL::uuid AS assessment_id, t.id AS indicator_id
      FROM ${m.from}
      WHERE ${m.where} AND ${country} IS NULL AND ${publishedVersion(viewer, 't.framework_version_id')}
        AND ${inCycleVersion('t.framework_version_id')}`;
  },
  [SearchKind.STANDARD]: () => {
    const m = match(SearchKind.STANDARD, 't');
    return `SELECT 'STANDARD'::text, t.id, m.rank, t.reference, t.title, ARRAY[t.title, t.summary],
        t.country_code::text, NULL::uuid, NULL::uuid, NULL::uuid
      FROM ${m.from}
      WHERE ${m.where} AND (${country} IS NULL OR t.country_code = ${country})
        AND (${cycle} IS NULL OR EXISTS (SELECT 1 FROM indicator_standard x
          JOIN indicator xi ON xi.id = x.indicator_id JOIN monitoring_cycle xc ON xc.framework_version_id = xi.framework_version_id
          WHERE x.standard_id = t.id AND xc.id = ${cycle}))`;
  },
  [SearchKind.ASSESSMENT]: (viewer, params) => {
    const m = match(SearchKind.ASSESSMENT, 'a');
    return `SELECT 'ASSESSMENT'::text, a.id, m.rank, ${ASSESSMENT_LABEL}, i.title, ARRAY[a.narrative],
        a.country_code::text, a.cycle_id, a.id, a.indicator_id
      FROM ${m.from} JOIN indicator i ON i.id = a.indicator_id
      WHERE ${m.where} AND ${ofReadableAssessment(viewer, params)}`;
  },
  [SearchKind.EVIDENCE]: (viewer, params) => {
    const m = match(SearchKind.EVIDENCE, 'e');
    return `SELECT 'EVIDENCE'::text, e.id, m.rank, ${ASSESSMENT_LABEL}, jsonb_build_object('en', e.title),
        ARRAY[jsonb_build_object(e.language, e.title), jsonb_build_object(e.language, coalesce(e.citation, '')),
          jsonb_build_object(e.language, coalesce(e.issuing_institution, ''))],
        a.country_code::text, a.cycle_id, a.id, a.indicator_id
      FROM ${m.from} JOIN assessment a ON a.id = e.assessment_id JOIN indicator i ON i.id = a.indicator_id
      WHERE ${m.where} AND ${evidenceVisibilitySql(viewer, 'e', params)} AND ${ofReadableAssessment(viewer, params)}`;
  },
  [SearchKind.REVIEW_COMMENT]: (viewer, params) => {
    const m = match(SearchKind.REVIEW_COMMENT, 'c');
    // Comments are read by people only (`Assessment.comments` is for users): API keys and the public find none.
    const readable = viewer.kind === 'user' ? commentVisibilitySql(viewer, 'c', params) : 'false';
    return `SELECT 'REVIEW_COMMENT'::text, c.id, m.rank, ${ASSESSMENT_LABEL}, i.title,
        ARRAY[jsonb_build_object('', c.body)], a.country_code::text, a.cycle_id, a.id, a.indicator_id
      FROM ${m.from} JOIN assessment a ON a.id = c.assessment_id JOIN indicator i ON i.id = a.indicator_id
      WHERE ${m.where} AND ${readable} AND ${ofReadableAssessment(viewer, params)}`;
  },
  [SearchKind.RECOMMENDATION]: (viewer, params) => {
    const m = match(SearchKind.RECOMMENDATION, 'r');
    // A recommendation belongs to a cycle through a follow-up of that cycle the viewer may read, as the
    // `recommendations` list filters by cycle.
    return `SELECT 'RECOMMENDATION'::text, r.id, m.rank, r.country_code || ' · ' || r.reference, rs.title,
        ARRAY[r.text], r.country_code::text, NULL::uuid, NULL::uuid, NULL::uuid
      FROM ${m.from} JOIN recommendation_source rs ON rs.id = r.source_id
      WHERE ${m.where} AND ${recommendationVisibilitySql(viewer, 'r', params)}
        AND (${country} IS NULL OR r.country_code = ${country})
        AND (${cycle} IS NULL OR EXISTS (SELECT 1 FROM recommendation_follow_up sf WHERE sf.recommendation_id = r.id
          AND sf.cycle_id = ${cycle} AND ${followUpVisibilitySql(viewer, 'sf', params)}))`;
  },
};
