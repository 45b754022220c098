import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const countryPermissions: IRules = {
  Query: { countries: publicRead, country: publicRead },
  Country: publicRead,
};
