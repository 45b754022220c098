import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { ReviewComment } from './review-comment.entity';
import { ReviewCommentAction } from './review-comment.enums';

export const ReviewCommentConnection = Connection(ReviewComment, 'ReviewComment', 'review comments');

@ObjectType({ description: 'A review comment that was written or resolved, as a subscriber may read it.' })
export class ReviewCommentEvent {
  @Field(() => ReviewCommentAction, { description: 'What happened to the comment.' })
  action: ReviewCommentAction;

  @Field(() => ReviewComment, { description: 'The comment as it is after the change.' })
  comment: ReviewComment;
}

@ArgsType()
export class ReviewCommentChangedArgs {
  @Field(() => ID, { nullable: true, description: 'Only comments on this assessment.' })
  assessmentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only comments on assessments of this country (ISO code).',
  })
  countryCode?: string | null;
}
