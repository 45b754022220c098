import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createStandard, updateStandard } from './standard-edit.service';
import {
  StandardCreateInput,
  StandardCreatePayload,
  StandardUpdateInput,
  StandardUpdatePayload,
} from './standard-edit.types';

@Resolver()
export class StandardEditResolver {
  @Mutation(() => StandardCreatePayload, {
    description:
      'Adds a provision of an instrument (framework editors and admins). A reference already taken for the ' +
      'instrument gives DUPLICATE.',
  })
  standardCreate(
    @Arg('input', { description: 'The new standard.' }) input: StandardCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createStandard(ctx, input);
  }

  @Mutation(() => StandardUpdatePayload, {
    description:
      'Changes a standard (framework editors and admins). Standards are not versioned, so this is allowed at ' +
      'any time, also for standards that versions in use measure.',
  })
  standardUpdate(
    @Arg('input', { description: 'What to change.' }) input: StandardUpdateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateStandard(ctx, input);
  }
}
