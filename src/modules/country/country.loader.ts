import type { RequestContext } from '../../common/context';
import { groupLoader, uniqueLoader } from '../../common/loaders';
import { findCountries, findCountriesOfOrganisations } from './country.service';

export function createCountryLoaders(ctx: RequestContext) {
  return {
    byCode: uniqueLoader(
      (codes: readonly string[]) => findCountries(ctx, codes),
      (country) => country.code,
    ),
    byOrganisation: groupLoader(
      (ids: readonly string[]) => findCountriesOfOrganisations(ctx, ids),
      (row) => row.organisationId,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    country: ReturnType<typeof createCountryLoaders>;
  }
}
