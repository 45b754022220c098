import type { Loaders, RequestContext } from '../common/context';
import { createAssessmentLoaders } from './assessment/assessment.loader';
import { createBreakdownLoaders } from './breakdown/breakdown.loader';
import { createCountryLoaders } from './country/country.loader';
import { createCycleLoaders } from './cycle/cycle.loader';
import { createEditionLoaders } from './edition/edition.loader';
import { createEvidenceLoaders } from './evidence/evidence.loader';
import { createFrameworkLoaders } from './framework/framework.loader';
import { createIndicatorLoaders } from './indicator/indicator.loader';
import { createNodeLoaders } from './node/node.loader';
import { createOrganisationLoaders } from './organisation/organisation.loader';
import { createRecommendationLoaders } from './recommendation/recommendation.loader';
import { createReviewCommentLoaders } from './review-comment/review-comment.loader';
import { createStandardLoaders } from './standard/standard.loader';
import { createUserLoaders } from './user/user.loader';

/**
 * Every module's loader factory under the name its `*.loader.ts` gives it in `Loaders`. Typed as a complete
 * table, so a module that declares a loader group but is not listed here fails the type check.
 */
const loaderFactories: { [Name in keyof Loaders]: (ctx: RequestContext) => Loaders[Name] } = {
  assessment: createAssessmentLoaders,
  breakdown: createBreakdownLoaders,
  country: createCountryLoaders,
  cycle: createCycleLoaders,
  edition: createEditionLoaders,
  evidence: createEvidenceLoaders,
  framework: createFrameworkLoaders,
  indicator: createIndicatorLoaders,
  node: createNodeLoaders,
  organisation: createOrganisationLoaders,
  recommendation: createRecommendationLoaders,
  reviewComment: createReviewCommentLoaders,
  standard: createStandardLoaders,
  user: createUserLoaders,
};

/** Creates the DataLoaders of one request. They cache for that request only, never across users. */
export function createLoaders(ctx: RequestContext): Loaders {
  const loaders = {} as Record<keyof Loaders, unknown>;
  for (const name of Object.keys(loaderFactories) as Array<keyof Loaders>) {
    loaders[name] = loaderFactories[name](ctx);
  }
  return loaders as Loaders;
}
