import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters folded to one Latin form so that a word is found whatever script or accents it is typed in: Serbian
 * and Macedonian Cyrillic to Latin, then the accents of the region's Latin alphabets (and of the usual Western
 * European ones) away. Both cases are listed so that the result does not depend on the database's locale.
 *
 * The extension `unaccent` exists on PostgreSQL 15 and in the embedded PostgreSQL, but the service asks for no
 * extension (docs/operations.md), and `unaccent` has no Cyrillic transliteration anyway: plain `replace` and
 * `translate`, which are IMMUTABLE and so may be indexed, do both.
 */
const DIGRAPHS: Array<[string, string]> = [
  ['љ', 'lj'],
  ['њ', 'nj'],
  ['џ', 'dz'],
  ['ђ', 'dj'],
  ['đ', 'dj'],
  ['ѓ', 'gj'],
  ['ќ', 'kj'],
  ['ѕ', 'dz'],
  ['ß', 'ss'],
];
const LETTERS: Array<[string, string]> = [
  ...[...'абвгдежзијклмнопрстћуфхцчшёйыэ'].map((c, i): [string, string] => [
    c,
    'abvgdezzijklmnoprstcufhccseiye'[i],
  ]),
  ...[
    ['a', 'àáâãäåāăą'],
    ['c', 'çćčĉċ'],
    ['d', 'ď'],
    ['e', 'èéêëēėęě'],
    ['g', 'ğĝ'],
    ['i', 'ìíîïīį'],
    ['l', 'łľĺ'],
    ['n', 'ñńň'],
    ['o', 'òóôõöøōő'],
    ['r', 'ŕř'],
    ['s', 'śšşș'],
    ['t', 'ťţț'],
    ['u', 'ùúûüūůűų'],
    ['y', 'ýÿ'],
    ['z', 'źżž'],
  ].flatMap(([to, from]) => [...from].map((c): [string, string] => [c, to])),
];

function bothCases(pairs: Array<[string, string]>): Array<[string, string]> {
  return pairs.flatMap(([from, to]) => {
    const upper = from.toUpperCase();
    return upper.length === 1 && upper !== from
      ? [[from, to] as [string, string], [upper, to]]
      : [[from, to]];
  });
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function foldBody(): string {
  let sql = 'lower(value)';
  for (const [from, to] of bothCases(DIGRAPHS)) sql = `replace(${sql}, ${literal(from)}, ${literal(to)})`;
  const letters = bothCases(LETTERS);
  const from = letters.map(([f]) => f).join('');
  const to = letters.map(([, t]) => t).join('');
  return `translate(${sql}, ${literal(from)}, ${literal(to)})`;
}

/** The tables searched and the expression of each one's text-search vector, indexed and searched as written. */
export const SEARCH_VECTORS = {
  indicator: 'indicator_search_vector(code, title, guidance, means_of_verification)',
  standard: 'standard_search_vector(reference, title, summary)',
  assessment: 'search_vector(narrative)',
  evidence: 'evidence_search_vector(title, citation, issuing_institution)',
  review_comment: 'search_vector(body)',
} as const;

/**
 * Full-text search across languages and scripts: a folding function, vectors of the searched columns (every
 * language of a multilingual text in one vector), GIN indexes on them, the query of a user's words (each word a
 * prefix), and the highlighted snippet in the original script. Functions call each other schema-qualified, so
 * that an index expression means the same in a restore, which runs with an empty search path.
 */
export class Search1765600000000 implements MigrationInterface {
  name = 'Search1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    const fn = (signature: string, returns: string, body: string) =>
      q.query(`CREATE FUNCTION ${signature} RETURNS ${returns}
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$ ${body} $fn$`);
    // PL/pgSQL, so that the planner keeps it a call: inlined, its 17 replaces would be copied into every use of
    // every vector, and planning a search would take longer than running it.
    // Its cost tells the planner to find rows through the indexes rather than fold every row's texts.
    await q.query(`CREATE FUNCTION search_fold(value text) RETURNS text
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $fn$ BEGIN RETURN ${foldBody()}; END $fn$`);
    await fn(
      'search_vector(value text)',
      'tsvector',
      `SELECT coalesce(to_tsvector('pg_catalog.simple'::regconfig, public.search_fold(value)), ''::tsvector)`,
    );
    // Every language of a multilingual text, in the order of their tags.
    await fn(
      'search_vector(value jsonb)',
      'tsvector',
      `SELECT public.search_vector((SELECT string_agg(t.value, ' ' ORDER BY t.key) FROM jsonb_each_text(value) t))`,
    );
    await fn(
      'indicator_search_vector(code text, title jsonb, guidance jsonb, means jsonb)',
      'tsvector',
      `SELECT setweight(public.search_vector(code), 'A') || setweight(public.search_vector(title), 'A')
        || setweight(public.search_vector(guidance), 'B') || setweight(public.search_vector(means), 'C')`,
    );
    await fn(
      'standard_search_vector(reference text, title jsonb, summary jsonb)',
      'tsvector',
      `SELECT setweight(public.search_vector(reference), 'A') || setweight(public.search_vector(title), 'A')
        || setweight(public.search_vector(summary), 'B')`,
    );
    await fn(
      'evidence_search_vector(title text, citation text, institution text)',
      'tsvector',
      `SELECT setweight(public.search_vector(title), 'A') || setweight(public.search_vector(citation), 'B')
        || setweight(public.search_vector(institution), 'C')`,
    );
    // A user's words, all of them required: whole words, and with `prefix` the last one as the start of a word (as
    // typed so far). A common word as a prefix would make the index gather every row holding it, so only the last.
    await fn(
      'search_query(query text, prefix boolean)',
      'tsquery',
      `SELECT coalesce(string_agg(quote_literal(t.lexeme) || CASE WHEN prefix AND t.lexeme = ANY (tsvector_to_array(
           public.search_vector(substring(query from '[^[:space:]]+[[:space:]]*$')))) THEN ':*' ELSE '' END, ' & '), '')::tsquery
       FROM unnest(public.search_vector(query)) t`,
    );
    // The snippet: the text that matches, in the caller's language when it does, else English, else the first that
    // does; its words that match, as written (any script and accents), make the query `ts_headline` highlights.
    await q.query(`CREATE FUNCTION search_snippet(texts jsonb[], query tsquery, preferred text, options text,
        OUT snippet_locale text, OUT snippet text)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
        WITH candidate AS (
          SELECT d.key AS locale, replace(replace(d.value, U&'\\E000', ''), U&'\\E001', '') AS body,
            public.search_vector(d.value) @@ query AS matches, f.n
          FROM unnest(texts) WITH ORDINALITY f(doc, n), jsonb_each_text(f.doc) d
          WHERE d.value <> ''
        ), chosen AS (
          SELECT locale, body FROM candidate
          ORDER BY matches DESC, locale = preferred DESC, locale = 'en' DESC, n, locale LIMIT 1
        )
        SELECT c.locale, ts_headline('pg_catalog.simple'::regconfig, c.body, coalesce((
            SELECT string_agg(DISTINCT quote_literal(lower(p.token)), ' | ')::tsquery
            FROM ts_parse('default', c.body) p
            WHERE p.tokid <> 12 AND public.search_vector(p.token) @@ query), query), options)
        FROM chosen c
      $fn$`);
    for (const [table, vector] of Object.entries(SEARCH_VECTORS)) {
      await q.query(`CREATE INDEX ${table}_search_idx ON ${table} USING gin ((public.${vector}))`);
    }
    // Under row-level security PostgreSQL checks a table's policies before any condition that is not leakproof,
    // and `@@` is not: a search of a secured table would read every row and never its index. This function,
    // the owner's, looks the words up in the index and keeps the rows that the app role's own read policies on
    // the table (as they stand, read from pg_policy) let the caller see: the ids of what the caller may read,
    // which the search then reads again under row-level security by primary key.
    const vectorOf = (table: keyof typeof SEARCH_VECTORS) => `'public.${SEARCH_VECTORS[table]}'`;
    await q.query(`CREATE FUNCTION search_read_rule(tbl regclass) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
        SELECT coalesce((SELECT '((' || string_agg(pg_get_expr(p.polqual, p.polrelid), ') OR (') || '))'
            FROM pg_policy p WHERE p.polrelid = tbl AND p.polcmd IN ('r', '*') AND p.polpermissive
              AND NOT (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user) = ANY (p.polroles)), 'false')
          || coalesce((SELECT ' AND (' || string_agg(pg_get_expr(p.polqual, p.polrelid), ') AND (') || ')'
            FROM pg_policy p WHERE p.polrelid = tbl AND p.polcmd IN ('r', '*') AND NOT p.polpermissive
              AND NOT (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user) = ANY (p.polroles)), '')
      $fn$`);
    await q.query(`CREATE FUNCTION search_candidates(tbl regclass, query tsquery) RETURNS SETOF uuid
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
      DECLARE
        vector text := CASE tbl
          WHEN 'assessment'::regclass THEN ${vectorOf('assessment')}
          WHEN 'evidence'::regclass THEN ${vectorOf('evidence')}
          WHEN 'review_comment'::regclass THEN ${vectorOf('review_comment')} END;
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
        END IF;
        RETURN QUERY EXECUTE format('SELECT id FROM %s WHERE %s @@ $1 AND %s', tbl, vector, rule) USING query;
      END $fn$`);
    await q.query(`REVOKE ALL ON FUNCTION search_read_rule(regclass) FROM PUBLIC`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION search_candidates(regclass, tsquery)`);
    await q.query(`DROP FUNCTION search_read_rule(regclass)`);
    for (const table of Object.keys(SEARCH_VECTORS)) await q.query(`DROP INDEX ${table}_search_idx`);
    await q.query(`DROP FUNCTION search_snippet(jsonb[], tsquery, text, text)`);
    await q.query(`DROP FUNCTION search_query(text, boolean)`);
    await q.query(`DROP FUNCTION evidence_search_vector(text, text, text)`);
    await q.query(`DROP FUNCTION standard_search_vector(text, jsonb, jsonb)`);
    await q.query(`DROP FUNCTION indicator_search_vector(text, jsonb, jsonb, jsonb)`);
    await q.query(`DROP FUNCTION search_vector(jsonb)`);
    await q.query(`DROP FUNCTION search_vector(text)`);
    await q.query(`DROP FUNCTION search_fold(text)`);
  }
}
