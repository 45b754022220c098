import type { DataSource, EntityManager } from 'typeorm';
import { assessmentVisibilitySql } from '../assessment/assessment.policy';
import { answerText } from '../assessment/assessment.service';
import { preparedQuery } from '../../db/request-transaction';
import type { NotScoredReason } from '../assessment/assessment.enums';
import type { Viewer } from '../auth/viewer';
import { evidenceVisibilitySql } from '../evidence/evidence.policy';
import { seesDraftFrameworks } from '../framework/framework.policy';
import { CellState, Trend } from './comparison.enums';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';

export interface ComparisonFilter {
  cycleId: string;
  areaCode?: string | null;
  indicatorIds?: string[] | null;
  countryCodes?: string[] | null;
}

/** One cell of the matrix: what one country recorded for one indicator, as the reader may see it. */
export interface CellData {
  indicatorId: string;
  indicatorCode: string;
  pillar: string;
  pillarAreaId: string;
  countryCode: string;
  state: CellState;
  assessmentId: string | null;
  score: number | null;
  notScoredReason: NotScoredReason | null;
  value: string | null;
  status: string | null;
  confidence: string | null;
  evidenceCount: number;
  trend: Trend;
  previousScore: number | null;
  previousCycleCode: string | null;
}

/**
 * A cell as the matrix statement sends it, an array rather than a row of its own: the indicator's columns come
 * once per indicator, and PostgreSQL's JSON is parsed natively instead of value by value.
 */
type MatrixCell = [
  countryCode: string,
  assessmentId: string | null,
  score: number | null,
  notScoredReason: NotScoredReason | null,
  valueNumber: number | null,
  valueBoolean: boolean | null,
  valueText: string | null,
  status: string | null,
  confidence: string | null,
  evidenceCount: number,
  previousScore: number | null,
  previousCycleCode: string | null,
];

export interface MatrixData {
  indicatorIds: string[];
  countryCodes: string[];
  cells: CellData[];
}

/** A reader who sees every cell of the country, so an empty cell there really is empty. */
export function seesWholeCountry(viewer: Viewer, countryCode: string): boolean {
  return can(viewer, Capability.ASSESSMENT_READ_DRAFT, { countryCode });
}

export function trendOf(answerType: string, score: number | null, previous: number | null): Trend {
  if (answerType !== 'SCORE' || score === null || previous === null) return Trend.NOT_COMPARABLE;
  if (score > previous) return Trend.IMPROVED;
  if (score < previous) return Trend.DETERIORATED;
  return Trend.NO_CHANGE;
}

/** The answer text of a raw assessment row, worded as `Assessment.value` words it. */
function answerOfRow(row: Record<string, unknown>): string | null {
  return answerText({
    score: (row.score as number | null) ?? null,
    notScoredReason: (row.not_scored_reason as NotScoredReason | null) ?? null,
    valueNumber: (row.value_number as number | null) ?? null,
    valueBoolean: (row.value_boolean as boolean | null) ?? null,
    valueText: (row.value_text as string | null) ?? null,
  });
}

/**
 * The comparison matrix in one statement, whatever the size of the framework: indicators × countries, each
 * cell joined to the visible assessment, the count of its visible evidence and the latest earlier visible answer
 * to a comparable indicator (same code and answer type) for the trend. The read rules are the SQL filters of
 * the assessment and evidence policies, so a cell never shows what the reader may not read.
 *
 * The trend looks back one cycle at a time, and only for the cells that have an answer now: each earlier cycle
 * that assessed a comparable indicator is numbered per indicator (latest first), and a cell asks the next one
 * through the unique index of (country, cycle, indicator) only while it has found no visible answer. Most
 * cells find it in the cycle before, so the statement reads about one earlier assessment per cell instead of
 * every earlier cycle's (at 50 countries × 300 indicators × 10 cycles: 15,000 rows instead of 135,000, and no
 * sort of them). That lookup is a subquery of its own (OFFSET 0), asked once per cell with all three keys: joined
 * in, the planner looked earlier answers up by country alone on small data (57 rows read per cell on the demo
 * data, half of the statement's time). Its text depends only on the reader's kind and on which filters are
 * given, so it is sent as a prepared statement, planned once per connection.
 */
export async function loadMatrix(
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
  const rows: Array<Record<string, unknown>> = await preparedQuery(
    db,
    `WITH RECURSIVE cyc AS (SELECT id, year, framework_version_id FROM monitoring_cycle WHERE id = $1),
     ind AS MATERIALIZED (
       SELECT i.id, i.code, i.answer_type, i.position, ar.pillar, coalesce(pa.id, ar.id) AS pillar_area_id FROM indicator i
       JOIN cyc ON cyc.framework_version_id = i.framework_version_id
       JOIN area ar ON ar.id = i.area_id LEFT JOIN area pa ON pa.id = ar.parent_id
       ${indicatorConditions.length ? `WHERE ${indicatorConditions.join(' AND ')}` : ''}),
     ctry AS (SELECT c.code FROM country c WHERE ${countryCondition}),
     earlier AS MATERIALIZED (
       SELECT ind.id AS indicator_id, pi.id AS earlier_indicator_id, pc.id AS cycle_id, pc.code AS cycle_code,
         row_number() OVER (PARTITION BY ind.id ORDER BY pc.year DESC, pc.code DESC)::int AS back
       FROM ind CROSS JOIN cyc
       JOIN indicator pi ON pi.code = ind.code AND pi.answer_type = ind.answer_type
       JOIN monitoring_cycle pc ON pc.framework_version_id = pi.framework_version_id AND pc.year < cyc.year),
     cell AS MATERIALIZED (
       SELECT ind.id AS indicator_id, ind.code AS indicator_code, ind.answer_type, ind.pillar, ind.pillar_area_id,
         ind.position, ctry.code AS country_code,
         a.id AS assessment_id, a.score, a.not_scored_reason, a.value_number, a.value_boolean, a.value_text,
         a.status, a.confidence
       FROM ind CROSS JOIN ctry
       LEFT JOIN assessment a ON a.cycle_id = $1 AND a.indicator_id = ind.id AND a.country_code = ctry.code AND ${visibleNow}),
     look (indicator_id, country_code, back, found, score, cycle_code) AS (
       SELECT indicator_id, country_code, 0, false, NULL::smallint, NULL::text FROM cell WHERE assessment_id IS NOT NULL
       UNION ALL
       SELECT look.indicator_id, look.country_code, look.back + 1, pa.id IS NOT NULL, pa.score, earlier.cycle_code
       FROM look
       JOIN earlier ON earlier.indicator_id = look.indicator_id AND earlier.back = look.back + 1
       LEFT JOIN LATERAL (SELECT pa.id, pa.score FROM assessment pa WHERE pa.country_code = look.country_code
         AND pa.cycle_id = earlier.cycle_id AND pa.indicator_id = earlier.earlier_indicator_id AND ${visibleBefore} OFFSET 0) pa
         ON true
       WHERE NOT look.found),
     ev AS (
       SELECT e.assessment_id, count(*) AS n FROM evidence e
       WHERE e.assessment_cycle_id = $1 AND e.country_code IN (SELECT code FROM ctry) AND ${visibleEvidence}
       GROUP BY e.assessment_id)
     SELECT cell.indicator_id, cell.indicator_code, cell.answer_type, cell.pillar, cell.pillar_area_id,
       json_agg(json_build_array(cell.country_code, cell.assessment_id, cell.score, cell.not_scored_reason,
         cell.value_number, cell.value_boolean, cell.value_text, cell.status, cell.confidence,
         coalesce(ev.n, 0)::int, prev.score, prev.cycle_code) ORDER BY cell.country_code) AS cells
     FROM cell
     LEFT JOIN ev ON ev.assessment_id = cell.assessment_id
     LEFT JOIN look prev ON prev.found AND prev.indicator_id = cell.indicator_id AND prev.country_code = cell.country_code
     GROUP BY cell.position, cell.indicator_id, cell.indicator_code, cell.answer_type, cell.pillar, cell.pillar_area_id
     ORDER BY cell.position, cell.indicator_id`,
    params,
  );
  const indicatorIds: string[] = [];
  const countryCodes: string[] = [];
  const cells: CellData[] = [];
  for (const row of rows) {
    const indicatorId = String(row.indicator_id);
    const indicatorCode = String(row.indicator_code);
    const answerType = String(row.answer_type);
    const pillar = String(row.pillar);
    const pillarAreaId = String(row.pillar_area_id);
    indicatorIds.push(indicatorId);
    for (const cell of row.cells as MatrixCell[]) {
      const [
        countryCode,
        assessmentId,
        score,
        notScoredReason,
        valueNumber,
        valueBoolean,
        valueText,
        status,
        confidence,
        evidenceCount,
        previous,
        previousCycleCode,
      ] = cell;
      // Every indicator has a cell for every country, in the same order: the first one names them all.
      if (indicatorIds.length === 1) countryCodes.push(countryCode);
      const visible = assessmentId !== null;
      const previousScore = visible ? previous : null;
      cells.push({
        indicatorId,
        indicatorCode,
        pillar,
        pillarAreaId,
        countryCode,
        state: visible
          ? CellState.ASSESSED
          : seesWholeCountry(viewer, countryCode)
            ? CellState.NOT_ASSESSED
            : CellState.HIDDEN,
        assessmentId,
        score,
        notScoredReason,
        value: visible ? answerText({ score, notScoredReason, valueNumber, valueBoolean, valueText }) : null,
        status,
        confidence,
        evidenceCount,
        trend: visible ? trendOf(answerType, score, previousScore) : Trend.NOT_COMPARABLE,
        previousScore,
        previousCycleCode: visible ? previousCycleCode : null,
      });
    }
  }
  return { indicatorIds, countryCodes, cells };
}

export interface HistoryRow {
  cycleId: string;
  indicatorId: string;
  state: CellState;
  score: number | null;
  value: string | null;
  status: string | null;
}

/** An indicator's answers for a country in every cycle that assessed a comparable indicator, oldest first. */
export async function loadHistory(
  db: DataSource | EntityManager,
  viewer: Viewer,
  indicatorId: string,
  countryCode: string,
): Promise<HistoryRow[]> {
  const params: unknown[] = [indicatorId, countryCode];
  const visible = assessmentVisibilitySql(viewer, 'a', params);
  // An indicator of a draft the reader may not see, and a country that does not exist, give no rows, as an
  // indicator that does not exist does: the resolver then says which argument names nothing.
  const target = seesDraftFrameworks(viewer)
    ? 't.id = $1'
    : `t.id = $1 AND EXISTS (SELECT 1 FROM framework_version v WHERE v.id = t.framework_version_id AND v.status = 'PUBLISHED')`;
  const rows: Array<Record<string, unknown>> = await db.query(
    `WITH target AS (SELECT t.code, t.answer_type FROM indicator t WHERE ${target})
     SELECT c.id AS cycle_id, i.id AS indicator_id, a.id AS assessment_id, a.score, a.not_scored_reason,
       a.value_number, a.value_boolean, a.value_text, a.status
     FROM target JOIN country k ON k.code = $2
       JOIN indicator i ON i.code = target.code AND i.answer_type = target.answer_type
     JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
     LEFT JOIN assessment a ON a.cycle_id = c.id AND a.indicator_id = i.id AND a.country_code = $2 AND ${visible}
     ORDER BY c.year, c.code`,
    params,
  );
  const whole = seesWholeCountry(viewer, countryCode);
  return rows.map((row) => ({
    cycleId: String(row.cycle_id),
    indicatorId: String(row.indicator_id),
    state:
      row.assessment_id !== null ? CellState.ASSESSED : whole ? CellState.NOT_ASSESSED : CellState.HIDDEN,
    score: (row.score as number | null) ?? null,
    value: row.assessment_id !== null ? answerOfRow(row) : null,
    status: (row.status as string | null) ?? null,
  }));
}
