import type { RequestContext } from '../../common/context';
import { queryRows } from '../../common/sql';
import { UserError, UserErrorCode } from '../../common/errors';
import { announce } from '../../common/live-events';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { toI18nText } from '../../common/translation-input';
import { assertId } from '../../common/validation';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import { assertHolds } from '../authz/authz';
import { Capability } from '../authz/capabilities';
import { disclosureMinCount } from '../breakdown/breakdown.service';
import { createEdition } from '../edition/edition.service';
import { moveFollowUps } from '../recommendation/follow-up-publication';
import { enqueueCyclePublished } from '../webhook/webhook.events';
import type { CycleCreateInput, CycleTransitionInput } from './cycle-edit.types';
import { CycleCreatePayload, CycleTransitionPayload } from './cycle-edit.types';
import { MonitoringCycle } from './cycle.entity';
import { CycleStatus } from './cycle.enums';

const CODE_RE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The steps a cycle may take. CLOSED → OPEN lets partners fix something found before publication; PUBLISHED →
 * OPEN reopens a published cycle for corrections, to be published again as a new edition.
 */
const NEXT: Record<CycleStatus, CycleStatus[]> = {
  [CycleStatus.PLANNED]: [CycleStatus.OPEN],
  [CycleStatus.OPEN]: [CycleStatus.CLOSED],
  [CycleStatus.CLOSED]: [CycleStatus.OPEN, CycleStatus.PUBLISHED],
  [CycleStatus.PUBLISHED]: [CycleStatus.OPEN],
};

export function createCycle(ctx: RequestContext, input: CycleCreateInput): Promise<CycleCreatePayload> {
  assertHolds(ctx.viewer, Capability.CYCLE_MANAGE, 'Only admins manage monitoring cycles.');
  const versionId = assertId(input.frameworkVersionId, 'input.frameworkVersionId');
  return runMutation(
    ctx,
    () => new CycleCreatePayload(),
    async (m, result) => {
      const errors: UserError[] = [];
      const code = input.code.trim();
      if (!CODE_RE.test(code))
        errors.push(
          UserError.of(UserErrorCode.INVALID_INPUT, 'A code has 1–20 letters, digits, dots or dashes.', [
            'input',
            'code',
          ]),
        );
      if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
        errors.push(
          UserError.of(UserErrorCode.INVALID_INPUT, 'The year must be from 2000 to 2100.', ['input', 'year']),
        );
      }
      const title = toI18nText(input.title, ['input', 'title'], 200);
      errors.push(...title.errors);
      if (input.title.length === 0)
        errors.push(UserError.of(UserErrorCode.INVALID_INPUT, 'A title is required.', ['input', 'title']));
      for (const key of ['opensOn', 'closesOn'] as const) {
        const value = input[key];
        if (value != null && (!DATE_RE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
          errors.push(
            UserError.of(UserErrorCode.INVALID_INPUT, 'Dates are written YYYY-MM-DD.', ['input', key]),
          );
        }
      }
      if (input.opensOn && input.closesOn && input.opensOn > input.closesOn) {
        errors.push(
          UserError.of(UserErrorCode.INVALID_INPUT, 'The cycle must open before it closes.', [
            'input',
            'closesOn',
          ]),
        );
      }
      const [version] = await m.query(`SELECT status FROM framework_version WHERE id = $1`, [versionId]);
      if (!version)
        errors.push(
          UserError.of(UserErrorCode.NOT_FOUND, 'There is no such framework version.', [
            'input',
            'frameworkVersionId',
          ]),
        );
      else if (version.status !== 'PUBLISHED') {
        errors.push(
          UserError.of(UserErrorCode.INVALID_INPUT, 'A cycle can only use a published framework version.', [
            'input',
            'frameworkVersionId',
          ]),
        );
      }
      if (errors.length) throw new BusinessRuleError(errors);
      const [row] = await m.query(
        `INSERT INTO monitoring_cycle (code, year, title, framework_version_id, status, opens_on, closes_on)
       VALUES ($1, $2, $3, $4, 'PLANNED', $5, $6) RETURNING *`,
        [
          code,
          input.year,
          JSON.stringify(title.value),
          versionId,
          input.opensOn ?? null,
          input.closesOn ?? null,
        ],
      );
      const cycle = hydrate(ctx.db, MonitoringCycle, row);
      await recordAudit(m, ctx, {
        entityType: 'monitoring_cycle',
        entityId: cycle.id,
        action: 'create',
        after: { code, year: input.year, frameworkVersionId: versionId, status: cycle.status },
      });
      result.cycle = cycle;
    },
  );
}

/** Moves every assessment of the cycle from one status to another, each with its audit event, in one statement. */
async function moveAssessments(
  m: EntityManager,
  ctx: RequestContext,
  cycleId: string,
  from: string,
  to: string,
  action: string,
): Promise<number> {
  const actor = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  const organisation = ctx.viewer.kind === 'anonymous' ? null : ctx.viewer.organisationId;
  const moved = await m.query(
    `WITH moved AS (
       UPDATE assessment SET status = $4, version = version + 1, updated_by = $2, updated_at = now()
       WHERE cycle_id = $1 AND status = $5 RETURNING id, country_code, version)
     INSERT INTO audit_event (actor_user_id, actor_organisation_id, entity_type, entity_id, assessment_id, country_code,
       action, before, after)
     SELECT $2, $3, 'assessment', id, id, country_code, $6,
       jsonb_build_object('status', $5::text, 'version', version - 1),
       jsonb_build_object('status', $4::text, 'version', version)
     FROM moved RETURNING entity_id`,
    [cycleId, actor, organisation, to, from, action],
  );
  return moved.length;
}

/**
 * Moves a cycle to its next status. Publishing is one transaction: every APPROVED assessment (and follow-up of a
 * recommendation) becomes PUBLISHED,
 * each with its audit event, the cycle is stamped and a new immutable edition records what the public reads;
 * a failure anywhere leaves all of it as it was. Reopening a published cycle turns its published assessments
 * back into APPROVED ones, while the public keeps reading the last edition.
 */
export function transitionCycle(
  ctx: RequestContext,
  input: CycleTransitionInput,
): Promise<CycleTransitionPayload> {
  assertHolds(ctx.viewer, Capability.CYCLE_MANAGE, 'Only admins manage monitoring cycles.');
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new CycleTransitionPayload(),
    async (m, result) => {
      const rows = await m.query(`SELECT * FROM monitoring_cycle WHERE id = $1 FOR UPDATE`, [id]);
      if (rows.length === 0)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such cycle.', ['input', 'id']);
      const before = hydrate(ctx.db, MonitoringCycle, rows[0]);
      if (!NEXT[before.status].includes(input.to)) {
        throw BusinessRuleError.of(
          UserErrorCode.INVALID_TRANSITION,
          `A ${before.status} cycle cannot move to ${input.to}.`,
          ['input', 'to'],
        );
      }
      if (input.to === CycleStatus.PUBLISHED) {
        result.publishedAssessments = await moveAssessments(m, ctx, id, 'APPROVED', 'PUBLISHED', 'publish');
        await moveFollowUps(m, ctx, id, 'APPROVED', 'PUBLISHED', 'publish');
      } else if (before.status === CycleStatus.PUBLISHED) {
        await moveAssessments(m, ctx, id, 'PUBLISHED', 'APPROVED', 'reopen_cycle');
        await moveFollowUps(m, ctx, id, 'PUBLISHED', 'APPROVED', 'reopen_cycle');
      }
      const [row] = await queryRows(
        m,
        `UPDATE monitoring_cycle SET status = $2, published_at = CASE WHEN $2 = 'PUBLISHED' THEN now() END,
         updated_at = now() WHERE id = $1 RETURNING *`,
        [id, input.to],
      );
      const cycle = hydrate(ctx.db, MonitoringCycle, row);
      if (input.to === CycleStatus.PUBLISHED) {
        result.edition = await createEdition(
          m,
          ctx.db,
          id,
          ctx.viewer.kind === 'user' ? ctx.viewer.userId : null,
          disclosureMinCount(ctx),
        );
      }
      await recordAudit(m, ctx, {
        entityType: 'monitoring_cycle',
        entityId: id,
        action:
          input.to === CycleStatus.PUBLISHED
            ? 'publish'
            : before.status === CycleStatus.PUBLISHED
              ? 'reopen'
              : 'transition',
        before: { status: before.status },
        after: {
          status: cycle.status,
          publishedAssessments: result.publishedAssessments,
          edition: result.edition?.number ?? null,
        },
      });
      if (input.to === CycleStatus.PUBLISHED) {
        await enqueueCyclePublished(m, cycle, result.edition, result.publishedAssessments);
      }
      announce(ctx, { type: 'cycle', cycleId: id });
      result.cycle = cycle;
    },
  );
}
