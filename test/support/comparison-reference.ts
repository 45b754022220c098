import type { DataSource, EntityManager } from 'typeorm';
import { assessmentVisibilitySql } from '../../src/modules/assessment/assessment.policy';
import { answerText } from '../../src/modules/assessment/assessment.service';
import type { NotScoredReason } from '../../src/modules/assessment/assessment.enums';
import type { Viewer } from '../../src/modules/auth/viewer';
import { CellState, Trend } from '../../src/modules/comparison/comparison.enums';
import type { CellData, ComparisonFilter, MatrixData } from '../../src/modules/comparison/comparison.service';
import { trendOf } from '../../src/modules/comparison/comparison.service';
import { evidenceVisibilitySql } from '../../src/modules/evidence/evidence.policy';
import { Role } from '../../src/modules/user/user.enums';

/**
 * The comparison matrix as the service read it before its statement was rewritten for scale (one pass over every
 * earlier cycle's assessments for the trend): kept word for word as the reference its answers are compared with.
 */

/** The rule as it was written then: admins, and the partners working on the country. */
const COUNTRY_ROLES: Role[] = [Role.COUNTRY_LEAD, Role.COUNTRY_EDITOR, Role.COUNTRY_VIEWER];
function seesWholeCountry(viewer: Viewer, countryCode: string): boolean {
  if (viewer.kind === 'anonymous') return false;
  return (
    viewer.role === Role.ADMIN ||
    (viewer.role !== null && COUNTRY_ROLES.includes(viewer.role) && viewer.countries.includes(countryCode))
  );
}

function answerOfRow(row: Record<string, unknown>): string | null {
  return answerText({
    score: (row.score as number | null) ?? null,
    notScoredReason: (row.not_scored_reason as NotScoredReason | null) ?? null,
    valueNumber: (row.value_number as number | null) ?? null,
    valueBoolean: (row.value_boolean as boolean | null) ?? null,
    valueText: (row.value_text as string | null) ?? null,
  });
}

export async function loadMatrixAsBefore(
  db: DataSource | EntityManager,
  viewer: Viewer,
  filter: ComparisonFilter,
): Promise<MatrixData> {
  const params: unknown[] = [filter.cycleId];
  const indicatorConditions: string[] = [];
  if (filter.areaCode) {
    params.push(filter.areaCode);
    indicatorConditions.push(`(ar.code = $${params.length} OR pa.code = $${params.length})`);
  }
  if (filter.indicatorIds?.length) {
    params.push(filter.indicatorIds);
    indicatorConditions.push(`i.id = ANY($${params.length}::uuid[])`);
  }
  let countryCondition = 'true';
  if (filter.countryCodes?.length) {
    params.push(filter.countryCodes);
    countryCondition = `c.code = ANY($${params.length}::text[])`;
  }
  const visibleNow = assessmentVisibilitySql(viewer, 'a', params);
  const visibleBefore = assessmentVisibilitySql(viewer, 'pa', params);
  const visibleEvidence = evidenceVisibilitySql(viewer, 'e', params);
  const rows: Array<Record<string, unknown>> = await db.query(
    `WITH cyc AS (SELECT id, year, framework_version_id FROM monitoring_cycle WHERE id = $1),
     ind AS (
       SELECT i.id, i.code, i.answer_type, i.position, ar.pillar, coalesce(pa.id, ar.id) AS pillar_area_id FROM indicator i
       JOIN cyc ON cyc.framework_version_id = i.framework_version_id
       JOIN area ar ON ar.id = i.area_id LEFT JOIN area pa ON pa.id = ar.parent_id
       ${indicatorConditions.length ? `WHERE ${indicatorConditions.join(' AND ')}` : ''}),
     ctry AS (SELECT c.code FROM country c WHERE ${countryCondition}),
     prev AS (
       SELECT DISTINCT ON (ind.id, pa.country_code) ind.id AS indicator_id, pa.country_code, pa.score,
         pc.code AS cycle_code
       FROM ind CROSS JOIN cyc
       JOIN indicator pi ON pi.code = ind.code AND pi.answer_type = ind.answer_type
       JOIN monitoring_cycle pc ON pc.framework_version_id = pi.framework_version_id AND pc.year < cyc.year
       JOIN assessment pa ON pa.cycle_id = pc.id AND pa.indicator_id = pi.id
       WHERE pa.country_code IN (SELECT code FROM ctry) AND ${visibleBefore}
       ORDER BY ind.id, pa.country_code, pc.year DESC, pc.code DESC)
     SELECT ind.id AS indicator_id, ind.code AS indicator_code, ind.answer_type, ind.pillar, ind.pillar_area_id,
       ctry.code AS country_code,
       a.id AS assessment_id, a.score, a.not_scored_reason, a.value_number, a.value_boolean, a.value_text,
       a.status, a.confidence, coalesce(ev.n, 0)::int AS evidence_count, prev.score AS previous_score,
       prev.cycle_code AS previous_cycle_code
     FROM ind CROSS JOIN ctry CROSS JOIN cyc
     LEFT JOIN assessment a ON a.cycle_id = $1 AND a.indicator_id = ind.id AND a.country_code = ctry.code AND ${visibleNow}
     LEFT JOIN LATERAL (SELECT count(*) AS n FROM evidence e WHERE e.assessment_id = a.id AND ${visibleEvidence}) ev ON a.id IS NOT NULL
     LEFT JOIN prev ON prev.indicator_id = ind.id AND prev.country_code = ctry.code
     ORDER BY ind.position, ind.id, ctry.code`,
    params,
  );
  const indicatorIds: string[] = [];
  const countryCodes: string[] = [];
  const cells = rows.map((row): CellData => {
    const indicatorId = String(row.indicator_id);
    const countryCode = String(row.country_code);
    if (indicatorIds[indicatorIds.length - 1] !== indicatorId) indicatorIds.push(indicatorId);
    if (!countryCodes.includes(countryCode)) countryCodes.push(countryCode);
    const visible = row.assessment_id !== null;
    const score = (row.score as number | null) ?? null;
    const previousScore = visible ? ((row.previous_score as number | null) ?? null) : null;
    return {
      indicatorId,
      indicatorCode: String(row.indicator_code),
      pillar: String(row.pillar),
      pillarAreaId: String(row.pillar_area_id),
      countryCode,
      state: visible
        ? CellState.ASSESSED
        : seesWholeCountry(viewer, countryCode)
          ? CellState.NOT_ASSESSED
          : CellState.HIDDEN,
      assessmentId: visible ? String(row.assessment_id) : null,
      score,
      notScoredReason: (row.not_scored_reason as NotScoredReason | null) ?? null,
      value: visible ? answerOfRow(row) : null,
      status: (row.status as string | null) ?? null,
      confidence: (row.confidence as string | null) ?? null,
      evidenceCount: Number(row.evidence_count),
      trend: visible ? trendOf(String(row.answer_type), score, previousScore) : Trend.NOT_COMPARABLE,
      previousScore,
      previousCycleCode: visible ? ((row.previous_cycle_code as string | null) ?? null) : null,
    };
  });
  return { indicatorIds, countryCodes, cells };
}
