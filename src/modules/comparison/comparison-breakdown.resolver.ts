import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { BreakdownDimension } from '../breakdown/breakdown.types';
import { Country } from '../country/country.entity';
import { MonitoringCycle } from '../cycle/cycle.entity';
import { Edition } from '../edition/edition.entity';
import { cycleIdOf } from '../entry-points';
import { Indicator } from '../indicator/indicator.entity';
import { getComparisonBreakdown } from './comparison-breakdown.read';
import {
  ComparisonBreakdown,
  ComparisonBreakdownArgs,
  ComparisonBreakdownCountry,
} from './comparison-breakdown.types';

@Resolver(() => ComparisonBreakdown)
export class ComparisonBreakdownResolver {
  @Query(() => ComparisonBreakdown, {
    nullable: true,
    description:
      'One NUMBER or PERCENT indicator of a cycle broken down by a dimension (or two crossed) for every country ' +
      'at once, read in one statement. Each country follows the read rule of the comparison (a cell the reader ' +
      'may not see says HIDDEN) and the disclosure rule of `Assessment.breakdown` (small counts suppressed for ' +
      'readers outside the country). Null for an unknown cycle or edition.',
  })
  async comparisonBreakdown(@Args() args: ComparisonBreakdownArgs, @Ctx() ctx: RequestContext) {
    const { cycleId, cycleCode, ...rest } = args;
    const id = await cycleIdOf(ctx, { id: cycleId, code: cycleCode });
    const breakdown = id ? await getComparisonBreakdown(ctx, { ...rest, cycleId: id }) : null;
    if (!breakdown?.editionId) ctx.responseCache.readLive();
    return breakdown;
  }

  @FieldResolver(() => MonitoringCycle, { description: 'The cycle compared.' })
  cycle(@Root() breakdown: ComparisonBreakdown, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(breakdown.cycleId);
  }

  @FieldResolver(() => Edition, {
    nullable: true,
    description: 'The published edition shown; null for live data.',
  })
  edition(@Root() breakdown: ComparisonBreakdown, @Ctx() ctx: RequestContext) {
    return breakdown.editionId ? ctx.loaders.edition.byId.load(breakdown.editionId) : null;
  }

  @FieldResolver(() => Indicator, { description: 'The indicator broken down.' })
  indicator(@Root() breakdown: ComparisonBreakdown, @Ctx() ctx: RequestContext) {
    return ctx.loaders.indicator.byId.load(breakdown.indicatorId);
  }

  @FieldResolver(() => [BreakdownDimension], {
    description: 'The dimensions, in order (rows, then columns).',
  })
  async dimensions(@Root() breakdown: ComparisonBreakdown, @Ctx() ctx: RequestContext) {
    const all = await ctx.loaders.breakdown.dimensions.load('all');
    return breakdown.dimensionCodes.map((code) => all.get(code)!);
  }
}

@Resolver(() => ComparisonBreakdownCountry)
export class ComparisonBreakdownCountryResolver {
  @FieldResolver(() => Country, { description: 'The country.' })
  country(@Root() entry: ComparisonBreakdownCountry, @Ctx() ctx: RequestContext) {
    return ctx.loaders.country.byCode.load(entry.countryCode);
  }
}
