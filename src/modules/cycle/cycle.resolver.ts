import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { pageWindow, toConnection } from '../../common/connection';
import { Locale } from '../../common/i18n';
import { LocalizedText } from '../../common/localized-text.type';
import { LOCALE_ARG_DESCRIPTION, localize } from '../../common/localize';
import { assertCountryCode, assertId } from '../../common/validation';
import { AssessmentConnection, CycleAssessmentsArgs } from '../assessment/assessment.types';
import { FrameworkVersion } from '../framework/framework.entity';
import { assertReferencesExist } from '../references';
import { MonitoringCycle } from './cycle.entity';
import { findCycleByCode, listCycles } from './cycle.service';
import { CyclesArgs, MonitoringCycleConnection } from './cycle.types';

@Resolver(() => MonitoringCycle)
export class CycleResolver {
  @Query(() => MonitoringCycleConnection, { description: 'Monitoring cycles, newest first.' })
  async cycles(@Args() args: CyclesArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await listCycles(ctx, { status: args.status }, pageWindow(args)));
  }

  @Query(() => MonitoringCycle, {
    nullable: true,
    description: 'One cycle by `id` or by `code` (give exactly one).',
  })
  async cycle(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true, description: 'The identifier.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'The cycle’s code, e.g. `2025`.' })
    code?: string,
  ) {
    if ((id == null) === (code == null)) throw badUserInput('Give exactly one of id and code.');
    if (id != null) return ctx.loaders.cycle.byId.load(assertId(id, 'id'));
    return findCycleByCode(ctx, code as string);
  }

  @FieldResolver(() => LocalizedText, { description: 'The cycle’s title, e.g. "Monitoring round 2025".' })
  title(
    @Root() cycle: MonitoringCycle,
    @Ctx() ctx: RequestContext,
    @Arg('locale', () => Locale, { nullable: true, description: LOCALE_ARG_DESCRIPTION }) locale?: Locale,
  ) {
    return localize(ctx, cycle.title, locale);
  }

  @FieldResolver(() => FrameworkVersion, {
    description: 'The framework version every country assesses in this cycle.',
  })
  frameworkVersion(@Root() cycle: MonitoringCycle, @Ctx() ctx: RequestContext) {
    return ctx.loaders.framework.versionById.load(cycle.frameworkVersionId);
  }

  @FieldResolver(() => AssessmentConnection, {
    description: 'The cycle’s assessments, by country and framework order.',
  })
  async assessments(
    @Root() cycle: MonitoringCycle,
    @Args() args: CycleAssessmentsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const filter = {
      cycleId: cycle.id,
      countryCode: args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null,
      status: args.status ?? null,
    };
    const page = await ctx.loaders.assessment.pageByCycle.load({
      key: cycle.id,
      filter,
      window: pageWindow(args),
    });
    if (page.totalCount === 0 && filter.countryCode)
      await assertReferencesExist(ctx, {
        countries: { argument: 'countryCode', codes: [filter.countryCode] },
      });
    return toConnection(page);
  }
}
