import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { userWithRole } from '../../common/rules';
import { Role } from '../user/user.enums';

export const cyclePermissions: IRules = {
  Query: { cycles: publicRead, cycle: publicRead },
  Mutation: { cycleCreate: userWithRole(Role.ADMIN), cycleTransition: userWithRole(Role.ADMIN) },
  Subscription: { cycleChanged: publicRead },
  MonitoringCycle: publicRead,
  CycleCreatePayload: allow,
  CycleTransitionPayload: allow,
};
