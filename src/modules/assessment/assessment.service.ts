import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, loadPages } from '../../common/paging';
import { attachPrefetched, propertiesForFields } from '../../common/fast-read';
import { forbidden } from '../../common/errors';
import type { CycleStatus } from '../cycle/cycle.enums';
import { evidencePageOf, evidencePageSelect } from '../evidence/evidence.service';
import { Indicator } from '../indicator/indicator.entity';
import { Assessment } from './assessment.entity';
import { assessmentVisibilitySql, canReadAssessment } from './assessment.policy';
import type { AssessmentFilter } from './assessment.types';

const INDICATOR_JOIN = 'JOIN indicator i ON i.id = t.indicator_id';
const ORDER = 't.country_code, i.position, t.id';
const INDICATOR_PREFIX = '__i_';
const INDICATOR_RELATED: Record<string, string[]> = {
  area: ['areaId'],
  frameworkVersion: ['frameworkVersionId'],
  standards: ['id'],
};

/**
 * The indicator's columns beside each assessment's: the list joins the indicator anyway for its order, so a page
 * also fills the indicator loader and `Assessment.indicator` costs no statement of its own. Every reader may see
 * these indicators: a cycle only uses a published framework version, and an assessment only that version's
 * indicators (both held by triggers).
 */
function withIndicators(ctx: RequestContext, fields: Set<string> | null = null) {
  const metadata = ctx.db.connection.getMetadata(Indicator);
  const properties = propertiesForFields(metadata, fields, ['id'], INDICATOR_RELATED);
  const columns = metadata.columns.filter((c) => !properties || properties.has(c.propertyName));
  return {
    select: columns.map((c) => `i.${c.databaseName} AS "${INDICATOR_PREFIX}${c.databaseName}"`).join(', '),
    prime: (assessment: Assessment, row: Record<string, unknown>) => {
      const indicator = metadata.create() as Indicator;
      for (const column of columns) {
        (indicator as unknown as Record<string, unknown>)[column.propertyName] =
          row[INDICATOR_PREFIX + column.databaseName];
      }
      // Only a whole indicator may serve the rest of the request.
      if (!properties) ctx.loaders.indicator.byId.prime(indicator.id, indicator);
      attachPrefetched(assessment, 'indicator', indicator);
    },
  };
}

function filterSql(ctx: RequestContext, filter: AssessmentFilter, params: unknown[]): string[] {
  const conditions: string[] = [assessmentVisibilitySql(ctx.viewer, 't', params)];
  const add = (column: string, value: unknown) => {
    if (value == null) return;
    params.push(value);
    conditions.push(`t.${column} = $${params.length}`);
  };
  add('cycle_id', filter.cycleId);
  add('country_code', filter.countryCode);
  add('indicator_id', filter.indicatorId);
  add('status', filter.status);
  return conditions;
}

export interface ListOptions {
  /** Also fetch each assessment's page of evidence in this window, in the same statement. */
  evidence?: PageWindow | null;
  /** The fields asked of each evidence, of each indicator: only the columns they need are read. */
  evidenceFields?: Set<string> | null;
  indicatorFields?: Set<string> | null;
}

/**
 * A page of assessments. With `evidence`, each assessment's page of evidence comes in the same statement, built
 * as JSON in the database, and is kept on the assessment (`prefetched`): a dashboard is one statement instead of
 * two.
 */
export async function listAssessments(
  ctx: RequestContext,
  filter: AssessmentFilter,
  window: PageWindow,
  options: ListOptions = {},
): Promise<Page<Assessment>> {
  const params: unknown[] = [];
  const conditions = filterSql(ctx, filter, params);
  const indicators = withIndicators(ctx, options.indicatorFields ?? null);
  const evidence = options.evidence ?? null;
  const pageSelect = evidence
    ? evidencePageSelect(ctx, 's.id', params, evidence, options.evidenceFields ?? null)
    : undefined;
  const pages = await loadPages(
    ctx.db,
    Assessment,
    {
      where: conditions.join(' AND ') || 'true',
      params,
      partitionBy: null,
      select: indicators.select,
      join: INDICATOR_JOIN,
      orderBy: ORDER,
      pageSelect,
    },
    window,
    (assessment, row) => {
      indicators.prime(assessment, row);
      if (evidence && row.__page) {
        const page = evidencePageOf(ctx, row.__page as Parameters<typeof evidencePageOf>[1], evidence);
        attachPrefetched(assessment, 'evidence', page);
      }
    },
  );
  return pages.get('') ?? emptyPage(window);
}

/** One page of assessments per parent (a country or a cycle), for a batch of parents. */
export function pageAssessments(
  ctx: RequestContext,
  parent: 'country_code' | 'cycle_id',
  keys: string[],
  filter: AssessmentFilter,
  window: PageWindow,
): Promise<Map<string, Page<Assessment>>> {
  const params: unknown[] = [keys];
  const rest = { ...filter, [parent === 'country_code' ? 'countryCode' : 'cycleId']: null };
  const conditions = [`t.${parent} = ANY($1)`, ...filterSql(ctx, rest, params)];
  const indicators = withIndicators(ctx);
  return loadPages(
    ctx.db,
    Assessment,
    {
      where: conditions.join(' AND '),
      params,
      partitionBy: `t.${parent}`,
      select: indicators.select,
      join: INDICATOR_JOIN,
      orderBy: ORDER,
    },
    window,
    indicators.prime,
  );
}

export function findAssessments(ctx: RequestContext, ids: readonly string[]): Promise<Assessment[]> {
  return ctx.db.getRepository(Assessment).find({ where: { id: In([...ids]) } });
}

/** One assessment by id if the viewer may read it, else null (whether it exists or not). */
export async function readableAssessment(ctx: RequestContext, id: string): Promise<Assessment | null> {
  const assessment = await ctx.loaders.assessment.byId.load(id);
  if (!assessment) return null;
  const cycle = await ctx.loaders.cycle.byId.load(assessment.cycleId);
  return cycle && canReadAssessment(ctx.viewer, assessment, cycle.status) ? assessment : null;
}

/** One assessment by id for the viewer: null when there is none, FORBIDDEN when it exists but is not theirs to read. */
export async function getAssessment(ctx: RequestContext, id: string): Promise<Assessment | null> {
  const assessment = await ctx.loaders.assessment.byId.load(id);
  if (!assessment) return null;
  const cycle = await ctx.loaders.cycle.byId.load(assessment.cycleId);
  if (!cycle || !canReadAssessment(ctx.viewer, assessment, cycle.status)) {
    throw forbidden('You are not allowed to read this assessment.');
  }
  return assessment;
}

export type AnswerFields = Pick<
  Assessment,
  'score' | 'notScoredReason' | 'valueNumber' | 'valueBoolean' | 'valueText'
>;

/** The answer as one text: the score, the number, yes/no or the text, whichever the indicator takes. */
export function answerText(assessment: AnswerFields): string | null {
  if (assessment.score !== null) return String(assessment.score);
  if (assessment.notScoredReason !== null) return assessment.notScoredReason;
  if (assessment.valueNumber !== null) return String(assessment.valueNumber);
  if (assessment.valueBoolean !== null) return assessment.valueBoolean ? 'true' : 'false';
  return assessment.valueText;
}

/** The status of the assessment's cycle, through the request's cycle loader (one statement for a whole page). */
export async function cycleStatusOf(ctx: RequestContext, assessment: Assessment): Promise<CycleStatus> {
  const cycle = await ctx.loaders.cycle.byId.load(assessment.cycleId);
  if (!cycle) throw new Error(`assessment ${assessment.id} has no cycle`);
  return cycle.status;
}
