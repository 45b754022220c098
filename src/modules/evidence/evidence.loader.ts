import type { RequestContext } from '../../common/context';
import { pageLoader, uniqueLoader } from '../../common/loaders';
import { findEvidence, pageEvidence } from './evidence.service';

export function createEvidenceLoaders(ctx: RequestContext) {
  return {
    byId: uniqueLoader(
      (ids: readonly string[]) => findEvidence(ctx, ids),
      (evidence) => evidence.id,
    ),
    pageByAssessment: pageLoader((ids: string[], _filter: null, window) => pageEvidence(ctx, ids, window)),
  };
}

declare module '../../common/context' {
  interface Loaders {
    evidence: ReturnType<typeof createEvidenceLoaders>;
  }
}
