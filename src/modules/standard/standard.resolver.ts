import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, toConnection } from '../../common/connection';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { assertCountryCode, assertId } from '../../common/validation';
import { Country } from '../country/country.entity';
import { Indicator } from '../indicator/indicator.entity';
import { assertReferencesExist } from '../references';
import { Standard } from './standard.entity';
import { listStandards } from './standard.service';
import { StandardConnection, StandardsArgs } from './standard.types';

@Resolver(() => Standard)
export class StandardResolver {
  @Query(() => StandardConnection, {
    description: 'Provisions of the instruments, ordered by instrument and article.',
  })
  async standards(@Args() args: StandardsArgs, @Ctx() ctx: RequestContext) {
    const filter = {
      instrument: args.instrument ?? null,
      countryCode: args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null,
    };
    const page = await listStandards(ctx, filter, pageWindow(args));
    if (page.totalCount === 0 && filter.countryCode)
      await assertReferencesExist(ctx, {
        countries: { argument: 'countryCode', codes: [filter.countryCode] },
      });
    return toConnection(page);
  }

  @Query(() => Standard, { nullable: true, description: 'One standard by id; null when there is none.' })
  standard(@Arg('id', () => ID, { description: 'The identifier.' }) id: string, @Ctx() ctx: RequestContext) {
    return ctx.loaders.standard.byId.load(assertId(id, 'id'));
  }

  @FieldResolver(() => LocalizedText, { description: 'Short title of the provision.' })
  title(
    @Root() standard: Standard,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, standard.title, locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'What the provision requires, in brief.' })
  summary(
    @Root() standard: Standard,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, standard.summary, locale);
  }

  @FieldResolver(() => Country, { nullable: true, description: 'For an action plan measure, the country.' })
  country(@Root() standard: Standard, @Ctx() ctx: RequestContext) {
    return standard.countryCode ? ctx.loaders.country.byCode.load(standard.countryCode) : null;
  }

  @FieldResolver(() => [Indicator], {
    description: 'The indicators that measure this provision, in every version.',
  })
  async indicators(@Root() standard: Standard, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.standard.indicatorsByStandard.load(standard.id)).map((row) => row.indicator);
  }
}
