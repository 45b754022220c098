import type { RequestContext } from '../../common/context';
import { preparedQuery } from '../../db/request-transaction';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import type { StoredCell } from '../breakdown/breakdown-tables';
import type { AnswerType } from '../indicator/indicator.enums';

/** One country's answer to the indicator with its recorded cells, as read live or from an edition. */
export interface CountryCells {
  countryCode: string;
  /** Null where the reader may not see the assessment, or there is none. */
  assessmentId: string | null;
  total: number | null;
  /** Live: the cells as stored, to be built into tables for this reader. */
  cells: StoredCell[];
  /** From an edition: the tables as the public read them at publication, already suppressed. */
  editionTables: EditionTable[] | null;
}

export interface EditionTable {
  dimensions: string[];
  cells: Array<{ categories: string[]; value: number | null; suppressed: boolean }>;
}

export interface ComparisonCells {
  editionId: string | null;
  answerType: AnswerType;
  countries: CountryCells[];
}

/**
 * Every country's assessment of one indicator in a cycle with its breakdown cells, in one statement whatever the
 * number of countries: the countries are joined to the assessment the reader may see (the assessment policy's
 * SQL, with row-level security below it) and each assessment's cells are gathered as JSON beside it.
 */
export async function loadLiveCells(
  ctx: RequestContext,
  cycleId: string,
  indicatorId: string,
  answerType: AnswerType,
  countryCodes: string[] | null,
): Promise<ComparisonCells> {
  const params: unknown[] = [cycleId, indicatorId, countryCodes];
  const visible = assessmentVisibilitySql(ctx.viewer, 'a', params);
  const rows: Array<{
    country_code: string;
    assessment_id: string | null;
    value_number: number | null;
    cells: Array<{ d: string[]; c: string[]; v: number }>;
  }> = await preparedQuery(
    ctx.db,
    `SELECT k.code AS country_code, a.id AS assessment_id, a.value_number,
       coalesce((SELECT jsonb_agg(jsonb_build_object('d', b.dimension_codes, 'c', b.category_codes, 'v', b.value)
           ORDER BY b.dimension_codes, b.category_codes)
         FROM assessment_breakdown b WHERE b.assessment_id = a.id), '[]'::jsonb) AS cells
     FROM country k
     LEFT JOIN assessment a ON a.cycle_id = $1 AND a.indicator_id = $2 AND a.country_code = k.code AND ${visible}
     WHERE $3::text[] IS NULL OR k.code = ANY($3::text[])
     ORDER BY k.code`,
    params,
  );
  return {
    editionId: null,
    answerType,
    countries: rows.map((row) => ({
      countryCode: row.country_code,
      assessmentId: row.assessment_id,
      total: row.assessment_id === null || row.value_number === null ? null : Number(row.value_number),
      cells: row.cells.map((c) => ({ dimensionCodes: c.d, categoryCodes: c.c, value: Number(c.v) })),
      editionTables: null,
    })),
  };
}

/**
 * The same from a published edition (the given number, or the latest), in one statement: the edition's
 * assessments of the indicator are picked out of its content once and joined to its countries. Null when the
 * cycle has no such edition.
 */
export async function loadEditionCells(
  ctx: RequestContext,
  cycleId: string,
  number: number | null,
  indicatorId: string,
  answerType: AnswerType,
  countryCodes: string[] | null,
): Promise<ComparisonCells | null> {
  const rows: Array<{
    edition_id: string;
    country_code: string | null;
    assessment: { id: string; valueNumber: number | null; breakdown?: EditionTable[] } | null;
  }> = await ctx.db.query(
    `WITH e AS (SELECT id, content FROM edition WHERE cycle_id = $1 AND ($2::int IS NULL OR number = $2)
                ORDER BY number DESC LIMIT 1),
       a AS (SELECT x.a FROM e CROSS JOIN jsonb_array_elements(e.content->'assessments') AS x(a)
             WHERE x.a->>'indicatorId' = $3)
     SELECT e.id AS edition_id, k.code AS country_code, a.a AS assessment
     FROM e LEFT JOIN LATERAL (
         SELECT code, n FROM jsonb_array_elements_text(e.content->'countryCodes') WITH ORDINALITY AS c(code, n)
         WHERE $4::text[] IS NULL OR code = ANY($4::text[])) k ON true
       LEFT JOIN a ON a.a->>'countryCode' = k.code
     ORDER BY k.n`,
    [cycleId, number, indicatorId, countryCodes],
  );
  if (rows.length === 0) return null;
  ctx.responseCache.usedEdition(rows[0].edition_id, cycleId);
  return {
    editionId: rows[0].edition_id,
    answerType,
    countries: rows
      .filter((row) => row.country_code !== null)
      .map((row) => ({
        countryCode: row.country_code!,
        assessmentId: row.assessment?.id ?? null,
        total:
          row.assessment?.valueNumber === null || row.assessment?.valueNumber === undefined
            ? null
            : Number(row.assessment.valueNumber),
        cells: [],
        editionTables: row.assessment ? (row.assessment.breakdown ?? []) : null,
      })),
  };
}
