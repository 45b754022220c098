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
import { Standard } from '../standard/standard.entity';
import { RecommendationFollowUp } from './follow-up.entity';
import { RecommendationSource } from './recommendation-source.entity';
import { Recommendation } from './recommendation.entity';
import { ImplementationTrend } from './recommendation.enums';
import { trendOf } from './recommendation-trend';
import { listRecommendations, listSources } from './recommendation.service';
import {
  RecommendationConnection,
  RecommendationsArgs,
  RecommendationSourceConnection,
  RecommendationSourcesArgs,
} from './recommendation.types';

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => RecommendationConnection, {
    description:
      'Recommendations by country, newest source first, narrowed by the arguments given (all of them must hold). ' +
      'A recommendation is listed for the people who work on its country, the reviewer and admins, and for ' +
      'everyone who may read one of its approved or published follow-ups (the public: published ones).',
  })
  async recommendations(@Args() args: RecommendationsArgs, @Ctx() ctx: RequestContext) {
    const filter = {
      countryCode: args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null,
      sourceBody: args.sourceBody ?? null,
      standardId: args.standardId ? assertId(args.standardId, 'standardId') : null,
      indicatorId: args.indicatorId ? assertId(args.indicatorId, 'indicatorId') : null,
      status: args.status ?? null,
      cycleId: args.cycleId ? assertId(args.cycleId, 'cycleId') : null,
    };
    const page = await listRecommendations(ctx, filter, pageWindow(args));
    if (page.totalCount === 0)
      await assertReferencesExist(ctx, {
        countries: filter.countryCode ? { argument: 'countryCode', codes: [filter.countryCode] } : null,
        cycle: filter.cycleId ? { argument: 'cycleId', id: filter.cycleId } : null,
        indicators: filter.indicatorId ? { argument: 'indicatorId', ids: [filter.indicatorId] } : null,
      });
    return toConnection(page);
  }

  @Query(() => Recommendation, {
    nullable: true,
    description: 'One recommendation by id; null when there is none or when it is hidden from the caller.',
  })
  recommendation(
    @Arg('id', () => ID, { description: 'The identifier.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.loaders.recommendation.byId.load(assertId(id, 'id'));
  }

  @Query(() => RecommendationSourceConnection, {
    description: 'The sources of recommendations, newest first (sources are public references).',
  })
  async recommendationSources(@Args() args: RecommendationSourcesArgs, @Ctx() ctx: RequestContext) {
    const filter = {
      countryCode: args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null,
      body: args.body ?? null,
    };
    return toConnection(await listSources(ctx, filter, pageWindow(args)));
  }

  @FieldResolver(() => LocalizedText, {
    description: 'The recommendation, in the requested language or English.',
  })
  text(
    @Root() recommendation: Recommendation,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, recommendation.text, locale);
  }

  @FieldResolver(() => Country, { description: 'The country the recommendation is addressed to.' })
  country(@Root() recommendation: Recommendation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.country.byCode.load(recommendation.countryCode);
  }

  @FieldResolver(() => RecommendationSource, { description: 'The report or instrument it comes from.' })
  async source(@Root() recommendation: Recommendation, @Ctx() ctx: RequestContext) {
    const source = await ctx.loaders.recommendation.sourceById.load(recommendation.sourceId);
    if (!source) throw new Error(`recommendation ${recommendation.id} has no source`);
    return source;
  }

  @FieldResolver(() => [Standard], { description: 'The standards the recommendation concerns.' })
  async standards(@Root() recommendation: Recommendation, @Ctx() ctx: RequestContext) {
    const rows = await ctx.loaders.recommendation.standardsByRecommendation.load(recommendation.id);
    return rows.map((row) => row.standard);
  }

  @FieldResolver(() => [Indicator], {
    description: 'The indicators whose results show how far it was implemented.',
  })
  async indicators(@Root() recommendation: Recommendation, @Ctx() ctx: RequestContext) {
    const rows = await ctx.loaders.recommendation.indicatorsByRecommendation.load(recommendation.id);
    return rows.map((row) => row.indicator);
  }

  @FieldResolver(() => [RecommendationFollowUp], {
    description:
      'Its follow-ups the caller may read, one per monitoring cycle, oldest cycle first (the rules of ' +
      'assessments: drafts stay with their country, the public reads published cycles).',
  })
  followUps(@Root() recommendation: Recommendation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.recommendation.followUpsByRecommendation.load(recommendation.id);
  }

  @FieldResolver(() => RecommendationFollowUp, {
    nullable: true,
    description: 'Its follow-up in one monitoring cycle; null when there is none the caller may read.',
  })
  async followUp(
    @Root() recommendation: Recommendation,
    @Arg('cycleId', () => ID, { description: 'The monitoring cycle.' }) cycleId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const id = assertId(cycleId, 'cycleId');
    const followUps = await ctx.loaders.recommendation.followUpsByRecommendation.load(recommendation.id);
    return followUps.find((f) => f.cycleId === id) ?? null;
  }

  @FieldResolver(() => ImplementationTrend, {
    description: 'How its implementation moved between its last two follow-ups the caller may read.',
  })
  async trend(@Root() recommendation: Recommendation, @Ctx() ctx: RequestContext) {
    const followUps = await ctx.loaders.recommendation.followUpsByRecommendation.load(recommendation.id);
    return trendOf(followUps.map((f) => f.implementationStatus));
  }
}

@Resolver(() => RecommendationSource)
export class RecommendationSourceResolver {
  @FieldResolver(() => LocalizedText, { description: 'The title of the report or instrument.' })
  title(
    @Root() source: RecommendationSource,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, source.title, locale);
  }
}
