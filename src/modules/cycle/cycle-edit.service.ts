import type { RequestContext } from '../../common/context';
import { queryRows } from '../../common/sql';
import { UserError, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { toI18nText } from '../../common/translation-input';
import { assertId } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import type { CycleCreateInput, CycleTransitionInput } from './cycle-edit.types';
import { CycleCreatePayload, CycleTransitionPayload } from './cycle-edit.types';
import { MonitoringCycle } from './cycle.entity';
import { CycleStatus } from './cycle.enums';

const CODE_RE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The steps a cycle may take; CLOSED → OPEN lets partners fix something found before publication. */
const NEXT: Record<CycleStatus, CycleStatus[]> = {
  [CycleStatus.PLANNED]: [CycleStatus.OPEN],
  [CycleStatus.OPEN]: [CycleStatus.CLOSED],
  [CycleStatus.CLOSED]: [CycleStatus.OPEN, CycleStatus.PUBLISHED],
  [CycleStatus.PUBLISHED]: [],
};

export function createCycle(ctx: RequestContext, input: CycleCreateInput): Promise<CycleCreatePayload> {
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
      const cycle = hydrate(ctx.dataSource, MonitoringCycle, row);
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

/**
 * Moves a cycle to its next status. Publishing is one transaction: every APPROVED assessment becomes PUBLISHED,
 * each with its audit event, and the cycle is stamped; a failure anywhere leaves all of it as it was.
 */
export function transitionCycle(
  ctx: RequestContext,
  input: CycleTransitionInput,
): Promise<CycleTransitionPayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new CycleTransitionPayload(),
    async (m, result) => {
      const rows = await m.query(`SELECT * FROM monitoring_cycle WHERE id = $1 FOR UPDATE`, [id]);
      if (rows.length === 0)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such cycle.', ['input', 'id']);
      const before = hydrate(ctx.dataSource, MonitoringCycle, rows[0]);
      if (!NEXT[before.status].includes(input.to)) {
        throw BusinessRuleError.of(
          UserErrorCode.INVALID_TRANSITION,
          `A ${before.status} cycle cannot move to ${input.to}.`,
          ['input', 'to'],
        );
      }
      if (input.to === CycleStatus.PUBLISHED) {
        const actor = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
        const organisation = ctx.viewer.kind === 'anonymous' ? null : ctx.viewer.organisationId;
        const published = await m.query(
          `WITH published AS (
           UPDATE assessment SET status = 'PUBLISHED', version = version + 1, updated_by = $2, updated_at = now()
           WHERE cycle_id = $1 AND status = 'APPROVED' RETURNING id, country_code, version)
         INSERT INTO audit_event (actor_user_id, actor_organisation_id, entity_type, entity_id, assessment_id, country_code,
           action, before, after)
         SELECT $2, $3, 'assessment', id, id, country_code, 'publish',
           jsonb_build_object('status', 'APPROVED', 'version', version - 1),
           jsonb_build_object('status', 'PUBLISHED', 'version', version)
         FROM published RETURNING entity_id`,
          [id, actor, organisation],
        );
        result.publishedAssessments = published.length;
      }
      const [row] = await queryRows(
        m,
        `UPDATE monitoring_cycle SET status = $2, published_at = CASE WHEN $2 = 'PUBLISHED' THEN now() ELSE published_at END,
         updated_at = now() WHERE id = $1 RETURNING *`,
        [id, input.to],
      );
      const cycle = hydrate(ctx.dataSource, MonitoringCycle, row);
      await recordAudit(m, ctx, {
        entityType: 'monitoring_cycle',
        entityId: id,
        action: input.to === CycleStatus.PUBLISHED ? 'publish' : 'transition',
        before: { status: before.status },
        after: { status: cycle.status, publishedAssessments: result.publishedAssessments },
      });
      result.cycle = cycle;
    },
  );
}
