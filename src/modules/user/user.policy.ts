import type { Viewer } from '../auth/viewer';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import type { Role } from './user.enums';
import { rolesForOrganisationKind } from '../authz/capabilities';

/** An e-mail address is personal data: the user, and who holds `user.email.read` over its organisation. */
export function canSeeEmail(viewer: Viewer, user: { id: string; organisationId?: string }): boolean {
  if (viewer.kind !== 'user') return false;
  if (viewer.userId === user.id) return true;
  return can(viewer, Capability.USER_EMAIL_READ, { organisationId: user.organisationId });
}

/**
 * Who works where: an organisation's members are listed to its own users, the reviewer and admins. Other
 * signed-in users meet the people they work with on their own countries' assessments (as authors of comments,
 * editors, actors of the history), not other organisations' staff lists; API keys are not people and see none.
 */
export function canSeeMembersOf(viewer: Viewer, organisationId: string): boolean {
  return can(viewer, Capability.USER_MEMBERS_READ, { organisationId });
}

/**
 * Whether the viewer administers users of `organisationId` holding `role`: everywhere with `user.admin` over
 * every organisation, else in its own organisation and only the roles of its own kind of organisation (a lead
 * manages its partner's team, never a reviewer or an admin).
 */
export function managesUser(viewer: Viewer, organisationId: string, role: Role): boolean {
  if (viewer.kind !== 'user') return false;
  if (can(viewer, Capability.USER_ADMIN)) return true;
  return (
    can(viewer, Capability.USER_ADMIN, { organisationId }) &&
    rolesForOrganisationKind(viewer.organisationKind).includes(role)
  );
}
