import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, PageArgs, toConnection } from '../../common/connection';
import { assertCountryCode, assertId } from '../../common/validation';
import { Country } from '../country/country.entity';
import { assertReferencesExist } from '../references';
import { UserConnection } from '../user/user.types';
import { listMembers } from '../user/user.service';
import { Organisation } from './organisation.entity';
import { listOrganisations } from './organisation.service';
import { OrganisationConnection, OrganisationsArgs } from './organisation.types';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, {
    description: 'The organisations taking part, ordered by short name.',
  })
  async organisations(@Args() args: OrganisationsArgs, @Ctx() ctx: RequestContext) {
    const filter = {
      kind: args.kind,
      countryCode: args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null,
    };
    const page = await listOrganisations(ctx, filter, pageWindow(args));
    if (page.totalCount === 0 && filter.countryCode)
      await assertReferencesExist(ctx, {
        countries: { argument: 'countryCode', codes: [filter.countryCode] },
      });
    return toConnection(page);
  }

  @Query(() => Organisation, {
    nullable: true,
    description: 'One organisation by id; null when there is none.',
  })
  organisation(
    @Arg('id', () => ID, { description: 'The identifier.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.loaders.organisation.byId.load(assertId(id, 'id'));
  }

  @FieldResolver(() => [Country], { description: 'The countries the organisation covers, ordered by code.' })
  async countries(@Root() organisation: Organisation, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.country.byOrganisation.load(organisation.id)).map((row) => row.country);
  }

  @FieldResolver(() => UserConnection, {
    description:
      'The organisation’s users, ordered by name: for its own users, the reviewer and admins; empty for other ' +
      'signed-in users. Anonymous readers get UNAUTHENTICATED, API keys FORBIDDEN.',
  })
  async members(@Root() organisation: Organisation, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await listMembers(ctx, organisation.id, pageWindow(page)));
  }
}
