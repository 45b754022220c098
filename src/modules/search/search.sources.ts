import { SEARCH_VECTORS as FIRST_VECTORS } from '../../../migrations/1765600000000-Search';
import { RECOMMENDATION_SEARCH_VECTORS } from '../../../migrations/1766000000000-RecommendationSearch';
import type { Viewer } from '../auth/viewer';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import { evidenceVisibilitySql } from '../evidence/evidence.policy';
import { seesDraftFrameworks } from '../framework/framework.policy';
import { followUpVisibilitySql, recommendationVisibilitySql } from '../recommendation/recommendation.policy';
import { commentVisibilitySql } from '../review-comment/review-comment.policy';
import { SearchKind } from './search.enums';

/**
 * The parameters every source reads, at fixed places: the query's words ($1), the kinds asked for ($2), the
 * country ($3) and the cycle ($4). The words become text-search queries in the statement itself, so that the
 * planner, which knows them, can tell how many rows each matches (the index's statistics) and plan accordingly.
 */
export const SEARCH_PARAMS = { kinds: '$2', country: '$3::text', cycle: '$4::uuid' } as const;
/** The words, the last one as a word start, and all of them as whole words (to rank those higher). */
export const PREFIX_QUERY = 'public.search_query($1::text, true)';
export const EXACT_QUERY = 'public.search_query($1::text, false)';
const { kinds, country, cycle } = SEARCH_PARAMS;

/**
 * One kind's part of the search: the rows of its table that match and that the viewer may read, with the same
 * row rules as the kind's own list (its `*.policy.ts` SQL), as the columns
 * `kind, id, rank, label, title (jsonb of locale → text), texts (jsonb[] of locale → text, for the snippet),
 * country_code, cycle_id, assessment_id, indicator_id`. `params` takes the values the rules need.
 */
export type SearchSource = (viewer: Viewer, params: unknown[]) => string;

/** Every searched table's vector, as its migration indexes it. */
const SEARCH_VECTORS = { ...FIRST_VECTORS, ...RECOMMENDATION_SEARCH_VECTORS };

const SECURED: Record<string, true> = {
  assessment: true,
  evidence: true,
  review_comment: true,
  recommendation: true,
};

/**
 * Matches the GIN index of the table (the same expression), and ranks whole words above word starts. A small
 * table's matches are found first in a subquery of their own (OFFSET 0): joined to its other conditions, the
 * planner would rather fold the texts of every row of a version than look the words up.
 */
function match(table: keyof typeof SEARCH_VECTORS, alias: string, kind: SearchKind) {
  const vector = `public.${SEARCH_VECTORS[table].replace(
    /\(([^()]*)\)$/,
    (_, args: string) =>
      `(${args
        .split(', ')
        .map((column) => `${alias}.${column}`)
        .join(', ')})`,
  )}`;
  // A table under row-level security is looked up through search_candidates (see its migration): its index
  // cannot serve `@@` under the policies.
  const matches =
    table in SECURED
      ? `${alias}.id = ANY (ARRAY(SELECT public.search_candidates('${table}', ${PREFIX_QUERY})))`
      : `${vector} @@ ${PREFIX_QUERY}`;
  return {
    where: `'${kind}' = ANY(${kinds}) AND ${matches}`,
    // The vector once per row found (OFFSET 0 keeps it a subquery of its own), for both ranks.
    vector: `CROSS JOIN LATERAL (SELECT ${vector} AS v OFFSET 0) sv`,
    rank: `(ts_rank(sv.v, ${PREFIX_QUERY}) + ts_rank(sv.v, ${EXACT_QUERY}))::float8`,
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
    const m = match('indicator', 't', SearchKind.INDICATOR);
    return `SELECT 'INDICATOR'::text AS kind, t.id, ${m.rank} AS rank, t.code AS label, t.title,
        ARRAY[t.title, t.guidance, t.means_of_verification] AS texts,
        NULL::text AS country_code, NULL::uuid AS cycle_id, NULL::uuid AS assessment_id, t.id AS indicator_id
      FROM (SELECT * FROM indicator t WHERE ${m.where} OFFSET 0) t ${m.vector}
      WHERE ${country} IS NULL AND ${publishedVersion(viewer, 't.framework_version_id')}
        AND ${inCycleVersion('t.framework_version_id')}`;
  },
  [SearchKind.STANDARD]: () => {
    const m = match('standard', 't', SearchKind.STANDARD);
    return `SELECT 'STANDARD'::text, t.id, ${m.rank}, t.reference, t.title, ARRAY[t.title, t.summary],
        t.country_code::text, NULL::uuid, NULL::uuid, NULL::uuid
      FROM standard t ${m.vector}
      WHERE ${m.where} AND (${country} IS NULL OR t.country_code = ${country})
        AND (${cycle} IS NULL OR EXISTS (SELECT 1 FROM indicator_standard x
          JOIN indicator xi ON xi.id = x.indicator_id JOIN monitoring_cycle xc ON xc.framework_version_id = xi.framework_version_id
          WHERE x.standard_id = t.id AND xc.id = ${cycle}))`;
  },
  [SearchKind.ASSESSMENT]: (viewer, params) => {
    const m = match('assessment', 'a', SearchKind.ASSESSMENT);
    return `SELECT 'ASSESSMENT'::text, a.id, ${m.rank}, ${ASSESSMENT_LABEL}, i.title, ARRAY[a.narrative],
        a.country_code::text, a.cycle_id, a.id, a.indicator_id
      FROM assessment a JOIN indicator i ON i.id = a.indicator_id ${m.vector}
      WHERE ${m.where} AND ${ofReadableAssessment(viewer, params)}`;
  },
  [SearchKind.EVIDENCE]: (viewer, params) => {
    const m = match('evidence', 'e', SearchKind.EVIDENCE);
    return `SELECT 'EVIDENCE'::text, e.id, ${m.rank}, ${ASSESSMENT_LABEL}, jsonb_build_object('en', e.title),
        ARRAY[jsonb_build_object(e.language, e.title), jsonb_build_object(e.language, coalesce(e.citation, '')),
          jsonb_build_object(e.language, coalesce(e.issuing_institution, ''))],
        a.country_code::text, a.cycle_id, a.id, a.indicator_id
      FROM evidence e JOIN assessment a ON a.id = e.assessment_id JOIN indicator i ON i.id = a.indicator_id
        ${m.vector}
      WHERE ${m.where} AND ${evidenceVisibilitySql(viewer, 'e', params)} AND ${ofReadableAssessment(viewer, params)}`;
  },
  [SearchKind.REVIEW_COMMENT]: (viewer, params) => {
    const m = match('review_comment', 'c', SearchKind.REVIEW_COMMENT);
    // Comments are read by people only (`Assessment.comments` is for users): API keys and the public find none.
    const readable = viewer.kind === 'user' ? commentVisibilitySql(viewer, 'c', params) : 'false';
    return `SELECT 'REVIEW_COMMENT'::text, c.id, ${m.rank}, ${ASSESSMENT_LABEL}, i.title,
        ARRAY[jsonb_build_object('', c.body)], a.country_code::text, a.cycle_id, a.id, a.indicator_id
      FROM review_comment c JOIN assessment a ON a.id = c.assessment_id JOIN indicator i ON i.id = a.indicator_id
        ${m.vector}
      WHERE ${m.where} AND ${readable} AND ${ofReadableAssessment(viewer, params)}`;
  },
  [SearchKind.RECOMMENDATION]: (viewer, params) => {
    const m = match('recommendation', 'r', SearchKind.RECOMMENDATION);
    // A recommendation belongs to a cycle through a follow-up of that cycle the viewer may read, as the
    // `recommendations` list filters by cycle.
    return `SELECT 'RECOMMENDATION'::text, r.id, ${m.rank}, r.country_code || ' · ' || r.reference, rs.title,
        ARRAY[r.text], r.country_code::text, NULL::uuid, NULL::uuid, NULL::uuid
      FROM recommendation r JOIN recommendation_source rs ON rs.id = r.source_id ${m.vector}
      WHERE ${m.where} AND ${recommendationVisibilitySql(viewer, 'r', params)}
        AND (${country} IS NULL OR r.country_code = ${country})
        AND (${cycle} IS NULL OR EXISTS (SELECT 1 FROM recommendation_follow_up sf WHERE sf.recommendation_id = r.id
          AND sf.cycle_id = ${cycle} AND ${followUpVisibilitySql(viewer, 'sf', params)}))`;
  },
};
