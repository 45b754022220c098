import type { RequestContext } from '../../common/context';
import { groupLoader, uniqueLoader } from '../../common/loaders';
import { findOrganisations, findOrganisationsOfCountries } from './organisation.service';

export function createOrganisationLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findOrganisations(ctx, ids),
      (organisation) => organisation.id,
    ),
    byCountry: groupLoader(
      (codes: readonly string[]) => findOrganisationsOfCountries(ctx, codes),
      (row) => row.countryCode,
    ),
  };
}

declare module '../../common/context' {
  interface Loaders {
    organisation: ReturnType<typeof createOrganisationLoaders>;
  }
}
