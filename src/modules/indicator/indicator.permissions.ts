import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { userWithRole } from '../../common/rules';
import { Role } from '../user/user.enums';

const frameworkEditor = userWithRole(Role.FRAMEWORK_EDITOR, Role.ADMIN);

export const indicatorPermissions: IRules = {
  Query: { indicators: publicRead, indicator: publicRead },
  Mutation: {
    indicatorCreate: frameworkEditor,
    indicatorUpdate: frameworkEditor,
    indicatorDelete: frameworkEditor,
  },
  Indicator: publicRead,
  IndicatorCreatePayload: allow,
  IndicatorUpdatePayload: allow,
  IndicatorDeletePayload: allow,
};
