import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { assertCountryCode } from '../../common/validation';
import { Answer, ANSWER_DESCRIPTION, typedAnswerOf } from '../assessment/assessment-answer.type';
import { Country } from '../country/country.entity';
import { MonitoringCycle } from '../cycle/cycle.entity';
import { Edition } from '../edition/edition.entity';
import { cycleIdOf, indicatorIdOf } from '../entry-points';
import { Area } from '../framework/framework.entity';
import { Indicator } from '../indicator/indicator.entity';
import { assertReferencesExist } from '../references';
import { getCountryProfile } from './comparison.profile';
import { getComparison } from './comparison.read';
import { loadHistory } from './comparison.service';
import {
  AreaProfile,
  Comparison,
  ComparisonArgs,
  ComparisonCell,
  ComparisonRow,
  CountryProfile,
  IndicatorHistoryPoint,
} from './comparison.types';

@Resolver(() => Comparison)
export class ComparisonResolver {
  @Query(() => Comparison, {
    nullable: true,
    description:
      'How each country stands on each indicator of a cycle, with the trend since the previous cycle, in one ' +
      'request. Cells follow the read rules: a cell the reader may not see says HIDDEN. Null for an unknown cycle.',
  })
  async comparison(@Args() args: ComparisonArgs, @Ctx() ctx: RequestContext) {
    const { cycleId, cycleCode, ...rest } = args;
    const id = await cycleIdOf(ctx, { id: cycleId, code: cycleCode });
    const comparison = id ? await getComparison(ctx, { ...rest, cycleId: id }) : null;
    // Live cells (an unpublished cycle, or a reader who sees more than the public) are never shared.
    if (!comparison?.editionId) ctx.responseCache.readLive();
    return comparison;
  }

  @Query(() => CountryProfile, {
    nullable: true,
    description: 'One country’s results in a cycle, per pillar.',
  })
  async countryProfile(
    @Arg('countryCode', { description: 'ISO code of the country.' }) countryCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('cycleId', () => ID, {
      nullable: true,
      description: 'The monitoring cycle, by id (or give `cycleCode`).',
    })
    cycleId?: string | null,
    @Arg('cycleCode', () => String, {
      nullable: true,
      description: 'The monitoring cycle, by its code, e.g. `2024` (or give `cycleId`).',
    })
    cycleCode?: string | null,
  ) {
    const id = await cycleIdOf(ctx, { id: cycleId, code: cycleCode });
    const profile = id ? await getCountryProfile(ctx, countryCode, id) : null;
    // The profile sums the comparison's cells: shareable only when they came from an edition of the cycle.
    if (!profile || !ctx.responseCache.usedEditionOf(profile.cycleId)) ctx.responseCache.readLive();
    return profile;
  }

  @Query(() => [IndicatorHistoryPoint], {
    description:
      'A country’s answers to an indicator (and comparable ones of other versions) across cycles, oldest first.',
  })
  async indicatorHistory(
    @Arg('countryCode', { description: 'ISO code of the country.' }) countryCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('indicatorId', () => ID, {
      nullable: true,
      description: 'The indicator, by id (or give `indicatorCode`).',
    })
    indicatorId?: string | null,
    @Arg('indicatorCode', () => String, {
      nullable: true,
      description:
        'The indicator, by its code in the framework version that `frameworkVersionId` or `cycleCode` names ' +
        '(or give `indicatorId`).',
    })
    indicatorCode?: string | null,
    @Arg('frameworkVersionId', () => ID, {
      nullable: true,
      description: 'With `indicatorCode`: the framework version the code is in.',
    })
    frameworkVersionId?: string | null,
    @Arg('cycleCode', () => String, {
      nullable: true,
      description:
        'With `indicatorCode`: the code of a cycle whose framework version the code is in, e.g. `2024`.',
    })
    cycleCode?: string | null,
  ) {
    const code = assertCountryCode(countryCode, 'countryCode');
    const id = await indicatorIdOf(ctx, {
      id: indicatorId,
      code: indicatorCode,
      frameworkVersionId,
      cycleCode,
      idArg: 'indicatorId',
      codeArg: 'indicatorCode',
    });
    if (!id)
      throw badUserInput(`The framework version has no indicator with the code ${indicatorCode}.`, {
        argument: 'indicatorCode',
      });
    const rows = await loadHistory(ctx.db, ctx.viewer, id, code);
    if (rows.length === 0)
      await assertReferencesExist(ctx, {
        indicators: { argument: 'indicatorId', ids: [id] },
        countries: { argument: 'countryCode', codes: [code] },
      });
    return rows.map((row) =>
      Object.assign(new IndicatorHistoryPoint(), row, {
        countryCode: code,
        id: `${code}:${row.cycleId}:${row.indicatorId}`,
      }),
    );
  }

  @FieldResolver(() => MonitoringCycle, { description: 'The cycle compared.' })
  cycle(@Root() comparison: Comparison, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(comparison.cycleId);
  }

  @FieldResolver(() => Edition, {
    nullable: true,
    description: 'The published edition shown; null for live data.',
  })
  edition(@Root() comparison: Comparison, @Ctx() ctx: RequestContext) {
    return comparison.editionId ? ctx.loaders.edition.byId.load(comparison.editionId) : null;
  }

  @FieldResolver(() => [Country], { description: 'The countries, in the order of each row’s cells.' })
  async countries(@Root() comparison: Comparison, @Ctx() ctx: RequestContext) {
    return ctx.loaders.country.byCode.loadMany(comparison.countryCodes);
  }
}

@Resolver(() => ComparisonRow)
export class ComparisonRowResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator of the row.' })
  indicator(@Root() row: ComparisonRow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.indicator.byId.load(row.indicatorId);
  }
}

@Resolver(() => ComparisonCell)
export class ComparisonCellResolver {
  @FieldResolver(() => Country, { description: 'The country of the cell.' })
  country(@Root() cell: ComparisonCell, @Ctx() ctx: RequestContext) {
    return ctx.loaders.country.byCode.load(cell.countryCode);
  }

  @FieldResolver(() => ID, {
    description:
      'Stable identifier of the cell: the same country, indicator and edition (or the live data of the cycle) give ' +
      'the same id in every comparison, whatever its filter, so that a cache keeps one entry per cell.',
  })
  id(@Root() cell: ComparisonCell): string {
    return `${cell.source}:${cell.indicatorId}:${cell.countryCode}`;
  }

  @FieldResolver(() => Answer, { nullable: true, description: ANSWER_DESCRIPTION })
  answer(@Root() cell: ComparisonCell, @Ctx() ctx: RequestContext) {
    return typedAnswerOf(ctx, cell.indicatorId, cell.value);
  }
}

@Resolver(() => CountryProfile)
export class CountryProfileResolver {
  @FieldResolver(() => Country, { description: 'The country.' })
  country(@Root() profile: CountryProfile, @Ctx() ctx: RequestContext) {
    return ctx.loaders.country.byCode.load(profile.countryCode);
  }

  @FieldResolver(() => MonitoringCycle, { description: 'The cycle.' })
  cycle(@Root() profile: CountryProfile, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(profile.cycleId);
  }
}

@Resolver(() => AreaProfile)
export class AreaProfileResolver {
  @FieldResolver(() => Area, { description: 'The pillar area.' })
  area(@Root() profile: AreaProfile, @Ctx() ctx: RequestContext) {
    return ctx.loaders.framework.areaById.load(profile.areaId);
  }
}

@Resolver(() => IndicatorHistoryPoint)
export class IndicatorHistoryResolver {
  @FieldResolver(() => MonitoringCycle, { description: 'The cycle.' })
  cycle(@Root() point: IndicatorHistoryPoint, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(point.cycleId);
  }

  @FieldResolver(() => Indicator, { description: 'The indicator as that cycle’s framework version has it.' })
  indicator(@Root() point: IndicatorHistoryPoint, @Ctx() ctx: RequestContext) {
    return ctx.loaders.indicator.byId.load(point.indicatorId);
  }

  @FieldResolver(() => Answer, { nullable: true, description: ANSWER_DESCRIPTION })
  answer(@Root() point: IndicatorHistoryPoint, @Ctx() ctx: RequestContext) {
    return typedAnswerOf(ctx, point.indicatorId, point.value);
  }
}
