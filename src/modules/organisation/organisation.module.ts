import type { GraphQLModule } from '../../common/module';
import { organisationPermissions } from './organisation.permissions';
import { OrganisationResolver } from './organisation.resolver';

export const organisationModule: GraphQLModule = {
  resolvers: [OrganisationResolver],
  permissions: organisationPermissions,
};
