import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// Each record is read by its own query's service or loader, which applies that query's row rules.
export const nodePermissions: IRules = {
  Query: { node: publicRead, nodes: publicRead },
};
