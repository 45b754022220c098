import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { Evidence } from './evidence.entity';
import { Confidentiality, EvidenceKind, Reliability } from './evidence.enums';

@InputType({ description: 'A new piece of evidence for an assessment the caller may edit.' })
export class EvidenceCreateInput {
  @Field(() => ID, { description: 'The assessment it supports.' })
  assessmentId: string;

  @Field(() => EvidenceKind, { description: 'What kind of source it is.' })
  kind: EvidenceKind;

  @Field({ description: 'Title of the document or a short description of the source (1–500 characters).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Formal citation (at most 1000 characters).' })
  citation?: string | null;

  @Field(() => String, { nullable: true, description: 'An http or https URL (at most 2000 characters).' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Date of the document as YYYY-MM-DD.' })
  documentDate?: string | null;

  @Field({ description: 'Language of the source as a BCP 47 tag, e.g. `sr-Latn`, `sq`, `en`.' })
  language: string;

  @Field(() => String, { nullable: true, description: 'The issuing institution (at most 300 characters).' })
  issuingInstitution?: string | null;

  @Field(() => Reliability, { description: 'How reliable the source is.' })
  reliability: Reliability;

  @Field(() => Confidentiality, { description: 'Who may read it.' })
  confidentiality: Confidentiality;
}

@InputType({
  description: 'Changes to a piece of evidence; omitted fields stay, null clears an optional one.',
})
export class EvidenceUpdateInput {
  @Field(() => ID, { description: 'The evidence to change.' })
  id: string;

  @Field(() => EvidenceKind, { nullable: true, description: 'What kind of source it is.' })
  kind?: EvidenceKind | null;

  @Field(() => String, { nullable: true, description: 'Title (1–500 characters).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Formal citation.' })
  citation?: string | null;

  @Field(() => String, { nullable: true, description: 'An http or https URL.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Date of the document as YYYY-MM-DD.' })
  documentDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Language of the source as a BCP 47 tag.' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'The issuing institution.' })
  issuingInstitution?: string | null;

  @Field(() => Reliability, { nullable: true, description: 'How reliable the source is.' })
  reliability?: Reliability | null;

  @Field(() => Confidentiality, { nullable: true, description: 'Who may read it.' })
  confidentiality?: Confidentiality | null;
}

@InputType({ description: 'The evidence to delete.' })
export class EvidenceDeleteInput {
  @Field(() => ID, { description: 'The evidence to delete.' })
  id: string;
}

@ObjectType({ description: 'The result of `evidenceCreate`.' })
export class EvidenceCreatePayload extends MutationPayload {
  @Field(() => Evidence, { nullable: true, description: 'The new evidence; null when refused.' })
  evidence: Evidence | null = null;
}

@ObjectType({ description: 'The result of `evidenceUpdate`.' })
export class EvidenceUpdatePayload extends MutationPayload {
  @Field(() => Evidence, { nullable: true, description: 'The evidence after the change; null when refused.' })
  evidence: Evidence | null = null;
}

@ObjectType({ description: 'The result of `evidenceDelete`. The deleted values stay in the audit trail.' })
export class EvidenceDeletePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted evidence; null when refused.' })
  deletedEvidenceId: string | null = null;
}
