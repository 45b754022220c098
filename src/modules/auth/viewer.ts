import type { OrganisationKind } from '../organisation/organisation.enums';
import { Role } from '../user/user.enums';

/** Who is asking: nobody, a signed-in user, or an integrator's API key (read-only). */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      organisationId: string;
      organisationKind: OrganisationKind;
      role: Role;
      /** The countries of the user's organisation: a partner's members work on these only. */
      countries: string[];
    }
  | {
      kind: 'apiKey';
      apiKeyId: string;
      organisationId: string;
      organisationKind: OrganisationKind;
      /**
       * The role whose reads the key has: a key reads what its organisation may read, and writes nothing. Null for
       * an integrator's organisation, whose keys read what the public reads.
       */
      role: Role | null;
      countries: string[];
    };

export type SignedInViewer = Exclude<Viewer, { kind: 'anonymous' }>;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export function isSignedIn(viewer: Viewer): viewer is SignedInViewer {
  return viewer.kind !== 'anonymous';
}
