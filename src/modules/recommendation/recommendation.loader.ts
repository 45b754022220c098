import type { RequestContext } from '../../common/context';
import { groupLoader, pageLoader, uniqueLoader } from '../../common/loaders';
import {
  findEvidenceOf,
  findFollowUps,
  findFollowUpsOf,
  findIndicatorsOf,
  findRecommendations,
  findSources,
  findStandardsOf,
  pageRecommendationsByAssessment,
  pageRecommendationsByIndicator,
  pageRecommendationsByStandard,
} from './recommendation.service';

export function createRecommendationLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findRecommendations(ctx, ids),
      (recommendation) => recommendation.id,
    ),
    sourceById: uniqueLoader(
      (ids: readonly string[]) => findSources(ctx, ids),
      (source) => source.id,
    ),
    followUpById: uniqueLoader(
      (ids: readonly string[]) => findFollowUps(ctx, ids),
      (followUp) => followUp.id,
    ),
    followUpsByRecommendation: groupLoader(
      (ids: readonly string[]) => findFollowUpsOf(ctx, ids),
      (followUp) => followUp.recommendationId,
    ),
    standardsByRecommendation: groupLoader(
      (ids: readonly string[]) => findStandardsOf(ctx, ids),
      (row) => row.owner,
    ),
    indicatorsByRecommendation: groupLoader(
      (ids: readonly string[]) => findIndicatorsOf(ctx, ids),
      (row) => row.owner,
    ),
    evidenceByFollowUp: groupLoader(
      (ids: readonly string[]) => findEvidenceOf(ctx, ids),
      (row) => row.owner,
    ),
    pageByIndicator: pageLoader((keys: string[], _filter: null, window) =>
      pageRecommendationsByIndicator(ctx, keys, window),
    ),
    pageByStandard: pageLoader((keys: string[], _filter: null, window) =>
      pageRecommendationsByStandard(ctx, keys, window),
    ),
    pageByAssessment: pageLoader((keys: string[], _filter: null, window) =>
      pageRecommendationsByAssessment(ctx, keys, window),
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    recommendation: ReturnType<typeof createRecommendationLoaders>;
  }
}
