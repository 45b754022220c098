import { In } from 'typeorm';
import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { emptyPage, hydrate, loadPages } from '../../common/paging';
import { Organisation } from './organisation.entity';
import type { OrganisationKind } from './organisation.enums';

export interface OrganisationFilter {
  kind?: OrganisationKind | null;
  countryCode?: string | null;
}

export async function listOrganisations(
  ctx: RequestContext,
  filter: OrganisationFilter,
  window: PageWindow,
): Promise<Page<Organisation>> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) {
    params.push(filter.kind);
    conditions.push(`t.kind = $${params.length}`);
  }
  if (filter.countryCode) {
    params.push(filter.countryCode);
    conditions.push(
      `EXISTS (SELECT 1 FROM organisation_country oc WHERE oc.organisation_id = t.id AND oc.country_code = $${params.length})`,
    );
  }
  const pages = await loadPages(
    ctx.db,
    Organisation,
    {
      where: conditions.join(' AND ') || 'true',
      params,
      partitionBy: null,
      orderBy: 'lower(t.short_name), t.id',
    },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}

export function findOrganisations(ctx: RequestContext, ids: readonly string[]): Promise<Organisation[]> {
  return ctx.db.getRepository(Organisation).find({ where: { id: In([...ids]) } });
}

/** The organisations covering each country, for a batch of countries. */
export async function findOrganisationsOfCountries(
  ctx: RequestContext,
  countryCodes: readonly string[],
): Promise<Array<{ countryCode: string; organisation: Organisation }>> {
  const rows: Array<Record<string, unknown>> = await ctx.db.query(
    `SELECT oc.country_code AS "__owner", o.* FROM organisation_country oc JOIN organisation o ON o.id = oc.organisation_id
     WHERE oc.country_code = ANY($1) ORDER BY lower(o.short_name)`,
    [countryCodes],
  );
  return rows.map((row) => ({
    countryCode: String(row.__owner),
    organisation: hydrate(ctx.db, Organisation, row),
  }));
}
