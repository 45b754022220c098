import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { TranslationInput } from '../../common/translation-input';
import { Edition } from '../edition/edition.entity';
import { MonitoringCycle } from './cycle.entity';
import { CycleStatus } from './cycle.enums';

@InputType({ description: 'A new monitoring cycle; it starts PLANNED.' })
export class CycleCreateInput {
  @Field({ description: 'Unique short code, e.g. `2026`.' })
  code: string;

  @Field(() => Int, { description: 'The year the cycle reports on.' })
  year: number;

  @Field(() => [TranslationInput], { description: 'The title; English required.' })
  title: TranslationInput[];

  @Field(() => ID, { description: 'The published framework version every country assesses.' })
  frameworkVersionId: string;

  @Field(() => String, { nullable: true, description: 'First day for recording assessments (YYYY-MM-DD).' })
  opensOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day for recording assessments (YYYY-MM-DD).' })
  closesOn?: string | null;
}

@InputType({
  description:
    'Moves a cycle on: PLANNED → OPEN → CLOSED → PUBLISHED; CLOSED → OPEN reopens it before publication and ' +
    'PUBLISHED → OPEN after (published assessments go back to APPROVED, the public keeps reading the last ' +
    'edition). Publishing turns APPROVED assessments into PUBLISHED ones, freezes the cycle and creates a new ' +
    'immutable edition.',
})
export class CycleTransitionInput {
  @Field(() => ID, { description: 'The cycle.' })
  id: string;

  @Field(() => CycleStatus, { description: 'The status to move to.' })
  to: CycleStatus;
}

@ObjectType({ description: 'The result of `cycleCreate`.' })
export class CycleCreatePayload extends MutationPayload {
  @Field(() => MonitoringCycle, { nullable: true, description: 'The new cycle; null when refused.' })
  cycle: MonitoringCycle | null = null;
}

@ObjectType({ description: 'The result of `cycleTransition`.' })
export class CycleTransitionPayload extends MutationPayload {
  @Field(() => MonitoringCycle, {
    nullable: true,
    description: 'The cycle after the change; null when refused.',
  })
  cycle: MonitoringCycle | null = null;

  @Field(() => Int, {
    description: 'How many assessments were published by this change (0 unless publishing).',
  })
  publishedAssessments = 0;

  @Field(() => Edition, {
    nullable: true,
    description: 'The edition publishing created; null for other steps.',
  })
  edition: Edition | null = null;
}
