import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, PageArgs, toConnection } from '../../common/connection';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { assertCountryCode, assertId } from '../../common/validation';
import { AssessmentConnection, CountryAssessmentsArgs } from '../assessment/assessment.types';
import { Organisation } from '../organisation/organisation.entity';
import { assertReferencesExist } from '../references';
import { Country } from './country.entity';
import { listCountries } from './country.service';
import { CountryConnection } from './country.types';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => CountryConnection, { description: 'The countries monitored, ordered by code.' })
  async countries(@Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await listCountries(ctx, pageWindow(page)));
  }

  @Query(() => Country, {
    nullable: true,
    description: 'One country by its ISO code; null when there is none.',
  })
  country(
    @Arg('code', { description: 'ISO 3166-1 alpha-2 code, e.g. `RS`.' }) code: string,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.loaders.country.byCode.load(assertCountryCode(code, 'code'));
  }

  @FieldResolver(() => ID, {
    description:
      'The country’s identifier: its ISO code, the same as `code`, so that a cache keeps one entry per country ' +
      'and `node(id:)` finds it.',
  })
  id(@Root() country: Country): string {
    return country.code;
  }

  @FieldResolver(() => LocalizedText, { description: 'The country’s name.' })
  name(
    @Root() country: Country,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, country.name, locale);
  }

  @FieldResolver(() => [Locale], { description: 'The languages the country’s texts may be written in.' })
  locales(@Root() country: Country): Locale[] {
    return country.locales as Locale[];
  }

  @FieldResolver(() => [Organisation], {
    description: 'The partner organisations that monitor this country.',
  })
  async organisations(@Root() country: Country, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.organisation.byCountry.load(country.code)).map((row) => row.organisation);
  }

  @FieldResolver(() => AssessmentConnection, {
    description: 'The country’s assessments, in framework order.',
  })
  async assessments(
    @Root() country: Country,
    @Args() args: CountryAssessmentsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const filter = {
      cycleId: args.cycleId ? assertId(args.cycleId, 'cycleId') : null,
      countryCode: null,
      status: args.status ?? null,
    };
    const page = await ctx.loaders.assessment.pageByCountry.load({
      key: country.code,
      filter,
      window: pageWindow(args),
    });
    if (page.totalCount === 0 && filter.cycleId)
      await assertReferencesExist(ctx, { cycle: { argument: 'cycleId', id: filter.cycleId } });
    return toConnection(page);
  }
}
