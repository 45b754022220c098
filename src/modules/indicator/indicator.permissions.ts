import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

const frameworkEditor = requires(Capability.FRAMEWORK_EDIT);

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
