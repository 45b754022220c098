import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const cyclePermissions: IRules = {
  Query: { cycles: publicRead, cycle: publicRead },
  MonitoringCycle: publicRead,
};
