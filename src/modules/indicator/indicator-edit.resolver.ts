import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createIndicator, deleteIndicator, updateIndicator } from './indicator-edit.service';
import {
  IndicatorCreateInput,
  IndicatorCreatePayload,
  IndicatorDeleteInput,
  IndicatorDeletePayload,
  IndicatorUpdateInput,
  IndicatorUpdatePayload,
} from './indicator-edit.types';

const RULES =
  '(framework editors and admins). Only in a framework version no monitoring cycle uses; a used version gives ' +
  'FRAMEWORK_VERSION_IN_USE.';

@Resolver()
export class IndicatorEditResolver {
  @Mutation(() => IndicatorCreatePayload, {
    description: `Adds an indicator, with the standards it measures, to a framework version ${RULES}`,
  })
  indicatorCreate(
    @Arg('input', { description: 'The new indicator.' }) input: IndicatorCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createIndicator(ctx, input);
  }

  @Mutation(() => IndicatorUpdatePayload, { description: `Changes an indicator ${RULES}` })
  indicatorUpdate(
    @Arg('input', { description: 'What to change.' }) input: IndicatorUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateIndicator(ctx, input);
  }

  @Mutation(() => IndicatorDeletePayload, { description: `Deletes an indicator ${RULES}` })
  indicatorDelete(
    @Arg('input', { description: 'The indicator to delete.' }) input: IndicatorDeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteIndicator(ctx, input);
  }
}
