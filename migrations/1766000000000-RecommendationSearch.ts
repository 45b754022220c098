import type { MigrationInterface, QueryRunner } from 'typeorm';
import { foldBody, SEARCH_VECTORS } from './1765600000000-Search';

/** The recommendations register's text-search vector, indexed and searched as written (see SEARCH_VECTORS). */
export const RECOMMENDATION_SEARCH_VECTORS = {
  recommendation: 'recommendation_search_vector(reference, text)',
} as const;

type Secured = 'assessment' | 'evidence' | 'review_comment' | 'recommendation';
const VECTORS: Record<Secured, string> = { ...SEARCH_VECTORS, ...RECOMMENDATION_SEARCH_VECTORS };

/**
 * PL/pgSQL that, when `tbl` is the recommendations, rewrites `rule` (that table's read rule) so that each
 * `FROM recommendation_follow_up <alias>` of it reads the follow-ups through their own app-role rule.
 */
export const RECOMMENDATION_RULE = `
        IF tbl = 'recommendation'::regclass THEN
          IF (SELECT count(*) FROM regexp_matches(rule, 'FROM (public\\.)?recommendation_follow_up [a-z_]+', 'g'))
             <> (SELECT count(*) FROM regexp_matches(rule, 'recommendation_follow_up', 'g')) THEN
            RAISE EXCEPTION 'the read rule of recommendation reads its follow-ups in a way search cannot apply'
              USING ERRCODE = 'feature_not_supported';
          END IF;
          rule := regexp_replace(rule, 'FROM (public\\.)?recommendation_follow_up ([a-z_]+)',
            'FROM (SELECT * FROM public.recommendation_follow_up WHERE '
              || replace(public.search_read_rule('recommendation_follow_up'), '\\', '\\\\') || ') \\2', 'g');
        END IF;`;

/**
 * `search_candidates` for the secured tables given. With recommendations, the read policy of `recommendation`
 * looks at its follow-ups in a sub-select that, run as the owner, would see every follow-up: each
 * `FROM recommendation_follow_up <alias>` of that rule is read through the follow-ups' own app-role rule instead,
 * and a rule that names the follow-ups in any other way is refused rather than applied too widely.
 */
export function candidatesFunction(tables: Secured[]): string {
  const cases = tables.map((t) => `WHEN '${t}'::regclass THEN 'public.${VECTORS[t]}'`).join('\n          ');
  const recommendation = tables.includes('recommendation') ? RECOMMENDATION_RULE : '';
  return `CREATE OR REPLACE FUNCTION search_candidates(tbl regclass, query tsquery) RETURNS SETOF uuid
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
      DECLARE
        vector text := CASE tbl
          ${cases} END;
        rule text := public.search_read_rule(tbl);
      BEGIN
        IF vector IS NULL THEN
          RAISE EXCEPTION 'no search of %', tbl USING ERRCODE = 'invalid_parameter_value';
        END IF;
        -- Evidence and review comments are read with their assessment: the assessment's rule too, which their
        -- policies' sub-select would not apply when run as the owner.
        IF tbl IN ('evidence'::regclass, 'review_comment'::regclass) THEN
          rule := rule || format(' AND EXISTS (SELECT 1 FROM assessment WHERE assessment.id = %s.assessment_id AND ',
            tbl) || public.search_read_rule('assessment') || ')';
        END IF;${recommendation}
        RETURN QUERY EXECUTE format('SELECT id FROM %s WHERE %s @@ $1 AND %s', tbl, vector, rule) USING query;
      END $fn$`;
}

/**
 * The folding function, the same letters folded the same way. `translate()` over the long list of letters to fold
 * compares every character of the text with every letter of the list, and was most of a search's time (the rank
 * and the snippet fold every hit's texts again): a text with no letter outside ASCII, which the list does not
 * hold, is only lowered, with the same result.
 */
const foldFunction = (fast: boolean) => `CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $fn$ BEGIN
  ${fast ? "IF value !~ '[^[:ascii:]]' THEN RETURN lower(value); END IF;" : ''}
  RETURN ${foldBody()}; END $fn$`;

/**
 * Recommendations in search: a vector of the reference and of the text in every language (folded like the
 * others), its GIN index, and `search_candidates` for the table, under the app role's read policies on
 * recommendations with their follow-ups' rule applied where the policy looks at them. And the folding of texts
 * made cheaper for those that need none.
 */
export class RecommendationSearch1766000000000 implements MigrationInterface {
  name = 'RecommendationSearch1766000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(foldFunction(true));
    await q.query(`CREATE FUNCTION recommendation_search_vector(reference text, text jsonb) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
        SELECT setweight(public.search_vector(reference), 'A') || setweight(public.search_vector(text), 'B')
      $fn$`);
    await q.query(`CREATE INDEX recommendation_search_idx ON recommendation
      USING gin ((public.${RECOMMENDATION_SEARCH_VECTORS.recommendation}))`);
    await q.query(candidatesFunction(['assessment', 'evidence', 'review_comment', 'recommendation']));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(candidatesFunction(['assessment', 'evidence', 'review_comment']));
    await q.query(`DROP INDEX recommendation_search_idx`);
    await q.query(`DROP FUNCTION recommendation_search_vector(text, jsonb)`);
    await q.query(foldFunction(false));
  }
}
