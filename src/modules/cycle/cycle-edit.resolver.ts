import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createCycle, transitionCycle } from './cycle-edit.service';
import {
  CycleCreateInput,
  CycleCreatePayload,
  CycleTransitionInput,
  CycleTransitionPayload,
} from './cycle-edit.types';

@Resolver()
export class CycleEditResolver {
  @Mutation(() => CycleCreatePayload, { description: 'Creates a PLANNED monitoring cycle (admins).' })
  cycleCreate(
    @Arg('input', { description: 'The cycle.' }) input: CycleCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createCycle(ctx, input);
  }

  @Mutation(() => CycleTransitionPayload, {
    description: 'Opens, closes, reopens or publishes a cycle (admins). Publishing freezes it.',
  })
  cycleTransition(
    @Arg('input', { description: 'The step.' }) input: CycleTransitionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return transitionCycle(ctx, input);
  }
}
