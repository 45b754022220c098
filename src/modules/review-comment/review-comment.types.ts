import { Connection } from '../../common/connection';
import { ReviewComment } from './review-comment.entity';

export const ReviewCommentConnection = Connection(ReviewComment, 'ReviewComment', 'review comments');
