import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, toConnection } from '../../common/connection';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { MonitoringCycle } from '../cycle/cycle.entity';
import { IndicatorConnection, NestedIndicatorsArgs } from '../indicator/indicator.types';
import { Area, Framework, FrameworkVersion, ScoreLevel } from './framework.entity';

@Resolver(() => FrameworkVersion)
export class FrameworkVersionResolver {
  @FieldResolver(() => Framework, { description: 'The framework this is a version of.' })
  framework(@Root() version: FrameworkVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.framework.byId.load(version.frameworkId);
  }

  @FieldResolver(() => [Area], {
    description: 'The four pillars of the version, in order; sub-themes hang below.',
  })
  async areas(@Root() version: FrameworkVersion, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.framework.areasByVersion.load(version.id)).filter(
      (area) => area.parentId === null,
    );
  }

  @FieldResolver(() => [ScoreLevel], {
    description: 'The score scale: 0 to 3, then not applicable and no data.',
  })
  scoreLevels(@Root() version: FrameworkVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.framework.scoreLevelsByVersion.load(version.id);
  }

  @FieldResolver(() => IndicatorConnection, { description: 'The version’s indicators in framework order.' })
  async indicators(
    @Root() version: FrameworkVersion,
    @Args() args: NestedIndicatorsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const filter = {
      versionId: version.id,
      areaId: null,
      type: args.type ?? null,
      answerType: args.answerType ?? null,
    };
    return toConnection(
      await ctx.loaders.indicator.pageByVersion.load({ key: version.id, filter, window: pageWindow(args) }),
    );
  }

  @FieldResolver(() => [MonitoringCycle], { description: 'The monitoring cycles that use this version.' })
  cycles(@Root() version: FrameworkVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byFrameworkVersion.load(version.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'True once a cycle uses the version: from then on it can no longer change.',
  })
  async isFrozen(@Root() version: FrameworkVersion, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await ctx.loaders.cycle.byFrameworkVersion.load(version.id)).length > 0;
  }
}

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => LocalizedText, { description: 'The area’s title.' })
  title(
    @Root() area: Area,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, area.title, locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'What the area covers.' })
  description(
    @Root() area: Area,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, area.description, locale);
  }

  @FieldResolver(() => Area, {
    nullable: true,
    description: 'The pillar a sub-theme belongs to; null for a pillar.',
  })
  parent(@Root() area: Area, @Ctx() ctx: RequestContext) {
    return area.parentId ? ctx.loaders.framework.areaById.load(area.parentId) : null;
  }

  @FieldResolver(() => [Area], { description: 'The sub-themes of a pillar, in order.' })
  async subThemes(@Root() area: Area, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.framework.areasByVersion.load(area.frameworkVersionId)).filter(
      (a) => a.parentId === area.id,
    );
  }

  @FieldResolver(() => IndicatorConnection, {
    description: 'The indicators of this area, including those of its sub-themes, in framework order.',
  })
  async indicators(@Root() area: Area, @Args() args: NestedIndicatorsArgs, @Ctx() ctx: RequestContext) {
    const filter = {
      versionId: null,
      areaId: area.id,
      type: args.type ?? null,
      answerType: args.answerType ?? null,
    };
    return toConnection(
      await ctx.loaders.indicator.pageByArea.load({ key: area.id, filter, window: pageWindow(args) }),
    );
  }
}

@Resolver(() => ScoreLevel)
export class ScoreLevelResolver {
  @FieldResolver(() => LocalizedText, { description: 'Short name of the level, e.g. "Largely in line".' })
  label(
    @Root() level: ScoreLevel,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, level.label, locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'What must hold for an assessment to get this level.' })
  descriptor(
    @Root() level: ScoreLevel,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, level.descriptor, locale);
  }
}
