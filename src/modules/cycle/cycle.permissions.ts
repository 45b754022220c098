import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

export const cyclePermissions: IRules = {
  Query: { cycles: publicRead, cycle: publicRead },
  Mutation: {
    cycleCreate: requires(Capability.CYCLE_MANAGE),
    cycleTransition: requires(Capability.CYCLE_MANAGE),
  },
  Subscription: { cycleChanged: publicRead },
  MonitoringCycle: publicRead,
  CycleCreatePayload: allow,
  CycleTransitionPayload: allow,
};
