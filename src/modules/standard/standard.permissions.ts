import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const standardPermissions: IRules = {
  Query: { standards: publicRead, standard: publicRead },
  Standard: publicRead,
};
