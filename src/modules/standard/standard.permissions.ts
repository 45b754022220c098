import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { userWithRole } from '../../common/rules';
import { Role } from '../user/user.enums';

const frameworkEditor = userWithRole(Role.FRAMEWORK_EDITOR, Role.ADMIN);

export const standardPermissions: IRules = {
  Query: { standards: publicRead, standard: publicRead },
  Mutation: { standardCreate: frameworkEditor, standardUpdate: frameworkEditor },
  Standard: publicRead,
  StandardCreatePayload: allow,
  StandardUpdatePayload: allow,
};
