import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Locale } from '../../common/i18n';
import { Translation } from '../../common/localized-text.type';
import { MutationPayload } from '../../common/mutation';
import { TranslationInput } from '../../common/translation-input';
import { Area, Framework, FrameworkVersion } from './framework.entity';
import { Pillar, ScoreCode } from './framework.enums';

const WHOLE_TEXT =
  'The whole text in every language it exists in; English is required, and languages left out are removed ' +
  '(use `translationSet` to change one language).';

@InputType({ description: 'A new indicator framework.' })
export class FrameworkCreateInput {
  @Field({ description: 'Unique code: 1–20 capital letters, digits or dashes, e.g. `WB-THB`.' })
  code: string;

  @Field(() => [TranslationInput], { description: `The name. ${WHOLE_TEXT}` })
  name: TranslationInput[];

  @Field(() => [TranslationInput], { description: `What the framework covers. ${WHOLE_TEXT}` })
  description: TranslationInput[];
}

@ObjectType({ description: 'The result of `frameworkCreate`.' })
export class FrameworkCreatePayload extends MutationPayload {
  @Field(() => Framework, { nullable: true, description: 'The new framework; null when refused.' })
  framework: Framework | null = null;
}

@InputType({ description: 'A new DRAFT version of a framework, empty or copied from another version.' })
export class FrameworkVersionCreateInput {
  @Field(() => ID, { description: 'The framework.' })
  frameworkId: string;

  @Field({ description: 'Label unique within the framework, e.g. `2026.1` (letters, digits, dots, dashes).' })
  label: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'A version (of any framework, in any status) whose areas, score scale, indicators and their standards ' +
      'are copied into the new one. Omitted: the new version starts empty with the default score scale.',
  })
  copyFromVersionId?: string | null;
}

@ObjectType({ description: 'The result of `frameworkVersionCreate`.' })
export class FrameworkVersionCreatePayload extends MutationPayload {
  @Field(() => FrameworkVersion, { nullable: true, description: 'The new draft; null when refused.' })
  frameworkVersion: FrameworkVersion | null = null;
}

@InputType({ description: 'Publishes a DRAFT framework version so that cycles may use it.' })
export class FrameworkVersionPublishInput {
  @Field(() => ID, { description: 'The draft version.' })
  id: string;
}

@ObjectType({ description: 'The result of `frameworkVersionPublish`.' })
export class FrameworkVersionPublishPayload extends MutationPayload {
  @Field(() => FrameworkVersion, {
    nullable: true,
    description: 'The version, now PUBLISHED; null when refused.',
  })
  frameworkVersion: FrameworkVersion | null = null;
}

@InputType({ description: 'A new pillar area or sub-theme in a framework version no cycle uses yet.' })
export class AreaCreateInput {
  @Field(() => ID, { description: 'The framework version.' })
  frameworkVersionId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'For a sub-theme, its pillar area (of the same version); omitted for a pillar area.',
  })
  parentId?: string | null;

  @Field({ description: 'Code unique within the version, e.g. `PROT-ID`.' })
  code: string;

  @Field(() => Pillar, {
    nullable: true,
    description:
      'Required for a pillar area; a sub-theme takes its parent’s pillar (giving another is refused).',
  })
  pillar?: Pillar | null;

  @Field(() => [TranslationInput], { description: `The title. ${WHOLE_TEXT}` })
  title: TranslationInput[];

  @Field(() => [TranslationInput], { description: `What the area covers. ${WHOLE_TEXT}` })
  description: TranslationInput[];

  @Field(() => Int, { nullable: true, description: 'Order among its siblings; omitted: after the last.' })
  position?: number | null;
}

@ObjectType({ description: 'The result of `areaCreate`.' })
export class AreaCreatePayload extends MutationPayload {
  @Field(() => Area, { nullable: true, description: 'The new area; null when refused.' })
  area: Area | null = null;
}

@InputType({ description: 'Changes an area of a framework version no cycle uses yet. Omitted fields stay.' })
export class AreaUpdateInput {
  @Field(() => ID, { description: 'The area.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New code, unique within the version.' })
  code?: string | null;

  @Field(() => [TranslationInput], { nullable: true, description: `New title. ${WHOLE_TEXT}` })
  title?: TranslationInput[] | null;

  @Field(() => [TranslationInput], { nullable: true, description: `New description. ${WHOLE_TEXT}` })
  description?: TranslationInput[] | null;

  @Field(() => Int, { nullable: true, description: 'New order among its siblings.' })
  position?: number | null;
}

@ObjectType({ description: 'The result of `areaUpdate`.' })
export class AreaUpdatePayload extends MutationPayload {
  @Field(() => Area, { nullable: true, description: 'The area after the change; null when refused.' })
  area: Area | null = null;
}

@InputType({ description: 'Deletes an area without indicators or sub-themes.' })
export class AreaDeleteInput {
  @Field(() => ID, { description: 'The area.' })
  id: string;
}

@ObjectType({ description: 'The result of `areaDelete`.' })
export class AreaDeletePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted area; null when refused.' })
  deletedAreaId: string | null = null;
}

export enum TranslatableEntity {
  FRAMEWORK = 'FRAMEWORK',
  AREA = 'AREA',
  INDICATOR = 'INDICATOR',
  STANDARD = 'STANDARD',
  SCORE_LEVEL = 'SCORE_LEVEL',
}

registerEnumType(TranslatableEntity, {
  name: 'TranslatableEntity',
  description: 'A kind of record with multilingual texts.',
  valuesConfig: {
    FRAMEWORK: { description: 'A framework (NAME, DESCRIPTION).' },
    AREA: { description: 'A pillar area or sub-theme (TITLE, DESCRIPTION).' },
    INDICATOR: { description: 'An indicator (TITLE, GUIDANCE, MEANS_OF_VERIFICATION).' },
    STANDARD: { description: 'A standard (TITLE, SUMMARY).' },
    SCORE_LEVEL: {
      description:
        'A level of a version’s score scale (LABEL, DESCRIPTOR), named by version id and score code.',
    },
  },
});

export enum TranslatableField {
  NAME = 'NAME',
  DESCRIPTION = 'DESCRIPTION',
  TITLE = 'TITLE',
  GUIDANCE = 'GUIDANCE',
  MEANS_OF_VERIFICATION = 'MEANS_OF_VERIFICATION',
  SUMMARY = 'SUMMARY',
  LABEL = 'LABEL',
  DESCRIPTOR = 'DESCRIPTOR',
}

registerEnumType(TranslatableField, {
  name: 'TranslatableField',
  description: 'A multilingual text field; which ones a record has depends on its kind.',
  valuesConfig: {
    NAME: { description: 'A framework’s name.' },
    DESCRIPTION: { description: 'A framework’s or an area’s description.' },
    TITLE: { description: 'An area’s, an indicator’s or a standard’s title.' },
    GUIDANCE: { description: 'An indicator’s guidance on assessing it.' },
    MEANS_OF_VERIFICATION: { description: 'An indicator’s means of verification.' },
    SUMMARY: { description: 'A standard’s summary.' },
    LABEL: { description: 'A score level’s label.' },
    DESCRIPTOR: { description: 'A score level’s descriptor.' },
  },
});

@InputType({ description: 'Sets or removes one language of one multilingual text.' })
export class TranslationSetInput {
  @Field(() => TranslatableEntity, { description: 'The kind of record.' })
  entity: TranslatableEntity;

  @Field(() => ID, { description: 'The record; for a SCORE_LEVEL, the framework version.' })
  id: string;

  @Field(() => ScoreCode, { nullable: true, description: 'For a SCORE_LEVEL only: the level.' })
  scoreCode?: ScoreCode | null;

  @Field(() => TranslatableField, { description: 'The text field; it must be one the record has.' })
  field: TranslatableField;

  @Field(() => Locale, { description: 'The language.' })
  locale: Locale;

  @Field(() => String, {
    nullable: true,
    description: 'The text; null or empty removes the translation (English cannot be removed).',
  })
  text?: string | null;
}

@ObjectType({ description: 'The result of `translationSet`.' })
export class TranslationSetPayload extends MutationPayload {
  @Field(() => [Translation], {
    nullable: true,
    description: 'Every language the text is now stored in, English first; null when refused.',
  })
  translations: Translation[] | null = null;
}

@ObjectType({ description: 'A text of a framework version that has no translation in a language.' })
export class MissingTranslation {
  @Field(() => TranslatableEntity, { description: 'The kind of record.' })
  entity: TranslatableEntity;

  @Field(() => ID, {
    description: 'The record, as `translationSet` takes it (for a score level: the framework version).',
  })
  id: string;

  @Field({
    description:
      'What the record is known by: the framework’s, area’s or indicator’s code, the score level’s code ' +
      '(`0`–`3`, `NOT_APPLICABLE`, `NO_DATA`), or a standard’s instrument and reference.',
  })
  code: string;

  @Field(() => ScoreCode, {
    nullable: true,
    description: 'For a score level: the level, as `translationSet` takes it.',
  })
  scoreCode: ScoreCode | null;

  @Field(() => TranslatableField, { description: 'The text field.' })
  field: TranslatableField;

  @Field({ description: 'The English text, to translate from.' })
  english: string;
}
