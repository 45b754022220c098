import type { RequestContext } from '../../common/context';
import { DataStatus, dataStatusOf } from './data-status';

/**
 * FUNDING_STATEMENT, read once at start: the same for every edition a deployment publishes, so it is
 * configuration rather than data. Null when not set.
 */
let fundingStatement: string | null = null;

export function setFundingStatement(text: string | null): void {
  fundingStatement = text && text.trim() !== '' ? text.trim() : null;
}

/** What a citation or a page says of the deployment's data besides the edition itself. */
export interface PublicationFacts {
  dataStatus: DataStatus;
  fundingStatement: string | null;
}

export async function publicationFacts(ctx: RequestContext): Promise<PublicationFacts> {
  return { dataStatus: await dataStatusOf(ctx), fundingStatement };
}

export function currentFundingStatement(): string | null {
  return fundingStatement;
}
