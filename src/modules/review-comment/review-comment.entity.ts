import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AssessmentField, CommentStatus } from './review-comment.enums';

@ObjectType({
  description: 'A reviewer’s or partner’s comment on an assessment, optionally about one of its fields.',
})
@Entity({ name: 'review_comment' })
export class ReviewComment {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  /** Copied from the assessment (and held equal by a foreign key) so that row checks need no join. */
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Field(() => AssessmentField, {
    nullable: true,
    description: 'The field the comment is about; null for the whole.',
  })
  @Column({ type: 'text', nullable: true })
  field: AssessmentField | null;

  @Field({ description: 'The comment.' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => CommentStatus, { description: 'Open or resolved.' })
  @Column({ type: 'text', default: CommentStatus.OPEN })
  status: CommentStatus;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Field(() => Date, { nullable: true, description: 'When the comment was resolved.' })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Field({ description: 'When the comment was written.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
