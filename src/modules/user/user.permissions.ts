import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

// Users show only their name, role and organisation here; e-mail addresses are not part of the schema yet.
export const userPermissions: IRules = {
  User: publicRead,
};
