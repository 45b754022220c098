import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const evidencePermissions: IRules = {
  Query: { evidence: publicRead },
  Evidence: publicRead,
};
