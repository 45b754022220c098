import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { I18nText } from '../../common/i18n';
import type { Viewer } from '../auth/viewer';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import type { AnswerType } from '../indicator/indicator.enums';
import type { DimensionMap, StoredCell } from './breakdown-tables';
import { BreakdownCategory, BreakdownDimension, IndicatorBreakdown } from './breakdown.types';

/** The default of DISCLOSURE_MIN_COUNT, for contexts made without the settings (scripts, tests). */
export const DEFAULT_DISCLOSURE_MIN_COUNT = 5;

export function disclosureMinCount(ctx: RequestContext): number {
  return ctx.auth.disclosureMinCount ?? DEFAULT_DISCLOSURE_MIN_COUNT;
}

/** Every dimension with its categories, in one statement: the standard ones first, then by position. */
export async function loadDimensions(db: EntityManager): Promise<DimensionMap> {
  const rows: Array<{
    id: string;
    code: string;
    framework_id: string | null;
    title: I18nText;
    description: I18nText;
    exhaustive: boolean;
    country_codes: boolean;
    categories: Array<{ code: string; title: I18nText; unknown: boolean }>;
  }> = await db.query(
    `SELECT d.id, d.code, d.framework_id, d.title, d.description, d.exhaustive, d.country_codes,
       coalesce(jsonb_agg(jsonb_build_object('code', c.code, 'title', c.title, 'unknown', c.is_unknown)
         ORDER BY c.position, c.code) FILTER (WHERE c.code IS NOT NULL), '[]'::jsonb) AS categories
     FROM breakdown_dimension d LEFT JOIN breakdown_category c ON c.dimension_id = d.id
     GROUP BY d.id ORDER BY d.framework_id NULLS FIRST, d.position, d.code`,
  );
  return new Map(
    rows.map((row) => [
      row.code,
      Object.assign(new BreakdownDimension(), {
        id: row.id,
        code: row.code,
        frameworkId: row.framework_id,
        titleText: row.title,
        descriptionText: row.description,
        exhaustive: row.exhaustive,
        countryCodes: row.country_codes,
        categories: row.categories.map((c) =>
          Object.assign(new BreakdownCategory(), {
            dimensionCode: row.code,
            code: c.code,
            titleText: c.title,
            unknown: c.unknown,
          }),
        ),
      }),
    ]),
  );
}

/** The combinations the indicators expect, in their order. */
export async function findIndicatorBreakdowns(
  ctx: RequestContext,
  indicatorIds: readonly string[],
): Promise<IndicatorBreakdown[]> {
  const rows: Array<{ indicator_id: string; dimension_codes: string[] }> = await ctx.db.query(
    `SELECT indicator_id, dimension_codes FROM indicator_breakdown WHERE indicator_id = ANY($1::uuid[])
     ORDER BY indicator_id, position`,
    [indicatorIds],
  );
  return rows.map((r) =>
    Object.assign(new IndicatorBreakdown(), {
      indicatorId: r.indicator_id,
      dimensionCodes: r.dimension_codes,
    }),
  );
}

export interface AssessmentCells {
  assessmentId: string;
  answerType: AnswerType;
  cell: StoredCell;
}

/** The recorded cells of the assessments, with their indicator's answer type; row-level security applies. */
export async function findCellsOfAssessments(
  db: EntityManager,
  assessmentIds: readonly string[],
): Promise<AssessmentCells[]> {
  const rows: Array<{
    assessment_id: string;
    answer_type: AnswerType;
    dimension_codes: string[];
    category_codes: string[];
    value: number;
  }> = await db.query(
    `SELECT b.assessment_id, i.answer_type, b.dimension_codes, b.category_codes, b.value
     FROM assessment_breakdown b JOIN assessment a ON a.id = b.assessment_id JOIN indicator i ON i.id = a.indicator_id
     WHERE b.assessment_id = ANY($1::uuid[]) ORDER BY b.assessment_id, b.dimension_codes, b.category_codes`,
    [assessmentIds],
  );
  return rows.map((r) => ({
    assessmentId: r.assessment_id,
    answerType: r.answer_type,
    cell: { dimensionCodes: r.dimension_codes, categoryCodes: r.category_codes, value: Number(r.value) },
  }));
}

export interface HistoryAssessment {
  cycleId: string;
  indicatorId: string;
  assessmentId: string | null;
  countryCode: string;
  total: number | null;
}

/**
 * The country's assessments of an indicator and of the comparable ones of other framework versions (same code
 * and answer type), one row per cycle that used such an indicator, oldest first; the assessment is null where
 * there is none or the reader may not see it.
 */
export async function findHistory(
  db: EntityManager,
  viewer: Viewer,
  indicatorId: string,
  countryCode: string,
): Promise<HistoryAssessment[]> {
  const params: unknown[] = [indicatorId, countryCode];
  const visible = assessmentVisibilitySql(viewer, 'a', params);
  const rows: Array<{
    cycle_id: string;
    indicator_id: string;
    assessment_id: string | null;
    value_number: number | null;
  }> = await db.query(
    `WITH target AS (SELECT t.code, t.answer_type FROM indicator t WHERE t.id = $1)
     SELECT c.id AS cycle_id, i.id AS indicator_id, a.id AS assessment_id, a.value_number
     FROM target JOIN country k ON k.code = $2
       JOIN indicator i ON i.code = target.code AND i.answer_type = target.answer_type
       JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       LEFT JOIN assessment a ON a.cycle_id = c.id AND a.indicator_id = i.id AND a.country_code = $2 AND ${visible}
     ORDER BY c.year, c.code`,
    params,
  );
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    indicatorId: r.indicator_id,
    assessmentId: r.assessment_id,
    countryCode,
    total: r.assessment_id === null || r.value_number === null ? null : Number(r.value_number),
  }));
}
