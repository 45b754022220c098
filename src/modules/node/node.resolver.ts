import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { badUserInput } from '../../common/errors';
import { Node } from '../../common/node.type';
import { readNode } from './node.service';

/** The most ids `nodes` takes at once, as many as a page holds. */
export const MAX_NODE_IDS = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'The record with this id, whatever its kind (Relay’s `node`): exactly as the record’s own query answers it ' +
      '(`assessment(id:)`, `evidence(id:)`, `cycle(id:)`, `country(code:)`, …): null when there is none or it is ' +
      'hidden from the caller, and the same error where that query refuses.',
  })
  node(
    @Arg('id', () => ID, { description: 'A record’s `id`: a UUID, or a country’s ISO code.' }) id: string,
    @Ctx() ctx: RequestContext,
  ) {
    return readNode(ctx, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'The records with these ids, in the order given (Relay’s `nodes`), each exactly as `node(id:)` answers it: ' +
      'null for one there is none of or that is hidden, with an error at its place where its own query refuses.',
  })
  nodes(
    @Arg('ids', () => [ID], { description: `Up to ${MAX_NODE_IDS} ids, of any kinds.` }) ids: string[],
    @Ctx() ctx: RequestContext,
  ) {
    if (ids.length > MAX_NODE_IDS)
      throw badUserInput(`Give at most ${MAX_NODE_IDS} ids, got ${ids.length}.`, { argument: 'ids' });
    return ids.map((id, i) => readNode(ctx, id, `ids[${i}]`));
  }
}
