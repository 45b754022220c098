import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { assertCountryCode, assertId } from '../../common/validation';
import { assertReferencesExist } from '../references';
import { RecommendationComparison, RecommendationComparisonArgs } from './recommendation-comparison.types';
import { compareRecommendations } from './recommendation-comparison.service';

const MAX_COUNTRIES = 20;

@Resolver(() => RecommendationComparison)
export class RecommendationComparisonResolver {
  @Query(() => RecommendationComparison, {
    description:
      'How the recommendations are followed up across countries, over what the caller may read: bodies × ' +
      'countries counted by implementation status, and every recommendation with its status in each cycle and ' +
      'its trend.',
  })
  async recommendationComparison(@Args() args: RecommendationComparisonArgs, @Ctx() ctx: RequestContext) {
    if (args.countryCodes && args.countryCodes.length > MAX_COUNTRIES)
      throw badUserInput(`countryCodes lists at most ${MAX_COUNTRIES} countries.`, {
        argument: 'countryCodes',
      });
    const filter = {
      cycleId: args.cycleId ? assertId(args.cycleId, 'cycleId') : null,
      sourceBody: args.sourceBody ?? null,
      countryCodes: args.countryCodes?.map((code) => assertCountryCode(code, 'countryCodes')) ?? null,
    };
    await assertReferencesExist(ctx, {
      countries: filter.countryCodes ? { argument: 'countryCodes', codes: filter.countryCodes } : null,
      cycle: filter.cycleId ? { argument: 'cycleId', id: filter.cycleId } : null,
    });
    return compareRecommendations(ctx, filter);
  }
}
