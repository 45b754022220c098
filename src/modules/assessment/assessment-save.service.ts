import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/sql';
import type { RequestContext } from '../../common/context';
import { forbidden, UserError, UserErrorCode } from '../../common/errors';
import { announce } from '../../common/live-events';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { toI18nText } from '../../common/translation-input';
import { assertCountryCode, assertId } from '../../common/validation';
import { changedFields, recordAudit } from '../audit/audit.service';
import { auditCells, prepareBreakdown, writeBreakdown } from '../breakdown/breakdown-save';
import { CycleStatus } from '../cycle/cycle.enums';
import type { AnswerType } from '../indicator/indicator.enums';
import { parseAnswer } from './assessment-answer';
import { Assessment } from './assessment.entity';
import { isEditableStatus } from './assessment.policy';
import type { AssessmentSaveInput } from './assessment.types';
import { AssessmentSavePayload } from './assessment.types';
import { can } from '../authz/authz';
import { Capability } from '../authz/capabilities';

/** The columns a change may touch, as stored, for the audit trail. */
export function auditView(a: Assessment): Record<string, unknown> {
  return {
    score: a.score,
    notScoredReason: a.notScoredReason,
    valueNumber: a.valueNumber,
    valueBoolean: a.valueBoolean,
    valueText: a.valueText,
    narrative: a.narrative,
    confidence: a.confidence,
    status: a.status,
    version: a.version,
  };
}

async function loadTargets(m: EntityManager, input: AssessmentSaveInput, countryCode: string) {
  const [row] = await m.query(
    `SELECT c.status AS cycle_status, c.framework_version_id AS cycle_version,
       i.answer_type, i.framework_version_id AS indicator_version,
       EXISTS (SELECT 1 FROM country WHERE code = $3) AS country_exists
     FROM (SELECT 1) one
     LEFT JOIN monitoring_cycle c ON c.id = $1
     LEFT JOIN indicator i ON i.id = $2`,
    [input.cycleId, input.indicatorId, countryCode],
  );
  return row as {
    cycle_status: CycleStatus | null;
    cycle_version: string | null;
    answer_type: AnswerType | null;
    indicator_version: string | null;
    country_exists: boolean;
  };
}

/**
 * Creates or changes the assessment of a country × indicator × cycle. Changes are optimistic: the caller names
 * the version it read, and exactly one of two concurrent saves of that version wins; the row lock taken first
 * makes the loser wait and then see the new version.
 */
export async function saveAssessment(
  ctx: RequestContext,
  input: AssessmentSaveInput,
): Promise<AssessmentSavePayload> {
  input.cycleId = assertId(input.cycleId, 'input.cycleId');
  input.indicatorId = assertId(input.indicatorId, 'input.indicatorId');
  const countryCode = assertCountryCode(input.countryCode, 'input.countryCode');
  // The tenant check: whatever the role rule let through, only a country's own editors change it.
  if (!can(ctx.viewer, Capability.ASSESSMENT_EDIT, { countryCode }))
    throw forbidden(`You cannot change assessments of ${countryCode}.`);
  const viewer = ctx.viewer;
  const userId = viewer.kind === 'user' ? viewer.userId : null;

  return runMutation(
    ctx,
    () => new AssessmentSavePayload(),
    async (m, result) => {
      const target = await loadTargets(m, input, countryCode);
      const errors: UserError[] = [];
      if (!target.country_exists)
        errors.push(
          UserError.of(UserErrorCode.NOT_FOUND, `There is no country ${countryCode}.`, [
            'input',
            'countryCode',
          ]),
        );
      if (!target.cycle_status)
        errors.push(UserError.of(UserErrorCode.NOT_FOUND, 'There is no such cycle.', ['input', 'cycleId']));
      if (
        !target.answer_type ||
        (target.cycle_version && target.indicator_version !== target.cycle_version)
      ) {
        errors.push(
          UserError.of(UserErrorCode.NOT_FOUND, 'The indicator is not part of the cycle’s framework.', [
            'input',
            'indicatorId',
          ]),
        );
      }
      if (errors.length) throw new BusinessRuleError(errors);
      if (target.cycle_status !== CycleStatus.OPEN) {
        throw BusinessRuleError.of(
          UserErrorCode.CYCLE_NOT_OPEN,
          `The cycle is ${target.cycle_status}: assessments can only change while it is OPEN.`,
          ['input', 'cycleId'],
        );
      }
      const parsed = parseAnswer(input, target.answer_type as AnswerType);
      const narrative = input.narrative ? toI18nText(input.narrative, ['input', 'narrative'], 20000) : null;
      const inputErrors = [...parsed.errors, ...(narrative?.errors ?? [])];
      if (inputErrors.length) throw new BusinessRuleError(inputErrors);

      const [existingRow] = await m.query(
        `SELECT * FROM assessment WHERE country_code = $1 AND cycle_id = $2 AND indicator_id = $3 FOR UPDATE`,
        [countryCode, input.cycleId, input.indicatorId],
      );
      const columns: Record<string, unknown> = { ...(parsed.answer ?? {}) };
      if (input.narrative !== undefined)
        columns.narrative = narrative?.value ? JSON.stringify(narrative.value) : null;
      if (input.confidence !== undefined) columns.confidence = input.confidence;

      let saved: Assessment;
      if (existingRow) {
        const existing = hydrate(ctx.db, Assessment, existingRow);
        if (input.expectedVersion == null || input.expectedVersion !== existing.version) {
          result.currentVersion = existing.version;
          throw BusinessRuleError.of(
            UserErrorCode.STALE_VERSION,
            input.expectedVersion == null
              ? `The assessment exists (version ${existing.version}): send expectedVersion to change it.`
              : `The assessment changed since version ${input.expectedVersion}; it is now version ${existing.version}.`,
            ['input', 'expectedVersion'],
          );
        }
        if (!isEditableStatus(existing.status)) {
          throw BusinessRuleError.of(
            UserErrorCode.NOT_EDITABLE,
            `The assessment is ${existing.status} and cannot be changed.`,
          );
        }
        const breakdown = await prepareBreakdown(m, input.breakdown, {
          assessmentId: existing.id,
          indicatorId: input.indicatorId,
          answerType: target.answer_type as AnswerType,
          total: parsed.answer ? parsed.answer.value_number : existing.valueNumber,
          totalChanged: !!parsed.answer && parsed.answer.value_number !== existing.valueNumber,
          countryCode,
        });
        if (breakdown.errors.length) throw new BusinessRuleError(breakdown.errors);
        const names = Object.keys(columns);
        const [row] = await queryRows(
          m,
          `UPDATE assessment SET ${names.map((n, i) => `${n} = $${i + 3}`).join(', ')}${names.length ? ',' : ''}
           version = version + 1, updated_by = $${names.length + 3}, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING *`,
          [existing.id, existing.version, ...names.map((n) => columns[n]), userId],
        );
        saved = hydrate(ctx.db, Assessment, row);
        const diff = changedFields(auditView(existing), auditView(saved));
        if (breakdown.cells) {
          await writeBreakdown(m, saved.id, countryCode, breakdown.cells);
          Object.assign(
            diff,
            changedFields(
              { ...diff.before, breakdown: auditCells(breakdown.before) },
              { ...diff.after, breakdown: auditCells(breakdown.cells) },
            ),
          );
        }
        await recordAudit(m, ctx, {
          entityType: 'assessment',
          entityId: saved.id,
          assessmentId: saved.id,
          countryCode,
          action: 'update',
          ...diff,
        });
      } else {
        if (input.expectedVersion != null) {
          throw BusinessRuleError.of(
            UserErrorCode.STALE_VERSION,
            'The assessment does not exist yet: omit expectedVersion to create it.',
            ['input', 'expectedVersion'],
          );
        }
        const breakdown = await prepareBreakdown(m, input.breakdown, {
          assessmentId: null,
          indicatorId: input.indicatorId,
          answerType: target.answer_type as AnswerType,
          total: parsed.answer?.value_number ?? null,
          totalChanged: false,
          countryCode,
        });
        if (breakdown.errors.length) throw new BusinessRuleError(breakdown.errors);
        const names = [
          'country_code',
          'cycle_id',
          'indicator_id',
          'created_by',
          'updated_by',
          ...Object.keys(columns),
        ];
        const values = [
          countryCode,
          input.cycleId,
          input.indicatorId,
          userId,
          userId,
          ...Object.values(columns),
        ];
        const rows = await m.query(
          `INSERT INTO assessment (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (country_code, cycle_id, indicator_id) DO NOTHING RETURNING *`,
          values,
        );
        if (rows.length === 0) {
          throw BusinessRuleError.of(
            UserErrorCode.STALE_VERSION,
            'Someone created this assessment at the same moment; reload it.',
            ['input', 'expectedVersion'],
          );
        }
        saved = hydrate(ctx.db, Assessment, rows[0]);
        if (breakdown.cells?.length) await writeBreakdown(m, saved.id, countryCode, breakdown.cells);
        await recordAudit(m, ctx, {
          entityType: 'assessment',
          entityId: saved.id,
          assessmentId: saved.id,
          countryCode,
          action: 'create',
          after: breakdown.cells?.length
            ? { ...auditView(saved), breakdown: auditCells(breakdown.cells) }
            : auditView(saved),
        });
      }
      announce(ctx, { type: 'assessment', assessmentId: saved.id, countryCode, cycleId: saved.cycleId });
      result.assessment = saved;
    },
  );
}
