import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const assessmentPermissions: IRules = {
  Query: { assessments: publicRead, assessment: publicRead },
  Assessment: publicRead,
};
