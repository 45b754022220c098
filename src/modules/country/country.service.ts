import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, hydrate, loadPages } from '../../common/paging';
import { Country } from './country.entity';

export async function listCountries(ctx: RequestContext, window: PageWindow): Promise<Page<Country>> {
  const pages = await loadPages(
    ctx.db,
    Country,
    { where: 'true', params: [], partitionBy: null, orderBy: 't.code' },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

export function findCountries(ctx: RequestContext, codes: readonly string[]): Promise<Country[]> {
  return ctx.db.getRepository(Country).find({ where: { code: In([...codes]) } });
}

/** The countries each organisation covers, for a batch of organisations. */
export async function findCountriesOfOrganisations(
  ctx: RequestContext,
  organisationIds: readonly string[],
): Promise<Array<{ organisationId: string; country: Country }>> {
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT oc.organisation_id AS "__owner", c.* FROM organisation_country oc JOIN country c ON c.code = oc.country_code
     WHERE oc.organisation_id = ANY($1) ORDER BY c.code`,
    [organisationIds],
  );
  return rows.map((row) => ({
    organisationId: String(row.__owner),
    country: hydrate(ctx.db, Country, row),
  }));
}
