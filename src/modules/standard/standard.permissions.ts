import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

const frameworkEditor = requires(Capability.FRAMEWORK_EDIT);

export const standardPermissions: IRules = {
  Query: { standards: publicRead, standard: publicRead },
  Mutation: { standardCreate: frameworkEditor, standardUpdate: frameworkEditor },
  Standard: publicRead,
  StandardCreatePayload: allow,
  StandardUpdatePayload: allow,
};
