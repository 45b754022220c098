import type { EntityManager } from 'typeorm';
import { lockRows, queryRows } from '../../common/sql';
import type { RequestContext } from '../../common/context';
import { forbidden, UserErrorCode } from '../../common/errors';
import { announce } from '../../common/live-events';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { assertId } from '../../common/validation';
import { recordAudit } from '../audit/audit.service';
import { Denial } from '../authz/authz';
import { CycleStatus } from '../cycle/cycle.enums';
import { AssessmentField } from '../review-comment/review-comment.enums';
import { enqueueAssessmentEvent } from '../webhook/webhook.events';
import { Assessment } from './assessment.entity';
import { AssessmentStatus } from './assessment.enums';
import { assessmentPolicy, canReadAssessment } from './assessment.policy';
import type { AssessmentMutationPayload } from './assessment.types';
import {
  AssessmentReopenPayload,
  AssessmentReviewPayload,
  AssessmentSubmitPayload,
  ReviewDecision,
  type AssessmentReopenInput,
  type AssessmentReviewInput,
  type AssessmentSubmitInput,
} from './assessment.types';

const MAX_COMMENT = 10000;

interface Locked {
  assessment: Assessment;
  cycleStatus: CycleStatus;
}

/** Locks the assessment for the rest of the transaction and checks the caller may at least read it. */
async function lock(
  m: EntityManager,
  ctx: RequestContext,
  id: string,
  result: AssessmentMutationPayload,
  expectedVersion: number,
) {
  const { rows, locked: mayChange } = await lockRows(
    m,
    `SELECT a.*, c.status AS "__cycle_status" FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
     WHERE a.id = $1`,
    'FOR UPDATE OF a',
    [id],
  );
  if (rows.length === 0)
    throw BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such assessment.', ['input', 'id']);
  const locked: Locked = {
    assessment: hydrate(ctx.db, Assessment, rows[0]),
    cycleStatus: rows[0].__cycle_status as CycleStatus,
  };
  if (!canReadAssessment(ctx.viewer, locked.assessment, locked.cycleStatus) || !mayChange)
    throw forbidden('You cannot change this assessment.');
  if (locked.assessment.version !== expectedVersion) {
    result.currentVersion = locked.assessment.version;
    throw BusinessRuleError.of(
      UserErrorCode.STALE_VERSION,
      `The assessment changed since version ${expectedVersion}; it is now version ${locked.assessment.version}.`,
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
) {
  const viewer = ctx.viewer;
  const [row] = await queryRows(
    m,
    `UPDATE assessment SET status = $2, version = version + 1, updated_by = $3, updated_at = now() WHERE id = $1 RETURNING *`,
    [locked.assessment.id, status, viewer.kind === 'user' ? viewer.userId : null],
  );
  const saved = hydrate(ctx.db, Assessment, row);
  await recordAudit(m, ctx, {
    entityType: 'assessment',
    entityId: saved.id,
    assessmentId: saved.id,
    countryCode: saved.countryCode,
    action,
    before: { status: locked.assessment.status, version: locked.assessment.version },
    after: { status: saved.status, version: saved.version },
  });
  await enqueueAssessmentEvent(m, saved, locked.assessment.status, locked.cycleStatus);
  return saved;
}

async function addComment(
  m: EntityManager,
  ctx: RequestContext,
  assessment: Assessment,
  body: string,
  field: AssessmentField | null,
) {
  const viewer = ctx.viewer;
  if (viewer.kind !== 'user') return;
  const [row] = await m.query(
    `INSERT INTO review_comment (assessment_id, country_code, author_id, field, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [assessment.id, assessment.countryCode, viewer.userId, field, body],
  );
  await recordAudit(m, ctx, {
    entityType: 'review_comment',
    entityId: row.id,
    assessmentId: assessment.id,
    countryCode: assessment.countryCode,
    action: 'create',
    after: { body, field },
  });
  announce(ctx, {
    type: 'reviewComment',
    action: 'CREATED',
    commentId: row.id,
    assessmentId: assessment.id,
    countryCode: assessment.countryCode,
  });
}

/** Tells the subscriptions, once committed, that the assessment's status and version changed. */
function announceChange(ctx: RequestContext, assessment: Assessment): void {
  announce(ctx, {
    type: 'assessment',
    assessmentId: assessment.id,
    countryCode: assessment.countryCode,
    cycleId: assessment.cycleId,
  });
}

function requireText(text: string | null | undefined, field: string, what: string): string {
  const trimmed = (text ?? '').trim();
  if (trimmed.length === 0)
    throw BusinessRuleError.of(UserErrorCode.COMMENT_REQUIRED, `${what} needs a comment that says why.`, [
      'input',
      field,
    ]);
  if (trimmed.length > MAX_COMMENT) {
    throw BusinessRuleError.of(
      UserErrorCode.INVALID_INPUT,
      `A comment has at most ${MAX_COMMENT} characters.`,
      ['input', field],
    );
  }
  return trimmed;
}

function invalidTransition(
  from: AssessmentStatus,
  to: AssessmentStatus,
  cycleStatus: CycleStatus,
): BusinessRuleError {
  return BusinessRuleError.of(
    UserErrorCode.INVALID_TRANSITION,
    `An assessment in status ${from} (cycle ${cycleStatus}) cannot move to ${to}.`,
  );
}

export function submitAssessment(
  ctx: RequestContext,
  input: AssessmentSubmitInput,
): Promise<AssessmentSubmitPayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new AssessmentSubmitPayload(),
    async (m, result) => {
      const locked = await lock(m, ctx, id, result, input.expectedVersion);
      const { assessment, cycleStatus } = locked;
      // The tenant check and the state: only the lead of the assessment's own country submits it.
      const decision = assessmentPolicy(ctx.viewer, 'submit', assessment, cycleStatus);
      if (!decision.allowed) {
        if (decision.reason === Denial.FORBIDDEN)
          throw forbidden(`You cannot submit assessments of ${assessment.countryCode}.`);
        if (decision.reason === Denial.CYCLE_NOT_OPEN)
          throw BusinessRuleError.of(
            UserErrorCode.CYCLE_NOT_OPEN,
            `The cycle is ${cycleStatus}: nothing can be submitted.`,
          );
        throw invalidTransition(assessment.status, AssessmentStatus.SUBMITTED, cycleStatus);
      }
      result.assessment = await moveTo(m, ctx, locked, AssessmentStatus.SUBMITTED, 'submit');
      announceChange(ctx, result.assessment);
    },
  );
}

export function reviewAssessment(
  ctx: RequestContext,
  input: AssessmentReviewInput,
): Promise<AssessmentReviewPayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new AssessmentReviewPayload(),
    async (m, result) => {
      const locked = await lock(m, ctx, id, result, input.expectedVersion);
      const to =
        input.decision === ReviewDecision.APPROVE
          ? AssessmentStatus.APPROVED
          : AssessmentStatus.CHANGES_REQUESTED;
      if (!assessmentPolicy(ctx.viewer, 'review', locked.assessment, locked.cycleStatus).allowed) {
        throw invalidTransition(locked.assessment.status, to, locked.cycleStatus);
      }
      const comment =
        input.decision === ReviewDecision.REQUEST_CHANGES
          ? requireText(input.comment, 'comment', 'Requesting changes')
          : input.comment?.trim() || null;
      const saved = await moveTo(
        m,
        ctx,
        locked,
        to,
        input.decision === ReviewDecision.APPROVE ? 'approve' : 'request_changes',
      );
      announceChange(ctx, saved);
      if (comment) await addComment(m, ctx, saved, comment, null);
      result.assessment = saved;
    },
  );
}

export function reopenAssessment(
  ctx: RequestContext,
  input: AssessmentReopenInput,
): Promise<AssessmentReopenPayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new AssessmentReopenPayload(),
    async (m, result) => {
      const locked = await lock(m, ctx, id, result, input.expectedVersion);
      if (!assessmentPolicy(ctx.viewer, 'reopen', locked.assessment, locked.cycleStatus).allowed) {
        throw invalidTransition(
          locked.assessment.status,
          AssessmentStatus.CHANGES_REQUESTED,
          locked.cycleStatus,
        );
      }
      const reason = requireText(input.reason, 'reason', 'Reopening');
      const saved = await moveTo(m, ctx, locked, AssessmentStatus.CHANGES_REQUESTED, 'reopen');
      announceChange(ctx, saved);
      await addComment(m, ctx, saved, reason, null);
      result.assessment = saved;
    },
  );
}
