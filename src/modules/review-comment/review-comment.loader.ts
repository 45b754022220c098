import type { RequestContext } from '../../common/context';
import { pageLoader } from '../../common/loaders';
import { pageComments } from './review-comment.service';

export function createReviewCommentLoaders(ctx: RequestContext) {
  return {
    pageByAssessment: pageLoader((ids: string[], _filter: null, window) => pageComments(ctx, ids, window)),
  };
}

declare module '../../common/context' {
  interface Loaders {
    reviewComment: ReturnType<typeof createReviewCommentLoaders>;
  }
}
