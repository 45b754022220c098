import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { pageWindow, toConnection } from '../../common/connection';
import { assertCountryCode, assertId } from '../../common/validation';
import { assertReferencesExist } from '../references';
import { checkQuery, search } from './search.service';
import { SearchArgs, SearchHit, SearchHitConnection } from './search.types';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      'Finds indicators, standards, assessments (by their narrative), evidence, review comments and ' +
      'recommendations whose texts, in any language and script, hold every word of `query`, most relevant ' +
      'first. Finds only what the caller may read in the lists of those things, and `totalCount` counts only that.',
  })
  async search(@Args() args: SearchArgs, @Ctx() ctx: RequestContext) {
    const window = pageWindow(args);
    const filter = {
      query: checkQuery(args.query),
      kinds: args.kinds ?? null,
      countryCode: args.countryCode ? assertCountryCode(args.countryCode, 'countryCode') : null,
      cycleId: args.cycleId ? assertId(args.cycleId, 'cycleId') : null,
    };
    const page = await search(ctx, filter, window);
    if (page.totalCount === 0)
      await assertReferencesExist(ctx, {
        countries: filter.countryCode ? { argument: 'countryCode', codes: [filter.countryCode] } : null,
        cycle: filter.cycleId ? { argument: 'cycleId', id: filter.cycleId } : null,
        indicators: null,
      });
    return toConnection(page);
  }
}
