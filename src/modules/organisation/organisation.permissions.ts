import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const organisationPermissions: IRules = {
  Query: { organisations: publicRead, organisation: publicRead },
  Organisation: publicRead,
};
