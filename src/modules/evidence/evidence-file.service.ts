import { lockRows, queryRows } from '../../common/sql';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { hydrate } from '../../common/paging';
import { FileNotFoundError, newFileKey, type FileStorage } from '../../common/storage/storage';
import { assessmentPolicy } from '../assessment/assessment.policy';
import type { AssessmentStatus } from '../assessment/assessment.enums';
import { recordAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { Denial } from '../authz/authz';
import { CycleStatus } from '../cycle/cycle.enums';
import { Evidence } from './evidence.entity';
import { evidencePolicy } from './evidence.policy';
import type { EvidenceFileMime } from './evidence-file.sniff';
import { EvidenceFile } from './evidence-file.types';
import type { SpooledUpload } from './evidence-file.upload';

export type EvidenceFileErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'CYCLE_NOT_OPEN'
  | 'NOT_EDITABLE';

/** An expected refusal of a file request; the HTTP layer turns the code into a status. */
export class EvidenceFileError extends Error {
  constructor(
    readonly code: EvidenceFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface Target {
  evidence: Evidence;
  assessmentStatus: AssessmentStatus;
  cycleStatus: CycleStatus;
  /** Whether the database let the caller lock the rows for a change (always true when nothing was locked). */
  mayChange: boolean;
}

/** The evidence with the state of its assessment and cycle; locked for the transaction when `m` is given. */
async function loadTarget(ctx: RequestContext, m: EntityManager | null, id: string): Promise<Target> {
  const sql = `SELECT e.*, a.status AS "__assessment_status", c.status AS "__cycle_status"
     FROM evidence e JOIN assessment a ON a.id = e.assessment_id JOIN monitoring_cycle c ON c.id = a.cycle_id
     WHERE e.id = $1`;
  const { rows, locked } = m
    ? await lockRows(m, sql, 'FOR UPDATE OF e FOR SHARE OF a, c', [id])
    : { rows: await queryRows(ctx.db, sql, [id]), locked: true };
  if (rows.length === 0) throw new EvidenceFileError('NOT_FOUND', 'There is no such evidence.');
  return {
    evidence: hydrate(ctx.db, Evidence, rows[0]),
    assessmentStatus: rows[0].__assessment_status as AssessmentStatus,
    cycleStatus: rows[0].__cycle_status as CycleStatus,
    mayChange: locked,
  };
}

function assertMayChangeFile(viewer: Viewer, target: Target): void {
  if (viewer.kind === 'anonymous') throw new EvidenceFileError('UNAUTHENTICATED', 'Sign in to do this.');
  const assessment = { countryCode: target.evidence.countryCode, status: target.assessmentStatus };
  const decision = assessmentPolicy(viewer, 'edit', assessment, target.cycleStatus);
  if (decision.allowed && target.mayChange) return;
  if (!target.mayChange || (!decision.allowed && decision.reason === Denial.FORBIDDEN)) {
    throw new EvidenceFileError('FORBIDDEN', `You cannot change the evidence of ${assessment.countryCode}.`);
  }
  if (!decision.allowed && decision.reason === Denial.CYCLE_NOT_OPEN) {
    throw new EvidenceFileError(
      'CYCLE_NOT_OPEN',
      `The cycle is ${target.cycleStatus}: evidence can only change while it is OPEN.`,
    );
  }
  throw new EvidenceFileError(
    'NOT_EDITABLE',
    `The assessment is ${target.assessmentStatus}: only DRAFT and CHANGES_REQUESTED assessments can change.`,
  );
}

export function evidenceFileOf(evidence: Evidence): EvidenceFile | null {
  if (!evidence.fileKey) return null;
  return Object.assign(new EvidenceFile(), {
    name: evidence.fileName,
    contentType: evidence.fileMime,
    size: Number(evidence.fileSize),
    sha256: evidence.fileSha256,
    downloadUrl: `/evidence/${evidence.id}/file`,
  });
}

/** What the audit trail keeps of a file: enough to identify it, never its content. */
function auditFile(file: { name: string; size: number; sha256: string; contentType: string }) {
  return { fileName: file.name, fileSize: file.size, fileSha256: file.sha256, fileMime: file.contentType };
}

/** A fault of file storage, as one JSON log line with the request it happened in, as the server's own lines. */
function logError(ctx: RequestContext, message: string, error: unknown): void {
  const line = {
    level: 'error',
    time: new Date().toISOString(),
    service: 'trafficking-indicators-api',
    requestId: ctx.requestId,
    error: { message: error instanceof Error ? error.message : String(error) },
    msg: message,
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** Refuses early, before the body is read, whoever may not change this evidence's file now. */
export async function checkMayChangeFile(ctx: RequestContext, id: string): Promise<void> {
  assertMayChangeFile(ctx.viewer, await loadTarget(ctx, null, id));
}

/**
 * Stores the upload under a new key, then records it on the evidence with an audit event in one transaction
 * that checks the rights again on the locked rows. The replaced file is deleted only after the commit, and the
 * new one when the transaction fails, so the row never names a missing file.
 */
export async function attachEvidenceFile(
  ctx: RequestContext,
  storage: FileStorage,
  id: string,
  file: { upload: SpooledUpload; name: string; mime: EvidenceFileMime },
): Promise<{ file: EvidenceFile; replaced: boolean }> {
  const key = newFileKey();
  const { size, sha256 } = file.upload;
  await storage.put(key, createReadStream(file.upload.path), { size, sha256, contentType: file.mime });
  let result: { file: EvidenceFile; previousKey: string | null };
  try {
    result = await ctx.db.transaction(async (m) => {
      const target = await loadTarget(ctx, m, id);
      assertMayChangeFile(ctx.viewer, target);
      const before = evidenceFileOf(target.evidence);
      const previousKey = target.evidence.fileKey;
      await m.query(
        `UPDATE evidence SET file_key = $2, file_name = $3, file_mime = $4, file_size = $5, file_sha256 = $6,
           updated_at = now() WHERE id = $1`,
        [id, key, file.name, file.mime, size, sha256],
      );
      const after = evidenceFileOf(
        Object.assign(target.evidence, {
          fileKey: key,
          fileName: file.name,
          fileMime: file.mime,
          fileSize: String(size),
          fileSha256: sha256,
        }),
      ) as EvidenceFile;
      await recordAudit(m, ctx, {
        entityType: 'evidence',
        entityId: id,
        assessmentId: target.evidence.assessmentId,
        countryCode: target.evidence.countryCode,
        action: 'file_attach',
        before: before ? auditFile(before) : null,
        after: auditFile(after),
      });
      return { file: after, previousKey };
    });
  } catch (error) {
    await storage.delete(key).catch((e: unknown) => logError(ctx, `Could not delete unused file ${key}`, e));
    throw error;
  }
  if (result.previousKey) await deleteStored(ctx, storage, result.previousKey);
  return { file: result.file, replaced: result.previousKey !== null };
}

/** After the commit the row no longer names the file; a failure here leaves an orphan, never a broken row. */
async function deleteStored(ctx: RequestContext, storage: FileStorage, key: string): Promise<void> {
  await storage
    .delete(key)
    .catch((e: unknown) => logError(ctx, `Could not delete file ${key}, which is no longer used`, e));
}

/** Detaches the file (recorded with an audit event) and then deletes it from storage. */
export async function removeEvidenceFile(
  ctx: RequestContext,
  storage: FileStorage,
  id: string,
): Promise<void> {
  const removedKey = await ctx.db.transaction(async (m) => {
    const target = await loadTarget(ctx, m, id);
    assertMayChangeFile(ctx.viewer, target);
    const before = evidenceFileOf(target.evidence);
    if (!before) throw new EvidenceFileError('NOT_FOUND', 'The evidence has no file.');
    await m.query(
      `UPDATE evidence SET file_key = NULL, file_name = NULL, file_mime = NULL, file_size = NULL,
         file_sha256 = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
    await recordAudit(m, ctx, {
      entityType: 'evidence',
      entityId: id,
      assessmentId: target.evidence.assessmentId,
      countryCode: target.evidence.countryCode,
      action: 'file_remove',
      before: auditFile(before),
    });
    return target.evidence.fileKey as string;
  });
  await deleteStored(ctx, storage, removedKey);
}

/** The file for a reader of the evidence: FORBIDDEN for anyone who may not read it, NOT_FOUND when none. */
export async function openEvidenceFile(
  ctx: RequestContext,
  storage: FileStorage,
  id: string,
): Promise<{ file: EvidenceFile; stream: Readable }> {
  for (let attempt = 1; ; attempt++) {
    const target = await loadTarget(ctx, null, id);
    const assessment = { countryCode: target.evidence.countryCode, status: target.assessmentStatus };
    if (!evidencePolicy(ctx.viewer, 'read', target.evidence, assessment, target.cycleStatus).allowed) {
      throw new EvidenceFileError('FORBIDDEN', 'You are not allowed to read this evidence.');
    }
    const file = evidenceFileOf(target.evidence);
    if (!file) throw new EvidenceFileError('NOT_FOUND', 'The evidence has no file.');
    try {
      return { file, stream: await storage.get(target.evidence.fileKey as string) };
    } catch (error) {
      // The file may have been replaced between reading the row and opening it: read the row once more.
      if (!(error instanceof FileNotFoundError) || attempt > 1) throw error;
    }
  }
}
