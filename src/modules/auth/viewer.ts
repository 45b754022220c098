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

const COUNTRY_ROLES: readonly Role[] = [Role.COUNTRY_LEAD, Role.COUNTRY_EDITOR, Role.COUNTRY_VIEWER];

export function isSignedIn(viewer: Viewer): viewer is SignedInViewer {
  return viewer.kind !== 'anonymous';
}

export function roleOf(viewer: Viewer): Role | null {
  return viewer.kind === 'anonymous' ? null : viewer.role;
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  const role = roleOf(viewer);
  return role !== null && roles.includes(role);
}

/**
 * A member of a partner working on `countryCode` (lead, editor or viewer of an organisation covering it).
 * @deprecated Ask the capability table instead: `can(viewer, Capability.…, { countryCode })` (authz/authz.ts).
 */
export function worksOnCountry(viewer: Viewer, countryCode: string): boolean {
  const role = roleOf(viewer);
  return viewer.kind !== 'anonymous' && isCountryRole(role) && viewer.countries.includes(countryCode);
}

/**
 * A user (not an API key) who may change `countryCode`'s assessments and evidence.
 * @deprecated Ask the capability table instead: `can(viewer, Capability.ASSESSMENT_EDIT, { countryCode })`.
 */
export function editsCountry(viewer: Viewer, countryCode: string): boolean {
  return (
    viewer.kind === 'user' &&
    (viewer.role === Role.COUNTRY_EDITOR || viewer.role === Role.COUNTRY_LEAD) &&
    viewer.countries.includes(countryCode)
  );
}

export function isCountryRole(role: Role | null): boolean {
  return role !== null && COUNTRY_ROLES.includes(role);
}
