import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { assertId } from '../../common/validation';
import { Assessment } from '../assessment/assessment.entity';
import { Country } from '../country/country.entity';
import { Evidence } from './evidence.entity';
import { getEvidence } from './evidence.service';
import { evidenceFileOf } from './evidence-file.service';
import { EvidenceFile } from './evidence-file.types';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @Query(() => Evidence, {
    nullable: true,
    description:
      'One piece of evidence by id; null when there is none or when it, or its assessment, is hidden from the caller.',
  })
  evidence(@Arg('id', () => ID, { description: 'The identifier.' }) id: string, @Ctx() ctx: RequestContext) {
    return getEvidence(ctx, assertId(id, 'id'));
  }

  @FieldResolver(() => Assessment, { description: 'The assessment this evidence supports.' })
  async assessment(@Root() evidence: Evidence, @Ctx() ctx: RequestContext) {
    return ctx.loaders.assessment.byId.load(evidence.assessmentId);
  }

  @FieldResolver(() => Country, { description: 'The country of the assessment.' })
  country(@Root() evidence: Evidence, @Ctx() ctx: RequestContext) {
    return ctx.loaders.country.byCode.load(evidence.countryCode);
  }

  @FieldResolver(() => EvidenceFile, {
    nullable: true,
    description: 'The file attached to this evidence; null when there is none.',
  })
  file(@Root() evidence: Evidence): EvidenceFile | null {
    return evidenceFileOf(evidence);
  }
}
