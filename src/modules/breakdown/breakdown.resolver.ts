import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { assertCountryCode, assertId } from '../../common/validation';
import { Assessment } from '../assessment/assessment.entity';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import { MonitoringCycle } from '../cycle/cycle.entity';
import { Indicator } from '../indicator/indicator.entity';
import { assertReferencesExist } from '../references';
import { buildTables, combinationKey, type DimensionMap } from './breakdown-tables';
import { disclosureMinCount, findHistory } from './breakdown.service';
import {
  BreakdownCategory,
  BreakdownDimension,
  BreakdownHistoryPoint,
  BreakdownTable,
  IndicatorBreakdown,
} from './breakdown.types';

const dimensionsOf = (map: DimensionMap, codes: string[]) =>
  codes.map((code) => map.get(code)).filter((d): d is BreakdownDimension => d !== undefined);

/** An assessment's breakdown tables as this reader may see them (exact, or with cells suppressed). */
async function tablesOf(
  ctx: RequestContext,
  assessment: { id: string; countryCode: string },
): Promise<BreakdownTable[]> {
  const [rows, dimensions] = await Promise.all([
    ctx.loaders.breakdown.cellsByAssessment.load(assessment.id),
    ctx.loaders.breakdown.dimensions.load('all'),
  ]);
  if (rows.length === 0) return [];
  return buildTables(
    rows.map((r) => r.cell),
    dimensions,
    {
      answerType: rows[0].answerType,
      exact: can(ctx.viewer, Capability.BREAKDOWN_READ_EXACT, { countryCode: assessment.countryCode }),
      minCount: disclosureMinCount(ctx),
    },
  );
}

@Resolver()
export class BreakdownQueryResolver {
  @Query(() => [BreakdownDimension], {
    description:
      'The dimensions statistics are broken down by, with their categories: the standard ones (sex, age, form ' +
      'of exploitation, citizenship) first, then those frameworks define.',
  })
  async breakdownDimensions(@Ctx() ctx: RequestContext) {
    return [...(await ctx.loaders.breakdown.dimensions.load('all')).values()];
  }

  @Query(() => [BreakdownHistoryPoint], {
    description:
      'A country’s breakdown of an indicator (and of the comparable ones of other versions) by the dimensions ' +
      'given, across cycles, oldest first. Cells follow the disclosure rule of `Assessment.breakdown`.',
  })
  async breakdownHistory(
    @Arg('indicatorId', () => ID, { description: 'The indicator.' }) indicatorId: string,
    @Arg('countryCode', { description: 'ISO code of the country.' }) countryCode: string,
    @Arg('dimensions', () => [String], {
      description:
        'The codes of one dimension, or two crossed in the indicator’s order, e.g. `["sex", "age"]`.',
    })
    dimensionCodes: string[],
    @Ctx() ctx: RequestContext,
  ) {
    const id = assertId(indicatorId, 'indicatorId');
    const code = assertCountryCode(countryCode, 'countryCode');
    const known = await ctx.loaders.breakdown.dimensions.load('all');
    if (dimensionCodes.length < 1 || dimensionCodes.length > 2 || dimensionCodes.some((d) => !known.has(d)))
      throw badUserInput(
        `dimensions must name one or two of ${[...known.keys()].join(', ')}; got ${JSON.stringify(dimensionCodes).slice(0, 80)}.`,
      );
    const rows = await findHistory(ctx.db, ctx.viewer, id, code);
    if (rows.length === 0)
      await assertReferencesExist(ctx, {
        indicators: { argument: 'indicatorId', ids: [id] },
        countries: { argument: 'countryCode', codes: [code] },
      });
    const wanted = combinationKey(dimensionCodes);
    return Promise.all(
      rows.map(async (row) => {
        const tables = row.assessmentId
          ? await tablesOf(ctx, { id: row.assessmentId, countryCode: row.countryCode })
          : [];
        return Object.assign(new BreakdownHistoryPoint(), {
          cycleId: row.cycleId,
          indicatorId: row.indicatorId,
          total: row.total,
          table: tables.find((t) => combinationKey(t.dimensionCodes) === wanted) ?? null,
        });
      }),
    );
  }
}

@Resolver(() => BreakdownHistoryPoint)
export class BreakdownHistoryPointResolver {
  @FieldResolver(() => MonitoringCycle, { description: 'The cycle.' })
  cycle(@Root() point: BreakdownHistoryPoint, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(point.cycleId);
  }

  @FieldResolver(() => Indicator, { description: 'The indicator of that cycle’s framework version.' })
  indicator(@Root() point: BreakdownHistoryPoint, @Ctx() ctx: RequestContext) {
    return ctx.loaders.indicator.byId.load(point.indicatorId);
  }
}

@Resolver(() => Assessment)
export class AssessmentBreakdownResolver {
  @FieldResolver(() => [BreakdownTable], {
    description:
      'The answer broken down: one table per dimension or pair of dimensions recorded, single ones first; ' +
      'empty when none is. Readers outside the country (the public, API keys, other countries’ partners) get ' +
      'counts below DISCLOSURE_MIN_COUNT suppressed, with the cells that would give them away.',
  })
  breakdown(@Root() assessment: Assessment, @Ctx() ctx: RequestContext) {
    return tablesOf(ctx, assessment);
  }
}

@Resolver(() => Indicator)
export class IndicatorBreakdownsResolver {
  @FieldResolver(() => [IndicatorBreakdown], {
    description:
      'The breakdowns an assessment’s answer should give: by one dimension, or two crossed. Replaces the free ' +
      'text of `expectedBreakdowns`.',
  })
  breakdowns(@Root() indicator: Indicator, @Ctx() ctx: RequestContext) {
    return ctx.loaders.breakdown.byIndicator.load(indicator.id);
  }
}

@Resolver(() => IndicatorBreakdown)
export class IndicatorBreakdownResolver {
  @FieldResolver(() => [BreakdownDimension], { description: 'The dimensions, in order.' })
  async dimensions(@Root() breakdown: IndicatorBreakdown, @Ctx() ctx: RequestContext) {
    return dimensionsOf(await ctx.loaders.breakdown.dimensions.load('all'), breakdown.dimensionCodes);
  }
}

@Resolver(() => BreakdownTable)
export class BreakdownTableResolver {
  @FieldResolver(() => [BreakdownDimension], {
    description: 'The dimensions, in order (rows, then columns).',
  })
  async dimensions(@Root() table: BreakdownTable, @Ctx() ctx: RequestContext) {
    return dimensionsOf(await ctx.loaders.breakdown.dimensions.load('all'), table.dimensionCodes);
  }
}

@Resolver(() => BreakdownDimension)
export class BreakdownDimensionResolver {
  @FieldResolver(() => LocalizedText, { description: 'The dimension’s name.' })
  title(
    @Root() dimension: BreakdownDimension,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, dimension.titleText, locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'What the dimension records and how to count.' })
  description(
    @Root() dimension: BreakdownDimension,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, dimension.descriptionText, locale);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True for the standard dimensions every framework may use; false for one a framework defines.',
  })
  standard(@Root() dimension: BreakdownDimension) {
    return dimension.frameworkId === null;
  }
}

@Resolver(() => BreakdownCategory)
export class BreakdownCategoryResolver {
  @FieldResolver(() => LocalizedText, { description: 'The category’s name.' })
  title(
    @Root() category: BreakdownCategory,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, category.titleText, locale);
  }
}
