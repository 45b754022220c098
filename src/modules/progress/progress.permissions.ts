import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { userWithRole } from '../../common/rules';
import { Role } from '../user/user.enums';

// The coordinators' weekly view: leads see their own countries, the reviewer and admins all (progress.service.ts).
export const progressPermissions: IRules = {
  Query: { cycleProgress: userWithRole(Role.COUNTRY_LEAD, Role.REVIEWER, Role.ADMIN) },
  CycleProgress: publicRead,
  CountryProgress: publicRead,
  WorkflowCount: publicRead,
};
