import type { RequestContext } from '../common/context';
import { createAssessmentLoaders } from '../modules/assessment/assessment.loader';
import { createCountryLoaders } from '../modules/country/country.loader';
import { createCycleLoaders } from '../modules/cycle/cycle.loader';
import { createEditionLoaders } from '../modules/edition/edition.loader';
import { createEvidenceLoaders } from '../modules/evidence/evidence.loader';
import { createFrameworkLoaders } from '../modules/framework/framework.loader';
import { createIndicatorLoaders } from '../modules/indicator/indicator.loader';
import { createOrganisationLoaders } from '../modules/organisation/organisation.loader';
import { createReviewCommentLoaders } from '../modules/review-comment/review-comment.loader';
import { createStandardLoaders } from '../modules/standard/standard.loader';
import { createUserLoaders } from '../modules/user/user.loader';

/** Creates the DataLoaders of one request. They cache for that request only, never across users. */
export function createLoaders(ctx: RequestContext) {
  return {
    assessment: createAssessmentLoaders(ctx),
    country: createCountryLoaders(ctx),
    cycle: createCycleLoaders(ctx),
    edition: createEditionLoaders(ctx),
    evidence: createEvidenceLoaders(ctx),
    framework: createFrameworkLoaders(ctx),
    indicator: createIndicatorLoaders(ctx),
    organisation: createOrganisationLoaders(ctx),
    reviewComment: createReviewCommentLoaders(ctx),
    standard: createStandardLoaders(ctx),
    user: createUserLoaders(ctx),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
