import type { GraphQLModule } from '../../common/module';
import {
  AssessmentRecommendationsResolver,
  FollowUpResolver,
  IndicatorRecommendationsResolver,
  StandardRecommendationsResolver,
} from './follow-up.resolver';
import { EditionFollowUpResolver, EditionRecommendationsResolver } from './recommendation-edition';
import { RecommendationComparisonResolver } from './recommendation-comparison.resolver';
import { RecommendationMutationResolver } from './recommendation-mutation.resolver';
import { recommendationPermissions } from './recommendation.permissions';
import { RecommendationResolver, RecommendationSourceResolver } from './recommendation.resolver';

export const recommendationModule: GraphQLModule = {
  resolvers: [
    RecommendationResolver,
    RecommendationSourceResolver,
    FollowUpResolver,
    IndicatorRecommendationsResolver,
    StandardRecommendationsResolver,
    AssessmentRecommendationsResolver,
    RecommendationComparisonResolver,
    RecommendationMutationResolver,
    EditionFollowUpResolver,
    EditionRecommendationsResolver,
  ],
  permissions: recommendationPermissions,
};
