import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const indicatorPermissions: IRules = {
  Query: { indicators: publicRead, indicator: publicRead },
  Indicator: publicRead,
};
