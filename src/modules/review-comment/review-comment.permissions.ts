import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const reviewCommentPermissions: IRules = {
  ReviewComment: publicRead,
};
