import type { Viewer } from '../auth/viewer';
import { Role } from './user.enums';

/** An e-mail address is personal data: the user, its organisation's lead and admins see it. */
export function canSeeEmail(viewer: Viewer, user: { id: string; organisationId?: string }): boolean {
  if (viewer.kind !== 'user') return false;
  if (viewer.userId === user.id || viewer.role === Role.ADMIN) return true;
  return viewer.role === Role.COUNTRY_LEAD && viewer.organisationId === user.organisationId;
}

/**
 * Who works where: an organisation's members are listed to its own users, the reviewer and admins. Other
 * signed-in users meet the people they work with on their own countries' assessments (as authors of comments,
 * editors, actors of the history), not other organisations' staff lists; API keys are not people and see none.
 */
export function canSeeMembersOf(viewer: Viewer, organisationId: string): boolean {
  if (viewer.kind !== 'user') return false;
  return (
    viewer.role === Role.ADMIN || viewer.role === Role.REVIEWER || viewer.organisationId === organisationId
  );
}
