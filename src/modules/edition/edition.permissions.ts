import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// An edition is what was published: public by definition.
export const editionPermissions: IRules = {
  Query: { edition: publicRead },
  Edition: publicRead,
};
