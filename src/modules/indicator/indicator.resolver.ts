import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, toConnection } from '../../common/connection';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { assertId } from '../../common/validation';
import { Area, FrameworkVersion } from '../framework/framework.entity';
import { indicatorIdOf } from '../entry-points';
import { assertReferencesExist } from '../references';
import { Standard } from '../standard/standard.entity';
import { Indicator } from './indicator.entity';
import { listIndicators } from './indicator.service';
import { IndicatorConnection, IndicatorsArgs } from './indicator.types';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => IndicatorConnection, {
    description: 'Indicators in framework order, narrowed by the arguments given (all of them must hold).',
  })
  async indicators(@Args() args: IndicatorsArgs, @Ctx() ctx: RequestContext) {
    const filter = {
      versionId: args.frameworkVersionId ? assertId(args.frameworkVersionId, 'frameworkVersionId') : null,
      cycleId: args.cycleId ? assertId(args.cycleId, 'cycleId') : null,
      pillar: args.pillar ?? null,
      areaCode: args.areaCode ?? null,
      type: args.type ?? null,
      answerType: args.answerType ?? null,
    };
    const page = await listIndicators(ctx, filter, pageWindow(args));
    if (page.totalCount === 0)
      await assertReferencesExist(ctx, {
        frameworkVersion: filter.versionId ? { argument: 'frameworkVersionId', id: filter.versionId } : null,
        cycle: filter.cycleId ? { argument: 'cycleId', id: filter.cycleId } : null,
        area: filter.areaCode ? { argument: 'areaCode', code: filter.areaCode } : null,
      });
    return toConnection(page);
  }

  @Query(() => Indicator, {
    nullable: true,
    description:
      'One indicator by `id`, or by `code` within a framework version (named by `frameworkVersionId` or by ' +
      '`cycleCode`, the code of a cycle that uses it); null when there is none.',
  })
  async indicator(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true, description: 'The identifier (or give `code`).' })
    id?: string | null,
    @Arg('code', () => String, {
      nullable: true,
      description: 'The indicator’s code, unique within its framework version (or give `id`).',
    })
    code?: string | null,
    @Arg('frameworkVersionId', () => ID, {
      nullable: true,
      description: 'With `code`: the framework version the code is in.',
    })
    frameworkVersionId?: string | null,
    @Arg('cycleCode', () => String, {
      nullable: true,
      description: 'With `code`: the code of a cycle whose framework version the code is in, e.g. `2024`.',
    })
    cycleCode?: string | null,
  ) {
    const indicatorId = await indicatorIdOf(ctx, {
      id,
      code,
      frameworkVersionId,
      cycleCode,
      idArg: 'id',
      codeArg: 'code',
    });
    return indicatorId ? ctx.loaders.indicator.byId.load(indicatorId) : null;
  }

  @FieldResolver(() => LocalizedText, { description: 'What the indicator measures.' })
  title(
    @Root() indicator: Indicator,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, indicator.title, locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'How to assess and score the indicator.' })
  guidance(
    @Root() indicator: Indicator,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, indicator.guidance, locale);
  }

  @FieldResolver(() => LocalizedText, {
    description: 'The documents and data sources that verify an answer.',
  })
  meansOfVerification(
    @Root() indicator: Indicator,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, indicator.meansOfVerification, locale);
  }

  @FieldResolver(() => Area, { description: 'The area (usually a sub-theme) the indicator belongs to.' })
  async area(@Root() indicator: Indicator, @Ctx() ctx: RequestContext) {
    return ctx.loaders.framework.areaById.load(indicator.areaId);
  }

  @FieldResolver(() => FrameworkVersion, { description: 'The framework version the indicator is part of.' })
  async frameworkVersion(@Root() indicator: Indicator, @Ctx() ctx: RequestContext) {
    return ctx.loaders.framework.versionById.load(indicator.frameworkVersionId);
  }

  @FieldResolver(() => [Standard], {
    description: 'The provisions of the instruments this indicator measures.',
  })
  async standards(@Root() indicator: Indicator, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.indicator.standardsByIndicator.load(indicator.id)).map((row) => row.standard);
  }
}
