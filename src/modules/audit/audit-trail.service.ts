import type { RequestContext } from '../../common/context';
import type { Page, PageWindow } from '../../common/connection';
import { forbidden } from '../../common/errors';
import { emptyPage, loadPages } from '../../common/paging';
import { getAssessment } from '../assessment/assessment.service';
import { roleOf, worksOnCountry } from '../auth/viewer';
import { Role } from '../user/user.enums';
import { AuditEvent } from './audit.entity';

/**
 * The history of an assessment with its evidence and comments, oldest first, for whoever may read the
 * assessment. Evidence and comment events carry their texts and confidentiality, so only readers who see all of
 * an assessment's evidence and comments (admins, the reviewer, the country's partner) get them; other readers
 * get the assessment's own changes. Any other record's history is for admins.
 */
export async function auditTrail(
  ctx: RequestContext,
  entityId: string,
  window: PageWindow,
): Promise<Page<AuditEvent>> {
  const role = roleOf(ctx.viewer);
  const assessment = await getAssessment(ctx, entityId);
  let where: string;
  if (assessment) {
    const full =
      role === Role.ADMIN || role === Role.REVIEWER || worksOnCountry(ctx.viewer, assessment.countryCode);
    where = full ? 't.assessment_id = $1' : `t.assessment_id = $1 AND t.entity_type = 'assessment'`;
  } else if (role === Role.ADMIN) {
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
