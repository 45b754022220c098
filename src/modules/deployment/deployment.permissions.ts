import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// What the deployment's data are is what every reader must be able to learn before citing it.
export const deploymentPermissions: IRules = {
  Query: { dataStatus: publicRead, fundingStatement: publicRead },
};
