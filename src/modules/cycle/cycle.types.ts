import { ArgsType, Field } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { MonitoringCycle } from './cycle.entity';
import { CycleStatus } from './cycle.enums';

export const MonitoringCycleConnection = Connection(MonitoringCycle, 'MonitoringCycle', 'monitoring cycles');

@ArgsType()
export class CyclesArgs extends PageArgs {
  @Field(() => CycleStatus, { nullable: true, description: 'Only cycles in this status.' })
  status?: CycleStatus | null;
}
