import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { DataStatus, dataStatusOf } from './data-status';
import { currentFundingStatement } from './publication';

@Resolver()
export class DeploymentResolver {
  @Query(() => DataStatus, {
    description:
      'Whether this deployment holds real monitoring results or the illustrative demo data. DEMO data must not be ' +
      'cited as findings: its citations, exports and pages say so.',
  })
  dataStatus(@Ctx() ctx: RequestContext): Promise<DataStatus> {
    return dataStatusOf(ctx);
  }

  @Query(() => String, {
    nullable: true,
    description:
      'The funding statement the deployment publishes with its results and edition citations; null when none is set.',
  })
  fundingStatement(): string | null {
    return currentFundingStatement();
  }
}
