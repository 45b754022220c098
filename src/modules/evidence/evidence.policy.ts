import type { Viewer } from '../auth/viewer';
import { isCountryRole, roleOf, worksOnCountry } from '../auth/viewer';
import { Role } from '../user/user.enums';
import { Confidentiality } from './evidence.enums';

/**
 * Which evidence of a readable assessment a viewer sees: the reviewer and admins all of it, a partner all of its
 * own countries' and the PUBLIC and PARTNERS evidence of others, everyone else only PUBLIC evidence.
 */
export function evidenceVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  const role = roleOf(viewer);
  if (role === Role.ADMIN || role === Role.REVIEWER) return 'true';
  if (isCountryRole(role) && viewer.kind !== 'anonymous') {
    params.push(viewer.countries);
    return `(${alias}.country_code = ANY($${params.length}::text[]) OR ${alias}.confidentiality IN ('PUBLIC', 'PARTNERS'))`;
  }
  return `${alias}.confidentiality = 'PUBLIC'`;
}

export function canReadEvidenceOf(
  viewer: Viewer,
  evidence: { countryCode: string; confidentiality: Confidentiality },
): boolean {
  const role = roleOf(viewer);
  if (role === Role.ADMIN || role === Role.REVIEWER) return true;
  if (isCountryRole(role)) {
    return (
      worksOnCountry(viewer, evidence.countryCode) || evidence.confidentiality !== Confidentiality.INTERNAL
    );
  }
  return evidence.confidentiality === Confidentiality.PUBLIC;
}
