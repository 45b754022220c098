import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { forbidden } from '../../common/errors';
import { emptyPage, loadPages } from '../../common/paging';
import { seesWorkOn } from '../assessment/assessment.policy';
import { getAssessment } from '../assessment/assessment.service';
import { AuditEvent } from './audit.entity';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';

/**
 * The history of an assessment, oldest first, for whoever may read the assessment. Its history with its evidence
 * and comments is work in progress: drafts of the answer and narrative, earlier scores, review comments,
 * confidential evidence. Only the people behind the country's work read it (its partner's users, the reviewer,
 * admins: `seesWorkOn`). Everyone else gets the entries that made a published state, the `publish` events, which
 * say when and at which version the assessment became what the public reads and nothing the public does not
 * read; an assessment that was never published has no history for them. Any other record's history (users with
 * their e-mail addresses, keys, webhooks) is for admins who sign in as themselves, not for a platform API key.
 */
export async function auditTrail(
  ctx: RequestContext,
  entityId: string,
  window: PageWindow,
): Promise<Page<AuditEvent>> {
  const assessment = await getAssessment(ctx, entityId);
  let where: string;
  if (assessment) {
    where = seesWorkOn(ctx.viewer, assessment.countryCode)
      ? 't.assessment_id = $1'
      : `t.assessment_id = $1 AND t.entity_type = 'assessment' AND t.action = 'publish'`;
  } else if (can(ctx.viewer, Capability.AUDIT_READ_ALL)) {
    where = 't.entity_id = $1';
  } else {
    throw forbidden('Only admins read the history of records other than assessments.');
  }
  const pages = await loadPages(
    ctx.db,
    AuditEvent,
    { where, params: [entityId], partitionBy: null, orderBy: 't.seq' },
    window,
  );
  return pages.get('') ?? emptyPage(window);
}
