import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Confidentiality, EvidenceKind, Reliability } from './evidence.enums';
import { Node } from '../../common/node.type';

@ObjectType({
  implements: Node,
  description: 'A source that supports an assessment: a law, a decision, statistics, an interview, …',
})
@Entity({ name: 'evidence' })
export class Evidence {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  /** Copied from the assessment (and held equal by a foreign key) so that row checks need no join. */
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  /**
   * The assessment's status and cycle, copied by the database's triggers on every write of either table so that
   * the read policy needs no join (migrations/1765300000000-EvidenceCarriesAssessmentState.ts). Never written by
   * the API, and read only by the policy.
   */
  @Column({
    name: 'assessment_status',
    type: 'text',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  assessmentStatus?: string | null;

  @Column({
    name: 'assessment_cycle_id',
    type: 'uuid',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  assessmentCycleId?: string | null;

  @Field(() => EvidenceKind, { description: 'What kind of source this is.' })
  @Column({ type: 'text' })
  kind: EvidenceKind;

  @Field({ description: 'Title of the document or a short description of the source.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'Formal citation, e.g. "Official Gazette 85/2005, Art. 388".',
  })
  @Column({ type: 'text', nullable: true })
  citation: string | null;

  @Field(() => String, { nullable: true, description: 'Where the source can be read (http or https URL).' })
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Date of the document, decision or visit (ISO date).' })
  @Column({ name: 'document_date', type: 'date', nullable: true })
  documentDate: string | null;

  @Field({ description: 'Language of the source as a BCP 47 tag, e.g. `sr-Latn`.' })
  @Column({ type: 'text' })
  language: string;

  @Field(() => String, { nullable: true, description: 'The institution that issued the source.' })
  @Column({ name: 'issuing_institution', type: 'text', nullable: true })
  issuingInstitution: string | null;

  @Field(() => Reliability, { description: 'How reliable the source is judged to be.' })
  @Column({ type: 'text' })
  reliability: Reliability;

  @Field(() => Confidentiality, { description: 'Who may read this evidence.' })
  @Column({ type: 'text' })
  confidentiality: Confidentiality;

  /** Where the attached file is kept in the file storage; null when no file is attached. */
  @Column({ name: 'file_key', type: 'text', nullable: true })
  fileKey: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Column({ name: 'file_mime', type: 'text', nullable: true })
  fileMime: string | null;

  @Column({ name: 'file_size', type: 'bigint', nullable: true })
  fileSize: string | null;

  @Column({ name: 'file_sha256', type: 'text', nullable: true })
  fileSha256: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @Field({ description: 'When the evidence was recorded.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the evidence was last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
