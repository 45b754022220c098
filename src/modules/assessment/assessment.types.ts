import { ArgsType, Field, ID } from 'type-graphql';
import { Connection, PageArgs } from '../../common/connection';
import { Assessment } from './assessment.entity';
import { AssessmentStatus } from './assessment.enums';

export const AssessmentConnection = Connection(Assessment, 'Assessment', 'assessments');

@ArgsType()
class AssessmentStatusArgs extends PageArgs {
  @Field(() => AssessmentStatus, { nullable: true, description: 'Only assessments in this status.' })
  status?: AssessmentStatus | null;
}

@ArgsType()
export class CountryAssessmentsArgs extends AssessmentStatusArgs {
  @Field(() => ID, { nullable: true, description: 'Only assessments of this monitoring cycle.' })
  cycleId?: string | null;
}

@ArgsType()
export class CycleAssessmentsArgs extends AssessmentStatusArgs {
  @Field(() => String, { nullable: true, description: 'Only assessments of this country (ISO code).' })
  countryCode?: string | null;
}

@ArgsType()
export class AssessmentsArgs extends CountryAssessmentsArgs {
  @Field(() => String, { nullable: true, description: 'Only assessments of this country (ISO code).' })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only assessments of this indicator.' })
  indicatorId?: string | null;
}

/** What a list of assessments is narrowed by; every field is optional. */
export interface AssessmentFilter {
  cycleId?: string | null;
  countryCode?: string | null;
  indicatorId?: string | null;
  status?: AssessmentStatus | null;
}
