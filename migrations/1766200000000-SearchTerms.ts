import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764600000000-RowLevelSecurity';
import { appRoles } from './app-role';
import { SEARCH_VECTORS } from './1765600000000-Search';
import {
  candidatesFunction,
  RECOMMENDATION_RULE,
  RECOMMENDATION_SEARCH_VECTORS,
} from './1766000000000-RecommendationSearch';

type Searched = keyof typeof SEARCH_VECTORS | keyof typeof RECOMMENDATION_SEARCH_VECTORS;
const VECTORS: Record<Searched, string> = { ...SEARCH_VECTORS, ...RECOMMENDATION_SEARCH_VECTORS };
const TABLES = Object.keys(VECTORS) as Searched[];

/** The columns a vector is made of, as its expression names them. */
function columnsOf(table: Searched): string[] {
  return /\(([^()]*)\)$/.exec(VECTORS[table])![1].split(', ');
}

/** The vector of a row, its columns read from `row` (`NEW`, or a transition table's alias). */
function vectorOf(table: Searched, row: string): string {
  return `public.${VECTORS[table].replace(
    /\(([^()]*)\)$/,
    () =>
      `(${columnsOf(table)
        .map((c) => `${row}.${c}`)
        .join(', ')})`,
  )}`;
}

/**
 * The rule a search applies to a table, as the app role's read policies on it stand (`search_read_rule`), with
 * what a rule run as the owner would miss: evidence and review comments are read with their assessment, so the
 * assessment's rule too; the recommendations' rule reads follow-ups through the follow-ups' own rule. A table
 * without row security is searched whole, as the app role reads it.
 */
const RULE_FUNCTION = `CREATE FUNCTION search_rule(tbl regclass) RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
  DECLARE
    rule text;
  BEGIN
    IF NOT (SELECT c.relrowsecurity FROM pg_class c WHERE c.oid = tbl) THEN
      RETURN 'true';
    END IF;
    rule := public.search_read_rule(tbl);
    IF tbl IN ('evidence'::regclass, 'review_comment'::regclass) THEN
      rule := rule || format(' AND EXISTS (SELECT 1 FROM assessment WHERE assessment.id = %s.assessment_id AND ',
        tbl) || public.search_read_rule('assessment') || ')';
    END IF;${RECOMMENDATION_RULE}
    RETURN rule;
  END $fn$`;

/**
 * What the searched tables' rules are made of: every policy (its row version, so that a changed policy counts)
 * and whether each searched table has row security. `search_rule` deparses policies, the larger part of a
 * search's time; its results are kept in `search_rule_cache` with this fingerprint, and a cached rule is used
 * only while the fingerprint still matches: a policy changed since falls back to `search_rule` itself.
 */
const POLICIES_FUNCTION = `CREATE FUNCTION search_policies() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
    SELECT md5(coalesce((SELECT string_agg(p.oid::text || ':' || p.xmin::text, ',' ORDER BY p.oid) FROM pg_policy p), '')
      || '|' || (SELECT string_agg(c.oid::text || ':' || c.relrowsecurity::text, ',' ORDER BY c.oid) FROM pg_class c
        WHERE c.oid = ANY (ARRAY[${TABLES.map((t) => `'${t}'`).join(', ')}]::regclass[])))
  $fn$`;

const REFRESH_FUNCTION = `CREATE FUNCTION search_rules_refresh() RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
    DELETE FROM public.search_rule_cache;
    INSERT INTO public.search_rule_cache (tbl, rule, policies)
      SELECT t, public.search_rule(t), public.search_policies()
      FROM unnest(ARRAY[${TABLES.map((t) => `'${t}'`).join(', ')}]::regclass[]) t;
  $fn$`;

/**
 * Every match of the words in the tables given that the caller may read, with its rank, in one statement planned
 * once: each table's stored terms looked up in their index, joined to the row by key, and kept under the table's
 * rule (cached, see `search_policies`). Whole words (`exact`) rank above word starts (`prefix`, the words as
 * matched).
 */
const MATCHES_FUNCTION = `CREATE FUNCTION search_matches(tables regclass[], prefix tsquery, exact tsquery)
  RETURNS TABLE (tbl regclass, id uuid, rank float8)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public ROWS 100 AS $fn$
  DECLARE
    t regclass;
    parts text[] := '{}';
    fingerprint text := public.search_policies();
    rule text;
  BEGIN
    FOR t IN SELECT DISTINCT x FROM unnest(tables) x ORDER BY x LOOP
      IF t IS NULL OR NOT t::text = ANY (ARRAY[${TABLES.map((t) => `'${t}'`).join(', ')}]) THEN
        RAISE EXCEPTION 'no search of %', t USING ERRCODE = 'invalid_parameter_value';
      END IF;
      rule := (SELECT c.rule FROM public.search_rule_cache c WHERE c.tbl = t AND c.policies = fingerprint);
      parts := parts || format('SELECT %L::regclass, %s.id, (ts_rank(s.terms, $1) + ts_rank(s.terms, $2))::float8
        FROM public.%I s JOIN %s ON %s.id = s.row_id WHERE s.terms @@ $1 AND (%s)',
        t, t, t::text || '_search', t, t, coalesce(rule, public.search_rule(t)));
    END LOOP;
    IF cardinality(parts) > 0 THEN
      RETURN QUERY EXECUTE array_to_string(parts, ' UNION ALL ') USING prefix, exact;
    END IF;
  END $fn$`;

/**
 * Stored search terms. A search ranked every hit by folding its texts again (the vector of the expression index
 * was not kept anywhere it could be read), and looked each secured table up in a statement of its own, planned
 * on every call: most of its time. Each searched table gets `<table>_search (row_id, terms)`, kept by triggers
 * (one statement per insert, one row per change of the texts), its GIN index instead of the expression index;
 * `search_matches` finds and ranks in all of them at once. The terms are the same vectors as before, so ranks
 * and results do not change; `search_candidates(table, query)` is now `search_matches` of one table.
 *
 * The term tables hold the words of confidential texts: no one but the owner reads them (the triggers and
 * `search_matches` run as the owner), and the grants that new tables get by default are taken back. The rules
 * are kept deparsed in `search_rule_cache`, refreshed by `search_rules_refresh()` here, at every start and after
 * every run of the migrations (src/db/search-rules.ts), and used only while the policies are those they were
 * made from.
 */
export class SearchTerms1766200000000 implements MigrationInterface {
  name = 'SearchTerms1766200000000';

  public async up(q: QueryRunner): Promise<void> {
    // New tables are granted to the role the migrations grant to; the database's own role may hold them too.
    const roles = [...new Set([...(await appRoles(q)), APP_ROLE])].map(
      (role) => `"${role.replace(/"/g, '""')}"`,
    );
    for (const table of TABLES) {
      const columns = columnsOf(table);
      await q.query(`CREATE TABLE ${table}_search (
        row_id uuid PRIMARY KEY REFERENCES ${table} (id) ON DELETE CASCADE,
        terms tsvector NOT NULL)`);
      await q.query(`REVOKE ALL ON ${table}_search FROM ${roles.join(', ')}`);
      await q.query(
        `INSERT INTO ${table}_search (row_id, terms) SELECT t.id, ${vectorOf(table, 't')} FROM ${table} t`,
      );
      await q.query(`CREATE INDEX ${table}_search_terms_idx ON ${table}_search USING gin (terms)`);
      await q.query(`DROP INDEX ${table}_search_idx`);
      await q.query(`CREATE FUNCTION ${table}_search_insert() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$ BEGIN
          INSERT INTO public.${table}_search (row_id, terms) SELECT n.id, ${vectorOf(table, 'n')} FROM new_rows n;
          RETURN NULL;
        END $fn$`);
      await q.query(`CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_search_insert()`);
      await q.query(`CREATE FUNCTION ${table}_search_update() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$ BEGIN
          UPDATE public.${table}_search SET terms = ${vectorOf(table, 'NEW')} WHERE row_id = NEW.id;
          RETURN NULL;
        END $fn$`);
      await q.query(`CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${columns.join(', ')} ON ${table}
        FOR EACH ROW WHEN (${columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
        EXECUTE FUNCTION ${table}_search_update()`);
      for (const fn of ['insert', 'update'])
        await q.query(`REVOKE ALL ON FUNCTION ${table}_search_${fn}() FROM PUBLIC`);
    }
    await q.query(RULE_FUNCTION);
    await q.query(POLICIES_FUNCTION);
    await q.query(
      `CREATE TABLE search_rule_cache (tbl regclass PRIMARY KEY, rule text NOT NULL, policies text NOT NULL)`,
    );
    await q.query(`REVOKE ALL ON search_rule_cache FROM ${roles.join(', ')}`);
    await q.query(REFRESH_FUNCTION);
    for (const fn of ['search_rule(regclass)', 'search_policies()', 'search_rules_refresh()'])
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    await q.query(MATCHES_FUNCTION);
    await q.query(`SELECT search_rules_refresh()`);
    await q.query(`CREATE OR REPLACE FUNCTION search_candidates(tbl regclass, query tsquery) RETURNS SETOF uuid
      LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $fn$
        SELECT m.id FROM public.search_matches(ARRAY[tbl], query, query) m
      $fn$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(candidatesFunction(['assessment', 'evidence', 'review_comment', 'recommendation']));
    await q.query(`DROP FUNCTION search_matches(regclass[], tsquery, tsquery)`);
    await q.query(`DROP FUNCTION search_rules_refresh()`);
    await q.query(`DROP TABLE search_rule_cache`);
    await q.query(`DROP FUNCTION search_policies()`);
    await q.query(`DROP FUNCTION search_rule(regclass)`);
    for (const table of [...TABLES].reverse()) {
      await q.query(`DROP TRIGGER ${table}_search_update ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_search_insert ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_search_update()`);
      await q.query(`DROP FUNCTION ${table}_search_insert()`);
      await q.query(`CREATE INDEX ${table}_search_idx ON ${table} USING gin ((public.${VECTORS[table]}))`);
      await q.query(`DROP TABLE ${table}_search`);
    }
  }
}
