import type { IncomingMessage } from 'node:http';
import type { Express, Request } from 'express';
import type { RequestContext } from '../../common/context';
import { isId } from '../../common/validation';
import { SHEETS } from './exchange.columns';
import { importAssessments } from './import-assessments.service';
import { importFollowUps } from './import-follow-ups.service';
import { BREAKDOWN_SHEET } from './export-breakdowns.service';
import { importBreakdowns } from './import-breakdowns.service';
import { importFrameworkVersion } from './import-framework.service';
import { RECOMMENDATION_SHEET } from './recommendation.columns';
import { ImportError, type ImportErrorCode } from './import.errors';
import { checkMediaType, detectFormat, readSpreadsheet, type ParsedBook } from './import.parse';
import type { RouteRunner } from '../../common/route';
import { can, holds } from '../authz/authz';
import { Capability } from '../authz/capabilities';

/** Far more than a country's assessments or a framework take, even with long narratives. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const STATUS: Record<ImportErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CYCLE_NOT_OPEN: 409,
  DUPLICATE: 409,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  INVALID_ROWS: 422,
};

export interface ImportRoutesOptions {
  /** Runs each route in the request pipeline: sign-in, transaction, error answers, logging. */
  routes: RouteRunner;
  /** The largest body accepted; IMPORT_MAX_BYTES by default. */
  maxBytes?: number;
}

/** The client went away before the body was complete; there is nobody left to answer. */
class BodyAbortedError extends Error {}

/**
 * Reads the body into memory up to `limit` bytes. Past the limit it refuses, but goes on reading and dropping
 * the rest, so that the client gets the answer instead of a reset connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    req.resume();
    return Promise.reject(new ImportError('FILE_TOO_LARGE', `The file is larger than ${limit} bytes.`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle(new ImportError('FILE_TOO_LARGE', `The file is larger than ${limit} bytes.`));
      } else if (!settled) chunks.push(chunk);
    });
    req.on('end', () => settle(null));
    req.on('error', () => settle(new BodyAbortedError()));
    req.on('close', () => {
      if (!req.complete) settle(new BodyAbortedError());
    });
  });
}

function param(req: Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new ImportError('BAD_USER_INPUT', `Give the ${name} parameter once.`);
  return value.trim();
}

function idParam(req: Request, name: string): string {
  const value = param(req, name);
  if (!isId(value))
    throw new ImportError('BAD_USER_INPUT', `${name} must be an id (a UUID), got "${value.slice(0, 60)}".`);
  return value.toLowerCase();
}

function countryParam(req: Request): string {
  const countryCode = param(req, 'countryCode').toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode))
    throw new ImportError('BAD_USER_INPUT', 'countryCode must be an ISO 3166-1 alpha-2 code such as RS.');
  return countryCode;
}

/** `?skipStale=true` imports what is not stale; without it (or `false`) a stale row refuses the file. */
function skipStaleParam(req: Request): boolean {
  const value = req.query.skipStale;
  if (value === undefined) return false;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : null;
  if (text !== 'true' && text !== 'false')
    throw new ImportError('BAD_USER_INPUT', 'skipStale must be true or false, given once.');
  return text === 'true';
}

/** Only people write: API keys are read-only, whatever their organisation. */
function requireUser(ctx: RequestContext, capability: Capability): void {
  if (ctx.viewer.kind === 'anonymous') throw new ImportError('UNAUTHENTICATED', 'Sign in to do this.');
  if (ctx.viewer.kind !== 'user') throw new ImportError('FORBIDDEN', 'API keys cannot import.');
  if (!holds(ctx.viewer, capability)) throw new ImportError('FORBIDDEN', 'Your role cannot import this.');
}

/**
 * Spreadsheet imports: plain HTTP with the same bearer token as GraphQL, the file as the body. A file with any
 * problem changes nothing, and the answer lists every problem with its sheet, row and column.
 */
export function registerImportRoutes(app: Express, options: ImportRoutesOptions): void {
  const maxBytes = options.maxBytes ?? IMPORT_MAX_BYTES;

  const receive = async (req: Request, csvSheetName: string, csv: boolean): Promise<ParsedBook> => {
    checkMediaType(req.headers['content-type']);
    const body = await readBody(req, maxBytes);
    const format = detectFormat(req.headers['content-type'], body);
    if (format === 'csv' && !csv)
      throw new ImportError(
        'UNSUPPORTED_FILE_TYPE',
        `Send an XLSX workbook: the import needs the ${SHEETS.areas} and ${SHEETS.indicators} sheets.`,
      );
    return readSpreadsheet(format, body, csvSheetName);
  };

  const handle = options.routes({
    failureOf: (error) => {
      if (error instanceof BodyAbortedError) return 'abort';
      if (!(error instanceof ImportError)) return null;
      const problems = error.code === 'INVALID_ROWS' ? { problems: error.problems } : {};
      return { status: STATUS[error.code], error: { code: error.code, message: error.message, ...problems } };
    },
    afterFailure: (req) => {
      if (!req.complete) req.resume();
    },
  });

  /**
   * An import into one country's cycle: only the country's own editors, all or nothing, committed once the
   * import has written everything; `run` reads its own parameters, then the file.
   */
  const countryImport = (
    path: string,
    refusal: (countryCode: string) => string,
    run: (
      req: Request,
      ctx: RequestContext,
      target: { cycleId: string; countryCode: string },
    ) => Promise<unknown>,
  ) =>
    app.post(
      path,
      handle(async (req, res, ctx) => {
        requireUser(ctx, Capability.ASSESSMENT_EDIT);
        const cycleId = idParam(req, 'cycleId');
        const countryCode = countryParam(req);
        if (!can(ctx.viewer, Capability.ASSESSMENT_EDIT, { countryCode }))
          throw new ImportError('FORBIDDEN', refusal(countryCode));
        const result = await run(req, ctx, { cycleId, countryCode });
        await ctx.transaction.commit();
        res.status(200).set('Cache-Control', 'no-store').json(result);
      }),
    );

  countryImport(
    '/imports/assessments',
    (countryCode) => `You cannot change assessments of ${countryCode}.`,
    async (req, ctx, target) => {
      const skipStale = skipStaleParam(req);
      const book = await receive(req, SHEETS.assessments, true);
      return importAssessments(ctx, { ...target, book, skipStale });
    },
  );
  // A follow-up is edited exactly as an assessment is: by the country's own leads and editors.
  countryImport(
    '/imports/follow-ups',
    (countryCode) => `You cannot follow up recommendations to ${countryCode}.`,
    async (req, ctx, target) =>
      importFollowUps(ctx, { ...target, book: await receive(req, RECOMMENDATION_SHEET, true) }),
  );
  countryImport(
    '/imports/breakdowns',
    (countryCode) => `You cannot change assessments of ${countryCode}.`,
    async (req, ctx, target) =>
      importBreakdowns(ctx, { ...target, book: await receive(req, BREAKDOWN_SHEET, true) }),
  );

  app.post(
    '/imports/framework-version',
    handle(async (req, res, ctx) => {
      requireUser(ctx, Capability.FRAMEWORK_EDIT);
      const frameworkId = idParam(req, 'frameworkId');
      const label = param(req, 'label');
      const book = await receive(req, SHEETS.areas, false);
      const result = await importFrameworkVersion(ctx, { frameworkId, label, book });
      await ctx.transaction.commit();
      res.status(200).set('Cache-Control', 'no-store').json(result);
    }),
  );
}
