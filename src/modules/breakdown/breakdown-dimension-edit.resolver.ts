import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createDimension } from './breakdown-dimension-edit.service';
import {
  BreakdownDimensionCreateInput,
  BreakdownDimensionCreatePayload,
} from './breakdown-dimension-edit.types';

@Resolver()
export class BreakdownDimensionEditResolver {
  @Mutation(() => BreakdownDimensionCreatePayload, {
    description:
      'Creates a breakdown dimension of a framework with its categories (framework editors and admins); the ' +
      'framework’s indicators may then name it in `indicatorCreate`/`indicatorUpdate` `breakdowns`. A code ' +
      'any dimension has gives DUPLICATE, an unknown framework NOT_FOUND, a bad code or text INVALID_INPUT.',
  })
  breakdownDimensionCreate(
    @Arg('input', { description: 'The new dimension.' }) input: BreakdownDimensionCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createDimension(ctx, input);
  }
}
