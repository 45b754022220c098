import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { filterEvents, HiddenEvent, type LiveEventOf } from '../../common/live-events';
import { assertId } from '../../common/validation';
import { MonitoringCycle } from './cycle.entity';

@Resolver()
export class CycleSubscriptionResolver {
  @Subscription(() => MonitoringCycle, {
    description:
      'The monitoring cycle each time it changes status (opened, closed, published, reopened). Cycles are ' +
      'public, so anyone may listen. Served over WebSocket (graphql-ws) at `/graphql`.',
    subscribe: ({ args, context }) => {
      const id = args.cycleId ? assertId(args.cycleId as string, 'cycleId') : null;
      return filterEvents(
        (context as RequestContext).live.listen('cycle'),
        (event) => id === null || event.cycleId === id,
      );
    },
  })
  async cycleChanged(
    @Root() event: LiveEventOf<'cycle'>,
    @Ctx() ctx: RequestContext,
    @Arg('cycleId', () => ID, { nullable: true, description: 'Only this cycle.' }) _cycleId?: string,
  ): Promise<MonitoringCycle> {
    const cycle = await ctx.loaders.cycle.byId.load(event.cycleId);
    if (!cycle) throw new HiddenEvent();
    return cycle;
  }
}
