import type { Viewer } from '../auth/viewer';
import { isCountryRole, roleOf, worksOnCountry } from '../auth/viewer';
import { Role } from '../user/user.enums';

/** Comments are the reviewer's and the country's partner's working notes: nobody else reads them. */
export function commentVisibilitySql(viewer: Viewer, alias: string, params: unknown[]): string {
  const role = roleOf(viewer);
  if (role === Role.ADMIN || role === Role.REVIEWER) return 'true';
  if (isCountryRole(role) && viewer.kind !== 'anonymous') {
    params.push(viewer.countries);
    return `${alias}.country_code = ANY($${params.length}::text[])`;
  }
  return 'false';
}

export function canReadCommentsOf(viewer: Viewer, countryCode: string): boolean {
  const role = roleOf(viewer);
  return role === Role.ADMIN || role === Role.REVIEWER || worksOnCountry(viewer, countryCode);
}

/** The reviewer comments anywhere it can read; a country's editors and lead on their own countries. */
export function canComment(viewer: Viewer, countryCode: string): boolean {
  if (viewer.kind !== 'user') return false;
  if (viewer.role === Role.REVIEWER) return true;
  return (
    (viewer.role === Role.COUNTRY_EDITOR || viewer.role === Role.COUNTRY_LEAD) &&
    viewer.countries.includes(countryCode)
  );
}
