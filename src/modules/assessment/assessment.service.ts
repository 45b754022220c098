import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, loadPages } from '../../common/paging';
import { forbidden } from '../../common/errors';
import type { CycleStatus } from '../cycle/cycle.enums';
import { Assessment } from './assessment.entity';
import { assessmentVisibilitySql, canReadAssessment } from './assessment.policy';
import type { AssessmentFilter } from './assessment.types';

const INDICATOR_JOIN = 'JOIN indicator i ON i.id = t.indicator_id';
const ORDER = 't.country_code, i.position, t.id';

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

export async function listAssessments(
  ctx: RequestContext,
  filter: AssessmentFilter,
  window: PageWindow,
): Promise<Page<Assessment>> {
  const params: unknown[] = [];
  const conditions = filterSql(ctx, filter, params);
  const pages = await loadPages(
    ctx.db,
    Assessment,
    {
      where: conditions.join(' AND ') || 'true',
      params,
      partitionBy: null,
      join: INDICATOR_JOIN,
      orderBy: ORDER,
    },
    window,
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
  return loadPages(
    ctx.db,
    Assessment,
    {
      where: conditions.join(' AND '),
      params,
      partitionBy: `t.${parent}`,
      join: INDICATOR_JOIN,
      orderBy: ORDER,
    },
    window,
  );
}

export function findAssessments(ctx: RequestContext, ids: readonly string[]): Promise<Assessment[]> {
  return ctx.db.getRepository(Assessment).find({ where: { id: In([...ids]) } });
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
