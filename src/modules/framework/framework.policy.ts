import type { Viewer } from '../auth/viewer';
import { roleOf } from '../auth/viewer';
import { Role } from '../user/user.enums';

/** Draft framework versions are work in progress: only framework editors and admins see them. */
export function seesDraftFrameworks(viewer: Viewer): boolean {
  const role = roleOf(viewer);
  return role === Role.FRAMEWORK_EDITOR || role === Role.ADMIN;
}
