import type { GraphQLModule } from '../../common/module';
import { AssessmentMutationResolver } from './assessment-mutation.resolver';
import { AssessmentSubscriptionResolver } from './assessment-subscription.resolver';
import { assessmentPermissions } from './assessment.permissions';
import { AssessmentResolver } from './assessment.resolver';

export const assessmentModule: GraphQLModule = {
  resolvers: [AssessmentResolver, AssessmentMutationResolver, AssessmentSubscriptionResolver],
  permissions: assessmentPermissions,
};
