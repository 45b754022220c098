import type { Viewer } from '../auth/viewer';
import { holds } from '../authz/authz';
import { Capability } from '../authz/capabilities';

/** Draft framework versions are work in progress: only those who edit the framework see them. */
export function seesDraftFrameworks(viewer: Viewer): boolean {
  return holds(viewer, Capability.FRAMEWORK_READ_DRAFT);
}
