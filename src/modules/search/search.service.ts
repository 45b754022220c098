import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { badUserInput } from '../../common/errors';
import { type I18nText, resolveText } from '../../common/i18n';
import { SearchKind } from './search.enums';
import { MATCHED, PREFIX_QUERY, SEARCH_SOURCES, SEARCH_TABLES } from './search.sources';
import type { SearchHit, SnippetPart } from './search.types';

export interface SearchFilter {
  query: string;
  kinds: SearchKind[] | null;
  countryCode: string | null;
  cycleId: string | null;
}

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 10;

// ts_headline marks the matching words with two private-use characters, removed from the texts beforehand.
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS =
  `StartSel="${START}", StopSel="${STOP}", MaxWords=30, MinWords=12, ShortWord=2, ` +
  `MaxFragments=2, FragmentDelimiter=" … "`;

/** The query's words, checked: some letter or digit, not too long, not too many. */
export function checkQuery(query: string): string {
  const trimmed = query.trim();
  if (trimmed.length > MAX_QUERY_LENGTH)
    throw badUserInput(`query must be at most ${MAX_QUERY_LENGTH} characters.`, { argument: 'query' });
  const words = trimmed.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0)
    throw badUserInput('query must hold at least one word (a letter or a digit).', { argument: 'query' });
  if (words.length > MAX_QUERY_WORDS)
    throw badUserInput(`query must hold at most ${MAX_QUERY_WORDS} words.`, { argument: 'query' });
  return trimmed;
}

/**
 * The search as one statement: the matches the caller may read with their ranks (`matched`), each kind's source
 * (search.sources.ts) reading its rows under its own row rules, all of them ranked together, the total counted over what the viewer may read only, and the snippets made for the page's
 * rows alone. Row-level security applies under it as under every other read.
 */
function searchSql(ctx: RequestContext, params: unknown[], window: PageWindow): string {
  const sources = Object.values(SearchKind).map((kind) => SEARCH_SOURCES[kind](ctx.viewer, params));
  params.push(ctx.locale, HEADLINE_OPTIONS);
  const [locale, options] = [`$${params.length - 1}::text`, `$${params.length}::text`];
  params.push(window.offset, window.limit);
  const [offset, limit] = [`$${params.length - 1}::bigint`, `$${params.length}::bigint`];
  return `WITH ${MATCHED},
    hits AS MATERIALIZED (${sources.join('\n    UNION ALL\n    ')}),
    page AS (SELECT * FROM hits ORDER BY rank DESC, kind, id OFFSET ${offset} LIMIT ${limit})
    SELECT (SELECT count(*) FROM hits)::int AS total, p.kind, p.id, p.rank, p.label, p.title, p.country_code,
      p.cycle_id, p.assessment_id, p.indicator_id, s.snippet_locale, s.snippet
    FROM (SELECT 1) one
    LEFT JOIN page p ON true
    LEFT JOIN LATERAL public.search_snippet(p.texts, ${PREFIX_QUERY}, ${locale}, ${options}) s ON true
    ORDER BY p.rank DESC, p.kind, p.id`;
}

interface HitRow {
  total: number;
  kind: SearchKind | null;
  id: string;
  rank: number;
  label: string;
  title: I18nText;
  country_code: string | null;
  cycle_id: string | null;
  assessment_id: string | null;
  indicator_id: string | null;
  snippet_locale: string | null;
  snippet: string | null;
}

/** Splits a headline at its marks: the matching words apart from the text around them. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of headline.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (piece) parts.push({ text: piece, match: index % 2 === 1 });
  }
  return parts;
}

export async function search(
  ctx: RequestContext,
  filter: SearchFilter,
  window: PageWindow,
): Promise<Page<SearchHit>> {
  const kinds = filter.kinds?.length ? [...new Set(filter.kinds)] : Object.values(SearchKind);
  const tables = kinds.map((kind) => SEARCH_TABLES[kind]);
  const params: unknown[] = [filter.query, filter.countryCode, filter.cycleId, tables];
  const sql = searchSql(ctx, params, window);
  // Planned per request, not prepared: the generic plan PostgreSQL settles on for it took 19 ms where a plan for
  // the values given takes 14 (docs/performance.md, "Search at scale").
  const rows: HitRow[] = await ctx.db.query(sql, params);
  const items = rows
    .filter((row) => row.kind !== null)
    .map((row): SearchHit => {
      const headline = row.snippet ?? '';
      return {
        kind: row.kind as SearchKind,
        id: row.id,
        rank: row.rank,
        label: row.label,
        title: resolveText(row.title, ctx.locale).text,
        snippet: {
          locale: row.snippet_locale || null,
          text: headline.replace(new RegExp(`[${START}${STOP}]`, 'g'), ''),
          parts: snippetParts(headline),
        },
        countryCode: row.country_code,
        cycleId: row.cycle_id,
        assessmentId: row.assessment_id,
        indicatorId: row.indicator_id,
      };
    });
  return { items, totalCount: rows[0]?.total ?? 0, window };
}
