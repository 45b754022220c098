import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

// The coordinators' weekly view: leads see their own countries, the reviewer and admins all (progress.service.ts).
export const progressPermissions: IRules = {
  Query: { cycleProgress: requires(Capability.PROGRESS_READ) },
  CycleProgress: publicRead,
  CountryProgress: publicRead,
  WorkflowCount: publicRead,
};
