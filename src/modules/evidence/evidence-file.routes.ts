import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Express, Request } from 'express';
import type { AppConfig } from '../../config';
import { createFileStorage } from '../../common/storage/create-file-storage';
import type { FileStorage } from '../../common/storage/storage';
import { isId } from '../../common/validation';
import { attachmentDisposition, checkFileName, fileNameFromDisposition } from './evidence-file.names';
import {
  attachEvidenceFile,
  checkMayChangeFile,
  EvidenceFileError,
  openEvidenceFile,
  removeEvidenceFile,
  type EvidenceFileErrorCode,
} from './evidence-file.service';
import { detectFileType } from './evidence-file.sniff';
import {
  spoolUpload,
  UploadAbortedError,
  UploadTooLargeError,
  type SpooledUpload,
} from './evidence-file.upload';
import type { RouteIntake, RouteRunner } from '../../common/route';

const STATUS: Record<EvidenceFileErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  CYCLE_NOT_OPEN: 409,
  NOT_EDITABLE: 409,
};

export interface EvidenceFileRoutesOptions {
  config: AppConfig;
  /** Runs each route in the request pipeline: sign-in, transaction, error answers, logging. */
  routes: RouteRunner;
  /** Where files go; by default the store FILE_STORAGE names. */
  storage?: FileStorage;
}

function fail(code: EvidenceFileErrorCode, message: string): never {
  throw new EvidenceFileError(code, message);
}

function evidenceId(req: Request): string {
  const id = String(req.params.id);
  if (!isId(id)) fail('BAD_USER_INPUT', `The evidence id must be a UUID, got "${id.slice(0, 60)}".`);
  return id.toLowerCase();
}

/** The file name from `Content-Disposition: attachment; filename=…` or else from `?filename=`. */
function uploadFileName(req: Request): string {
  const header = req.headers['content-disposition'];
  const query = req.query.filename;
  let raw: string | null = null;
  if (header) raw = fileNameFromDisposition(header);
  if (raw === null && query !== undefined) {
    if (typeof query !== 'string') fail('BAD_USER_INPUT', 'Give the filename parameter once.');
    raw = query;
  }
  if (raw === null) {
    fail(
      'BAD_USER_INPUT',
      'Name the file with a Content-Disposition: attachment; filename="…" header or a ?filename= parameter.',
    );
  }
  const checked = checkFileName(raw);
  if ('problem' in checked) fail('BAD_USER_INPUT', checked.problem);
  return checked.name;
}

/**
 * The routes of the file attached to a piece of evidence: plain HTTP with the same bearer token as GraphQL.
 * Uploads are not GraphQL multipart requests, which a browser may send cross-site without a preflight.
 */
export function registerEvidenceFileRoutes(app: Express, options: EvidenceFileRoutesOptions): void {
  const { config } = options;
  const storage = options.storage ?? createFileStorage(config);
  const spoolDir = path.join(config.dataDir, 'uploads');
  const maxBytes = config.evidenceFileMaxBytes;

  const handle = options.routes({
    failureOf: (error) => {
      if (error instanceof UploadAbortedError) return 'abort';
      if (error instanceof EvidenceFileError)
        return { status: STATUS[error.code], error: { code: error.code, message: error.message } };
      return null;
    },
  });

  // The body is spooled to a file before the request's context exists: however slowly the client sends, the
  // upload holds no database connection and no transaction until the file is complete. The checks that need
  // no database come first, so that a request they refuse is not received at all.
  const upload: RouteIntake<{ id: string; fileName: string; file: SpooledUpload }> = {
    receive: async (req, caller) => {
      const id = evidenceId(req);
      if (!caller.signedIn) fail('UNAUTHENTICATED', 'Sign in to do this.');
      const fileName = uploadFileName(req);
      const declared = req.headers['content-length'];
      if (declared !== undefined && Number(declared) > maxBytes) {
        fail('FILE_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes.`);
      }
      const file = await spoolUpload(req, spoolDir, maxBytes).catch((error: unknown) => {
        if (error instanceof UploadTooLargeError) fail('FILE_TOO_LARGE', error.message);
        throw error;
      });
      return { id, fileName, file };
    },
    release: ({ file }) => file.discard(),
  };

  app.put(
    '/evidence/:id/file',
    handle.receiving(upload, async (_req, res, ctx, { id, fileName, file }) => {
      if (ctx.viewer.kind === 'anonymous') fail('UNAUTHENTICATED', 'Sign in to do this.');
      await checkMayChangeFile(ctx, id);
      if (file.size === 0) fail('BAD_USER_INPUT', 'The request has no body: send the file as the body.');
      const mime = await detectFileType(file.path, fileName);
      if (!mime) {
        fail(
          'UNSUPPORTED_FILE_TYPE',
          'The content is not a PDF, Word or Excel document, or a PNG, JPEG, GIF or WebP image.',
        );
      }
      const result = await attachEvidenceFile(ctx, storage, id, { upload: file, name: fileName, mime });
      // Stored: the spooled copy goes before the answer, as it would after a failure.
      await file.discard();
      await ctx.transaction.commit();
      res
        .status(result.replaced ? 200 : 201)
        .location(result.file.downloadUrl)
        .set('Cache-Control', 'no-store')
        .json({ file: result.file });
    }),
  );

  app.get(
    '/evidence/:id/file',
    handle(async (req, res, ctx) => {
      const { file, stream } = await openEvidenceFile(ctx, storage, evidenceId(req));
      // The file streams from storage: the request's connection is not needed for that.
      await ctx.transaction.commit();
      res.status(200).set({
        'Content-Type': file.contentType,
        'Content-Length': String(file.size),
        'Content-Disposition': attachmentDisposition(file.name),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        // Should a browser render it anyway, it runs nothing and loads nothing.
        'Content-Security-Policy': "default-src 'none'; sandbox",
      });
      if (req.method === 'HEAD') {
        stream.destroy();
        res.end();
        return;
      }
      await pipeline(stream, res).catch((error: unknown) => {
        // A client that stops reading half-way is not a fault of the server.
        if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
      });
    }),
  );

  app.delete(
    '/evidence/:id/file',
    handle(async (req, res, ctx) => {
      const id = evidenceId(req);
      if (ctx.viewer.kind === 'anonymous') fail('UNAUTHENTICATED', 'Sign in to do this.');
      await removeEvidenceFile(ctx, storage, id);
      await ctx.transaction.commit();
      res.status(204).end();
    }),
  );
}
