import type { EntityManager } from 'typeorm';
import { lockRows, queryRows } from '../../common/sql';
import type { RequestContext } from '../../common/context';
import { forbidden, UserErrorCode } from '../../common/errors';
import { announce } from '../../common/live-events';
import { BusinessRuleError, runMutation } from '../../common/mutation';
import { hydrate } from '../../common/paging';
import { assertId } from '../../common/validation';
import { Assessment } from '../assessment/assessment.entity';
import { Denial } from '../authz/authz';
import { recordAudit } from '../audit/audit.service';
import type { CycleStatus } from '../cycle/cycle.enums';
import type { ReviewCommentCreateInput, ReviewCommentResolveInput } from './review-comment-edit.types';
import { ReviewCommentCreatePayload, ReviewCommentResolvePayload } from './review-comment-edit.types';
import { ReviewComment } from './review-comment.entity';
import { CommentStatus } from './review-comment.enums';
import { commentPolicy } from './review-comment.policy';

/**
 * The assessment a comment is about, checked: the caller may read it and comment on its country. `missing` is
 * the answer when the caller may not read it, the same as for an id that does not exist.
 */
async function commentableAssessment(
  m: EntityManager,
  ctx: RequestContext,
  assessmentId: string,
  missing: BusinessRuleError,
) {
  const rows = await m.query(
    `SELECT a.*, c.status AS "__cycle_status" FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE a.id = $1`,
    [assessmentId],
  );
  if (rows.length === 0) throw missing;
  const assessment = hydrate(ctx.db, Assessment, rows[0]);
  const cycleStatus = rows[0].__cycle_status as CycleStatus;
  const decision = commentPolicy(ctx.viewer, 'write', assessment, cycleStatus);
  if (!decision.allowed && decision.reason === Denial.NOT_FOUND) throw missing;
  if (!decision.allowed && decision.reason === Denial.FORBIDDEN)
    throw forbidden('You cannot comment on this assessment.');
  // A published cycle is frozen, its working notes included.
  if (!decision.allowed) {
    throw BusinessRuleError.of(
      UserErrorCode.CYCLE_NOT_OPEN,
      'The cycle is published: its comments are closed.',
    );
  }
  return assessment;
}

export function createComment(
  ctx: RequestContext,
  input: ReviewCommentCreateInput,
): Promise<ReviewCommentCreatePayload> {
  const assessmentId = assertId(input.assessmentId, 'input.assessmentId');
  return runMutation(
    ctx,
    () => new ReviewCommentCreatePayload(),
    async (m, result) => {
      const assessment = await commentableAssessment(
        m,
        ctx,
        assessmentId,
        BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such assessment.', [
          'input',
          'assessmentId',
        ]),
      );
      const body = input.body.trim();
      if (body.length < 1 || body.length > 10000) {
        throw BusinessRuleError.of(UserErrorCode.INVALID_INPUT, 'A comment has 1 to 10000 characters.', [
          'input',
          'body',
        ]);
      }
      const authorId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
      const [row] = await m.query(
        `INSERT INTO review_comment (assessment_id, country_code, author_id, field, body) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [assessment.id, assessment.countryCode, authorId, input.field ?? null, body],
      );
      const comment = hydrate(ctx.db, ReviewComment, row);
      await recordAudit(m, ctx, {
        entityType: 'review_comment',
        entityId: comment.id,
        assessmentId: assessment.id,
        countryCode: assessment.countryCode,
        action: 'create',
        after: { body, field: comment.field },
      });
      announce(ctx, {
        type: 'reviewComment',
        action: 'CREATED',
        commentId: comment.id,
        assessmentId: assessment.id,
        countryCode: assessment.countryCode,
      });
      result.comment = comment;
    },
  );
}

export function resolveComment(
  ctx: RequestContext,
  input: ReviewCommentResolveInput,
): Promise<ReviewCommentResolvePayload> {
  const id = assertId(input.id, 'input.id');
  return runMutation(
    ctx,
    () => new ReviewCommentResolvePayload(),
    async (m, result) => {
      const { rows, locked } = await lockRows(m, `SELECT * FROM review_comment WHERE id = $1`, 'FOR UPDATE', [
        id,
      ]);
      // A comment on an assessment hidden from the caller (another country's draft, for the reviewer) is
      // answered as one that does not exist, so that the answer does not say which ids exist.
      const missing = BusinessRuleError.of(UserErrorCode.NOT_FOUND, 'There is no such comment.', [
        'input',
        'id',
      ]);
      if (rows.length === 0) throw missing;
      const existing = hydrate(ctx.db, ReviewComment, rows[0]);
      await commentableAssessment(m, ctx, existing.assessmentId, missing);
      if (!locked) throw forbidden('You cannot resolve this comment.');
      if (existing.status === CommentStatus.RESOLVED) {
        throw BusinessRuleError.of(UserErrorCode.INVALID_TRANSITION, 'The comment is already resolved.');
      }
      const userId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
      const [row] = await queryRows(
        m,
        `UPDATE review_comment SET status = 'RESOLVED', resolved_by = $2, resolved_at = now() WHERE id = $1 RETURNING *`,
        [id, userId],
      );
      await recordAudit(m, ctx, {
        entityType: 'review_comment',
        entityId: id,
        assessmentId: existing.assessmentId,
        countryCode: existing.countryCode,
        action: 'resolve',
        before: { status: CommentStatus.OPEN },
        after: { status: CommentStatus.RESOLVED },
      });
      announce(ctx, {
        type: 'reviewComment',
        action: 'RESOLVED',
        commentId: id,
        assessmentId: existing.assessmentId,
        countryCode: existing.countryCode,
      });
      result.comment = hydrate(ctx.db, ReviewComment, row);
    },
  );
}
