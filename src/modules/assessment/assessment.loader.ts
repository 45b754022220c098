import type { RequestContext } from '../../common/context';
import { pageLoader, uniqueLoader } from '../../common/loaders';
import { findAssessments, pageAssessments } from './assessment.service';
import type { AssessmentFilter } from './assessment.types';

export function createAssessmentLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findAssessments(ctx, ids),
      (assessment) => assessment.id,
    ),
    pageByCountry: pageLoader((keys: string[], filter: AssessmentFilter, window) =>
      pageAssessments(ctx, 'country_code', keys, filter, window),
    ),
    pageByCycle: pageLoader((keys: string[], filter: AssessmentFilter, window) =>
      pageAssessments(ctx, 'cycle_id', keys, filter, window),
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    assessment: ReturnType<typeof createAssessmentLoaders>;
  }
}
