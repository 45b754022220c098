import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { fieldsWithRule, publicRead } from '../../common/permissions';
import { isUser, requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

export const organisationPermissions: IRules = {
  Query: { organisations: publicRead, organisation: publicRead },
  Mutation: {
    organisationCreate: requires(Capability.ORGANISATION_MANAGE),
    organisationUpdate: requires(Capability.ORGANISATION_MANAGE),
  },
  // Who works where is for people signed in as themselves, not for the public nor for API keys; which
  // organisations' members a user sees is decided in the service (user.policy.ts canSeeMembersOf).
  Organisation: {
    ...fieldsWithRule(publicRead, 'id', 'name', 'shortName', 'kind', 'createdAt', 'updatedAt', 'countries'),
    members: isUser,
  },
  OrganisationCreatePayload: allow,
  OrganisationUpdatePayload: allow,
};
