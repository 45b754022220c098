import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/mutation';
import { ReviewComment } from './review-comment.entity';
import { AssessmentField } from './review-comment.enums';

@InputType({ description: 'A comment on an assessment.' })
export class ReviewCommentCreateInput {
  @Field(() => ID, { description: 'The assessment commented on.' })
  assessmentId: string;

  @Field({ description: 'The comment (1–10000 characters).' })
  body: string;

  @Field(() => AssessmentField, {
    nullable: true,
    description: 'The part of the assessment it is about, if one.',
  })
  field?: AssessmentField | null;
}

@InputType({ description: 'Marks a comment as dealt with.' })
export class ReviewCommentResolveInput {
  @Field(() => ID, { description: 'The comment.' })
  id: string;
}

@ObjectType({ description: 'The result of `reviewCommentCreate`.' })
export class ReviewCommentCreatePayload extends MutationPayload {
  @Field(() => ReviewComment, { nullable: true, description: 'The new comment; null when refused.' })
  comment: ReviewComment | null = null;
}

@ObjectType({ description: 'The result of `reviewCommentResolve`.' })
export class ReviewCommentResolvePayload extends MutationPayload {
  @Field(() => ReviewComment, { nullable: true, description: 'The resolved comment; null when refused.' })
  comment: ReviewComment | null = null;
}
