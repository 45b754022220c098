import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { forbidden, UserErrorCode } from '../../common/errors';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { lockRows, queryRows } from '../../common/sql';
import { assertId } from '../../common/validation';
import { AssessmentStatus } from '../assessment/assessment.enums';
import {
  canReadAssessment,
  canReopenAssessment,
  canReviewAssessment,
  canSubmitAssessment,
} from '../assessment/assessment.policy';
import { ReviewDecision } from '../assessment/assessment.types';
import { recordAudit } from '../audit/audit.service';
import { CycleStatus } from '../cycle/cycle.enums';
import { RecommendationFollowUp } from './follow-up.entity';
import { followUpEditDecision } from './recommendation.policy';
import type {
  FollowUpMutationPayload,
  RecommendationFollowUpReopenInput,
  RecommendationFollowUpReviewInput,
  RecommendationFollowUpSubmitInput,
} from './recommendation.types';
import {
  RecommendationFollowUpReopenPayload,
  RecommendationFollowUpReviewPayload,
  RecommendationFollowUpSubmitPayload,
} from './recommendation.types';

/**
 * The review workflow of follow-ups: the states, steps and rules of assessments (assessment.policy.ts), each step
 * with its audit event. The reviewer's reason for sending one back is kept as its review note.
 */

const MAX_NOTE = 10000;

interface Locked {
  followUp: RecommendationFollowUp;
  cycleStatus: CycleStatus;
}

async function lock(
  m: EntityManager,
  ctx: RequestContext,
  id: string,
  result: FollowUpMutationPayload,
  expectedVersion: number,
): Promise<Locked> {
  const { rows, locked: mayChange } = await lockRows(
    m,
    `SELECT f.*, c.status AS "__cycle_status" FROM recommendation_follow_up f
     JOIN monitoring_cycle c ON c.id = f.cycle_id WHERE f.id = $1`,
    'FOR UPDATE OF f',
    [id],
  );
  if (rows.length === 0)
    throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such follow-up.', ['input', 'id']);
  const locked: Locked = {
    followUp: hydrate(ctx.db, RecommendationFollowUp, rows[0]),
    cycleStatus: rows[0].__cycle_status as CycleStatus,
  };
  if (!canReadAssessment(ctx.viewer, locked.followUp, locked.cycleStatus) || !mayChange)
    throw forbidden('You cannot change this follow-up.');
  if (locked.followUp.version !== expectedVersion) {
    result.currentVersion = locked.followUp.version;
    throw BusinessRuleError.of(
      UserErrorCode.STALE_VERSION,
      `The follow-up changed since version ${expectedVersion}; it is now version ${locked.followUp.version}.`,
      ['input', 'expectedVersion'],
    );
  }
  return locked;
}

async function moveTo(
  m: EntityManager,
  ctx: RequestContext,
  locked: Locked,
  status: AssessmentStatus,
  action: string,
  note: string | null,
): Promise<RecommendationFollowUp> {
  const [row] = await queryRows(
    m,
    `UPDATE recommendation_follow_up SET status = $2, review_note = CASE WHEN $4::text IS NULL THEN review_note ELSE $4 END,
       version = version + 1, updated_by = $3, updated_at = now() WHERE id = $1 RETURNING *`,
    [locked.followUp.id, status, ctx.viewer.kind === 'user' ? ctx.viewer.userId : null, note],
  );
  const saved = hydrate(ctx.db, RecommendationFollowUp, row);
  await recordAudit(m, ctx, {
    entityType: 'recommendation_follow_up',
    entityId: saved.id,
    countryCode: saved.countryCode,
    action,
    before: { status: locked.followUp.status, version: locked.followUp.version },
    after: { status: saved.status, version: saved.version, ...(note ? { comment: note } : {}) },
  });
  return saved;
}

function requireText(text: string | null | undefined, field: string, what: string): string {
  const trimmed = (text ?? '').trim();
  if (trimmed.length === 0)
    throw BusinessRuleError.of(UserErrorCode.COMMENT_REQUIRED, `${what} needs a comment that says why.`, [
      'input',
      field,
    ]);
  if (trimmed.length > MAX_NOTE)
    throw BusinessRuleError.of(UserErrorCode.INVALID_INPUT, `A comment has at most ${MAX_NOTE} characters.`, [
      'input',
      field,
    ]);
  return trimmed;
}

function invalidTransition(from: AssessmentStatus, to: AssessmentStatus, cycleStatus: CycleStatus) {
  return BusinessRuleError.of(
    UserErrorCode.INVALID_TRANSITION,
    `A follow-up in status ${from} (cycle ${cycleStatus}) cannot move to ${to}.`,
  );
}

export function submitFollowUp(
  ctx: RequestContext,
  input: RecommendationFollowUpSubmitInput,
): Promise<RecommendationFollowUpSubmitPayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new RecommendationFollowUpSubmitPayload(),
    async (m, result) => {
      const locked = await lock(m, ctx, id, result, input.expectedVersion);
      const { followUp, cycleStatus } = locked;
      if (!followUpEditDecision(ctx.viewer, followUp.countryCode).allowed)
        throw forbidden(`You cannot submit follow-ups of ${followUp.countryCode}.`);
      if (cycleStatus !== CycleStatus.OPEN)
        throw BusinessRuleError.of(
          UserErrorCode.CYCLE_NOT_OPEN,
          `The cycle is ${cycleStatus}: nothing can be submitted.`,
        );
      if (!canSubmitAssessment(ctx.viewer, followUp, cycleStatus))
        throw invalidTransition(followUp.status, AssessmentStatus.SUBMITTED, cycleStatus);
      result.followUp = await moveTo(m, ctx, locked, AssessmentStatus.SUBMITTED, 'submit', null);
    },
  );
}

export function reviewFollowUp(
  ctx: RequestContext,
  input: RecommendationFollowUpReviewInput,
): Promise<RecommendationFollowUpReviewPayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new RecommendationFollowUpReviewPayload(),
    async (m, result) => {
      const locked = await lock(m, ctx, id, result, input.expectedVersion);
      const approve = input.decision === ReviewDecision.APPROVE;
      const to = approve ? AssessmentStatus.APPROVED : AssessmentStatus.CHANGES_REQUESTED;
      if (!canReviewAssessment(ctx.viewer, locked.followUp, locked.cycleStatus))
        throw invalidTransition(locked.followUp.status, to, locked.cycleStatus);
      const note = approve
        ? input.comment?.trim() || null
        : requireText(input.comment, 'comment', 'Requesting changes');
      if (note && note.length > MAX_NOTE) requireText(note, 'comment', 'A comment');
      result.followUp = await moveTo(m, ctx, locked, to, approve ? 'approve' : 'request_changes', note);
    },
  );
}

export function reopenFollowUp(
  ctx: RequestContext,
  input: RecommendationFollowUpReopenInput,
): Promise<RecommendationFollowUpReopenPayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new RecommendationFollowUpReopenPayload(),
    async (m, result) => {
      const locked = await lock(m, ctx, id, result, input.expectedVersion);
      if (!canReopenAssessment(ctx.viewer, locked.followUp, locked.cycleStatus))
        throw invalidTransition(
          locked.followUp.status,
          AssessmentStatus.CHANGES_REQUESTED,
          locked.cycleStatus,
        );
      const reason = requireText(input.reason, 'reason', 'Reopening');
      result.followUp = await moveTo(m, ctx, locked, AssessmentStatus.CHANGES_REQUESTED, 'reopen', reason);
    },
  );
}
