import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { isSignedIn, userWithRole } from '../../common/rules';
import { Role } from '../user/user.enums';

export const organisationPermissions: IRules = {
  Query: { organisations: publicRead, organisation: publicRead },
  Mutation: { organisationCreate: userWithRole(Role.ADMIN), organisationUpdate: userWithRole(Role.ADMIN) },
  // Who works where is for the people in the database, not for the public.
  Organisation: { '*': publicRead, members: isSignedIn },
  OrganisationCreatePayload: allow,
  OrganisationUpdatePayload: allow,
};
