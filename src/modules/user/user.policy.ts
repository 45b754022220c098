import type { Viewer } from '../auth/viewer';
import { Role } from './user.enums';

/** An e-mail address is personal data: the user, its organisation's lead and admins see it. */
export function canSeeEmail(viewer: Viewer, user: { id: string; organisationId?: string }): boolean {
  if (viewer.kind !== 'user') return false;
  if (viewer.userId === user.id || viewer.role === Role.ADMIN) return true;
  return viewer.role === Role.COUNTRY_LEAD && viewer.organisationId === user.organisationId;
}
