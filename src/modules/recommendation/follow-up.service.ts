import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { forbidden, UserError, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { queryRows } from '../../common/sql';
import { toI18nText } from '../../common/translation-input';
import { assertId } from '../../common/validation';
import { changedFields, recordAudit } from '../audit/audit.service';
import { isEditableStatus } from '../assessment/assessment.policy';
import { CycleStatus } from '../cycle/cycle.enums';
import { RecommendationFollowUp } from './follow-up.entity';
import { followUpEditDecision, recommendationVisibilitySql } from './recommendation.policy';
import type { RecommendationFollowUpSaveInput } from './recommendation.types';
import { RecommendationFollowUpSavePayload } from './recommendation.types';

const MAX_EVIDENCE = 50;

export function followUpAuditView(f: RecommendationFollowUp): Record<string, unknown> {
  return {
    implementationStatus: f.implementationStatus,
    narrative: f.narrative,
    status: f.status,
    version: f.version,
  };
}

/** Checks and writes the evidence a follow-up cites: the country's own evidence, which replaces the old list. */
async function setEvidence(m: EntityManager, followUp: RecommendationFollowUp, given: string[]) {
  const ids = [...new Set(given.map((id) => assertId(id, 'input.evidenceIds')))];
  if (ids.length > MAX_EVIDENCE)
    throw BusinessRuleError.of(UserErrorCode.INVALID_INPUT, `At most ${MAX_EVIDENCE} items of evidence.`, [
      'input',
      'evidenceIds',
    ]);
  const found = new Set(
    (
      await m.query(`SELECT id FROM evidence WHERE id = ANY($1) AND country_code = $2`, [
        ids,
        followUp.countryCode,
      ])
    ).map((r: { id: string }) => r.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw BusinessRuleError.of(
      UserErrorCode.NOT_FOUND,
      `No evidence of ${followUp.countryCode} with the ids ${missing.join(', ')}.`,
      ['input', 'evidenceIds'],
    );
  await m.query(`DELETE FROM follow_up_evidence WHERE follow_up_id = $1`, [followUp.id]);
  await m.query(
    `INSERT INTO follow_up_evidence (follow_up_id, evidence_id, country_code) SELECT $1, unnest($2::uuid[]), $3`,
    [followUp.id, ids, followUp.countryCode],
  );
}

/**
 * Creates or changes the follow-up of a recommendation in a cycle, as `assessmentSave` does an assessment:
 * only the country's own editors, only while the cycle is OPEN and the follow-up editable, with its version.
 */
export function saveFollowUp(
  ctx: RequestContext,
  input: RecommendationFollowUpSaveInput,
): Promise<RecommendationFollowUpSavePayload> {
  const recommendationId = assertId(input.recommendationId, 'input.recommendationId');
  const cycleId = assertId(input.cycleId, 'input.cycleId');
  const userId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  return runMutation(
    ctx,
    () => new RecommendationFollowUpSavePayload(),
    async (m, result) => {
      const params: unknown[] = [recommendationId];
      const visible = recommendationVisibilitySql(ctx.viewer, 't', params);
      const [recommendation] = await m.query(
        `SELECT t.country_code FROM recommendation t WHERE t.id = $1 AND ${visible}`,
        params,
      );
      if (!recommendation)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such recommendation.', [
          'input',
          'recommendationId',
        ]);
      const countryCode = recommendation.country_code as string;
      // The tenant check on the loaded row: only the country's own leads and editors follow it up.
      if (!followUpEditDecision(ctx.viewer, countryCode).allowed)
        throw forbidden(`You cannot follow up recommendations to ${countryCode}.`);
      const [cycle] = await m.query(`SELECT status FROM monitoring_cycle WHERE id = $1`, [cycleId]);
      if (!cycle)
        throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such cycle.', ['input', 'cycleId']);
      if (cycle.status !== CycleStatus.OPEN)
        throw BusinessRuleError.of(
          UserErrorCode.CYCLE_NOT_OPEN,
          `The cycle is ${cycle.status}: follow-ups can only change while it is OPEN.`,
          ['input', 'cycleId'],
        );
      const narrative = input.narrative ? toI18nText(input.narrative, ['input', 'narrative'], 20000) : null;
      if (narrative?.errors.length) throw new BusinessRuleError(narrative.errors);
      const columns: Record<string, unknown> = {};
      if (input.implementationStatus != null) columns.implementation_status = input.implementationStatus;
      if (input.narrative !== undefined)
        columns.narrative = narrative?.value ? JSON.stringify(narrative.value) : null;

      const [existingRow] = await m.query(
        `SELECT * FROM recommendation_follow_up WHERE country_code = $1 AND recommendation_id = $2 AND cycle_id = $3
         FOR UPDATE`,
        [countryCode, recommendationId, cycleId],
      );
      let saved: RecommendationFollowUp;
      if (existingRow) {
        const existing = hydrate(ctx.db, RecommendationFollowUp, existingRow);
        if (input.expectedVersion == null || input.expectedVersion !== existing.version) {
          result.currentVersion = existing.version;
          throw BusinessRuleError.of(
            UserErrorCode.STALE_VERSION,
            input.expectedVersion == null
              ? `The follow-up exists (version ${existing.version}): send expectedVersion to change it.`
              : `The follow-up changed since version ${input.expectedVersion}; it is now version ${existing.version}.`,
            ['input', 'expectedVersion'],
          );
        }
        if (!isEditableStatus(existing.status))
          throw BusinessRuleError.of(
            UserErrorCode.NOT_EDITABLE,
            `The follow-up is ${existing.status} and cannot be changed.`,
          );
        const names = Object.keys(columns);
        const [row] = await queryRows(
          m,
          `UPDATE recommendation_follow_up SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')}${names.length ? ',' : ''}
             version = version + 1, updated_by = $${names.length + 2}, updated_at = now()
           WHERE id = $1 RETURNING *`,
          [existing.id, ...names.map((n) => columns[n]), userId],
        );
        saved = hydrate(ctx.db, RecommendationFollowUp, row);
        if (input.evidenceIds != null) await setEvidence(m, saved, input.evidenceIds);
        await recordAudit(m, ctx, {
          entityType: 'recommendation_follow_up',
          entityId: saved.id,
          countryCode,
          action: 'update',
          ...changedFields(
            { ...followUpAuditView(existing), evidenceIds: null },
            { ...followUpAuditView(saved), evidenceIds: input.evidenceIds ?? null },
          ),
        });
      } else {
        const errors: UserError[] = [];
        if (input.expectedVersion != null)
          errors.push(
            UserError.of(
              UserErrorCode.STALE_VERSION,
              'The follow-up does not exist yet: omit expectedVersion to create it.',
              ['input', 'expectedVersion'],
            ),
          );
        if (input.implementationStatus == null)
          errors.push(
            UserError.of(UserErrorCode.INVALID_INPUT, 'A new follow-up needs its implementation status.', [
              'input',
              'implementationStatus',
            ]),
          );
        if (errors.length) throw new BusinessRuleError(errors);
        const rows = await m.query(
          `INSERT INTO recommendation_follow_up (recommendation_id, country_code, cycle_id, implementation_status,
             narrative, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $6)
           ON CONFLICT (country_code, recommendation_id, cycle_id) DO NOTHING RETURNING *`,
          [
            recommendationId,
            countryCode,
            cycleId,
            columns.implementation_status,
            columns.narrative ?? null,
            userId,
          ],
        );
        if (rows.length === 0)
          throw BusinessRuleError.of(
            UserErrorCode.STALE_VERSION,
            'Someone created this follow-up at the same moment; reload it.',
            ['input', 'expectedVersion'],
          );
        saved = hydrate(ctx.db, RecommendationFollowUp, rows[0]);
        if (input.evidenceIds != null) await setEvidence(m, saved, input.evidenceIds);
        await recordAudit(m, ctx, {
          entityType: 'recommendation_follow_up',
          entityId: saved.id,
          countryCode,
          action: 'create',
          after: {
            ...followUpAuditView(saved),
            recommendationId,
            cycleId,
            evidenceIds: input.evidenceIds ?? [],
          },
        });
      }
      result.followUp = saved;
    },
  );
}
