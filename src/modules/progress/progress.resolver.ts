import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertId } from '../../common/validation';
import { Country } from '../country/country.entity';
import { MonitoringCycle } from '../cycle/cycle.entity';
import { assertReferencesExist } from '../references';
import { cycleProgress } from './progress.service';
import { CountryProgress, CycleProgress } from './progress.types';

@Resolver(() => CycleProgress)
export class CycleProgressResolver {
  @Query(() => CycleProgress, {
    description:
      'Where a cycle stands per country, for country leads (their own countries), the reviewer and admins: ' +
      'assessments and follow-ups of recommendations by workflow status, what waits for review and for how ' +
      'long, open review comments.',
  })
  async cycleProgress(
    @Arg('cycleId', () => ID, { description: 'The monitoring cycle.' }) cycleId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const id = assertId(cycleId, 'cycleId');
    await assertReferencesExist(ctx, { cycle: { argument: 'cycleId', id } });
    return cycleProgress(ctx, id);
  }

  @FieldResolver(() => MonitoringCycle, { description: 'The cycle.' })
  cycle(@Root() progress: CycleProgress, @Ctx() ctx: RequestContext) {
    return ctx.loaders.cycle.byId.load(progress.cycleId);
  }
}

@Resolver(() => CountryProgress)
export class CountryProgressResolver {
  @FieldResolver(() => Country, { description: 'The country.' })
  country(@Root() progress: CountryProgress, @Ctx() ctx: RequestContext) {
    return ctx.loaders.country.byCode.load(progress.countryCode);
  }
}
