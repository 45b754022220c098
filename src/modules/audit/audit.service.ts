import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  assessmentId?: string | null;
  countryCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Only the fields that changed, so that the trail reads as what was done. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/** Writes an audit event inside the caller's transaction: the change and its record commit or fail together. */
export async function recordAudit(
  manager: EntityManager,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  const viewer = ctx.viewer;
  await manager.query(
    `INSERT INTO audit_event (actor_user_id, actor_organisation_id, entity_type, entity_id, assessment_id, country_code,
       action, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      viewer.kind === 'user' ? viewer.userId : null,
      viewer.kind === 'anonymous' ? null : viewer.organisationId,
      entry.entityType,
      entry.entityId,
      entry.assessmentId ?? null,
      entry.countryCode ?? null,
      entry.action,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
    ],
  );
}
