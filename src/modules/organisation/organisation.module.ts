import type { GraphQLModule } from '../../common/module';
import { OrganisationEditResolver } from './organisation-edit.resolver';
import { organisationPermissions } from './organisation.permissions';
import { OrganisationResolver } from './organisation.resolver';

export const organisationModule: GraphQLModule = {
  resolvers: [OrganisationResolver, OrganisationEditResolver],
  permissions: organisationPermissions,
};
