import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { TranslationInput } from '../../common/translation-input';
import { Standard } from './standard.entity';
import { Instrument } from './standard.enums';

const WHOLE_TEXT =
  'The whole text in every language it exists in; English is required, and languages left out are removed ' +
  '(use `translationSet` to change one language).';

@InputType({ description: 'A new provision of an instrument that indicators can measure.' })
export class StandardCreateInput {
  @Field(() => Instrument, { description: 'The instrument the provision belongs to.' })
  instrument: Instrument;

  @Field({
    description:
      'The provision as cited, e.g. `Art. 10(1)` or `Measure 2.3` (up to 60 characters); unique per instrument.',
  })
  reference: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The country (ISO code) whose plan it is: required for NATIONAL_ACTION_PLAN, refused otherwise.',
  })
  countryCode?: string | null;

  @Field(() => [TranslationInput], { description: `Short title. ${WHOLE_TEXT}` })
  title: TranslationInput[];

  @Field(() => [TranslationInput], { description: `What the provision requires, in brief. ${WHOLE_TEXT}` })
  summary: TranslationInput[];
}

@ObjectType({ description: 'The result of `standardCreate`.' })
export class StandardCreatePayload extends MutationPayload {
  @Field(() => Standard, { nullable: true, description: 'The new standard; null when refused.' })
  standard: Standard | null = null;
}

@InputType({
  description:
    'Changes a standard. Standards are not versioned: the change shows in every framework version that ' +
    'measures it. Omitted fields stay.',
})
export class StandardUpdateInput {
  @Field(() => ID, { description: 'The standard.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New reference, unique per instrument.' })
  reference?: string | null;

  @Field(() => [TranslationInput], { nullable: true, description: `New title. ${WHOLE_TEXT}` })
  title?: TranslationInput[] | null;

  @Field(() => [TranslationInput], { nullable: true, description: `New summary. ${WHOLE_TEXT}` })
  summary?: TranslationInput[] | null;
}

@ObjectType({ description: 'The result of `standardUpdate`.' })
export class StandardUpdatePayload extends MutationPayload {
  @Field(() => Standard, { nullable: true, description: 'The standard after the change; null when refused.' })
  standard: Standard | null = null;
}
