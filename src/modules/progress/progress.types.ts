import { Field, Int, ObjectType } from 'type-graphql';
import { AssessmentStatus } from '../assessment/assessment.enums';

@ObjectType({ description: 'How many records are in one workflow status.' })
export class WorkflowCount {
  @Field(() => AssessmentStatus, { description: 'The workflow status.' })
  status: AssessmentStatus;

  @Field(() => Int, { description: 'How many records the caller may read are in it.' })
  count: number;
}

@ObjectType({ description: 'Where one country stands in a cycle: what a coordinator looks at every week.' })
export class CountryProgress {
  @Field({ description: 'The country (ISO code).' })
  countryCode: string;

  @Field(() => [WorkflowCount], {
    description: 'The country’s assessments in the cycle by workflow status, every status listed.',
  })
  assessments: WorkflowCount[];

  @Field(() => [WorkflowCount], {
    description:
      'The country’s follow-ups of recommendations in the cycle by workflow status, every status listed.',
  })
  followUps: WorkflowCount[];

  @Field(() => Int, { description: 'Assessments and follow-ups SUBMITTED and waiting for review.' })
  waitingForReview: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Since when the longest-waiting of them has waited (its submission); null when none waits.',
  })
  waitingSince: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many whole days the longest-waiting one has waited; null when none waits.',
  })
  longestWaitDays: number | null;

  @Field(() => Int, { description: 'Open review comments on the country’s assessments in the cycle.' })
  openComments: number;
}

@ObjectType({
  description:
    'The progress of a cycle per country, over what the caller may read (the reviewer does not see drafts, so ' +
    'counts none).',
})
export class CycleProgress {
  @Field({ description: 'The cycle’s id.' })
  cycleId: string;

  @Field(() => [CountryProgress], {
    description: 'One entry per country: every country for the reviewer and admins, its own for a lead.',
  })
  countries: CountryProgress[];
}
