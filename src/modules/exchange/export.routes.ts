import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../common/context';
import { badUserInput, ErrorCode } from '../../common/errors';
import { LOCALE_TAGS, type LocaleTag } from '../../common/i18n';
import { assertCountryCode, assertId } from '../../common/validation';
import { DataStatus, dataStatusOf, DEMO_NOTICE } from '../deployment/data-status';
import { cycleIdOf } from '../entry-points';
import { exportAssessments } from './export-assessments.service';
import { BREAKDOWN_SHEET, exportBreakdowns } from './export-breakdowns.service';
import { exportComparison } from './export-comparison.service';
import { exportFramework } from './export-framework.service';
import { exportRecommendations } from './export-recommendations.service';
import { RECOMMENDATION_SHEET } from './recommendation.columns';
import {
  CSV_CONTENT_TYPE,
  toCsv,
  toXlsx,
  XLSX_CONTENT_TYPE,
  type CsvSeparator,
  type ExportDocument,
  type ExportFormat,
} from './export.write';
import { SHEETS } from './exchange.columns';
import { sendRouteError, type RouteRunner } from '../../common/route';

export interface ExportRoutesOptions {
  /** Runs each route in the request pipeline: sign-in, transaction, error answers, logging. */
  routes: RouteRunner;
}

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

type Query = Record<string, string>;

/**
 * The query parameters, each given at most once. A parameter the export does not know is refused rather than
 * ignored: a misspelt filter would otherwise give a file of everything, which looks right and is not.
 */
function readQuery(req: Request, allowed: readonly string[]): Query {
  const query: Query = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (!allowed.includes(name))
      throw badUserInput(
        `Unknown parameter "${name.slice(0, 40)}"; this export takes ${allowed.join(', ')}.`,
      );
    if (typeof value !== 'string') throw badUserInput(`Give the ${name} parameter once.`);
    if (value.trim() !== '') query[name] = value.trim();
  }
  return query;
}

function required(query: Query, name: string): string {
  const value = query[name];
  if (value === undefined) throw badUserInput(`The ${name} parameter is required.`, { argument: name });
  return value;
}

const LOCALE_BY_LOWER = new Map<string, LocaleTag>([
  ...LOCALE_TAGS.map((tag) => [tag.toLowerCase(), tag] as const),
  // Plain Serbian means Latin script, as with Accept-Language.
  ['sr', 'sr-Latn'],
]);

function localeParam(query: Query, ctx: RequestContext): LocaleTag {
  if (query.locale === undefined) return ctx.locale;
  const tag = LOCALE_BY_LOWER.get(query.locale.toLowerCase());
  if (!tag)
    throw badUserInput(
      `locale must be one of ${LOCALE_TAGS.join(', ')}, got "${query.locale.slice(0, 20)}".`,
      {
        argument: 'locale',
      },
    );
  return tag;
}

function editionParam(query: Query): number | null {
  if (query.edition === undefined) return null;
  if (!/^\d{1,6}$/.test(query.edition) || Number(query.edition) < 1)
    throw badUserInput('edition must be a number from 1.', { argument: 'edition' });
  return Number(query.edition);
}

function areaCodeParam(query: Query): string | null {
  if (query.areaCode === undefined) return null;
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/.test(query.areaCode))
    throw badUserInput(`areaCode must be an area code such as PROT, got "${query.areaCode.slice(0, 20)}".`, {
      argument: 'areaCode',
    });
  return query.areaCode.toUpperCase();
}

function countryCodesParam(query: Query): string[] | null {
  if (query.countryCodes === undefined) return null;
  const codes = query.countryCodes
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '')
    .map((code) => assertCountryCode(code, 'countryCodes'));
  return codes.length ? [...new Set(codes)] : null;
}

/**
 * The CSV field separator. Excel opens a CSV file with the list separator of the computer's region, which is a
 * semicolon where the decimal separator is a comma, as in the region's languages. Read before trimming, so
 * that a tab is refused rather than taken for no value.
 */
function separatorParam(req: Request): CsvSeparator {
  const raw = req.query.separator;
  if (raw === undefined || raw === '') return ',';
  if (raw !== ',' && raw !== ';') {
    const shown = typeof raw === 'string' ? JSON.stringify(raw.slice(0, 20)) : 'more than one value';
    throw badUserInput(`separator must be "," or ";", got ${shown}.`, { argument: 'separator' });
  }
  return raw;
}

/** Who the file was made for, by role and organisation: a file travels, so it never names a person. */
async function readerOf(ctx: RequestContext): Promise<string> {
  const viewer = ctx.viewer;
  if (viewer.kind === 'anonymous') return 'The public (not signed in)';
  const organisation = await ctx.loaders.organisation.byId.load(viewer.organisationId);
  const name = organisation ? `${organisation.name} (${organisation.shortName})` : 'an organisation';
  if (viewer.kind === 'apiKey') return `An API key of ${name}, reading as ${viewer.role ?? 'the public'}`;
  return `${viewer.role} of ${name}`;
}

interface Endpoint {
  name: string;
  params: readonly string[];
  /** The `?table=` choices of a CSV download, the default first, with the sheet each one gives. */
  csvTables: ReadonlyArray<{ table: string; sheet: string; fileName: (base: string) => string }>;
  notFound: string;
  build(ctx: RequestContext, query: Query, madeAt: Date): Promise<ExportDocument | null>;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'comparison',
    params: ['cycleId', 'cycleCode', 'areaCode', 'countryCodes', 'edition', 'locale', 'table', 'separator'],
    csvTables: [
      { table: 'comparison', sheet: SHEETS.comparison, fileName: (base) => base },
      { table: 'matrix', sheet: SHEETS.matrix, fileName: (base) => `${base}-matrix` },
    ],
    notFound: 'There is no such cycle, or no such edition of it.',
    build: async (ctx, query, madeAt) => {
      const params = {
        areaCode: areaCodeParam(query),
        countryCodes: countryCodesParam(query),
        edition: editionParam(query),
        locale: localeParam(query, ctx),
        madeAt,
      };
      const cycleId = await cycleIdOf(ctx, { id: query.cycleId, code: query.cycleCode });
      return cycleId ? exportComparison(ctx, { ...params, cycleId }) : null;
    },
  },
  {
    name: 'assessments',
    params: ['cycleId', 'cycleCode', 'countryCode', 'table', 'separator'],
    csvTables: [
      { table: 'assessments', sheet: SHEETS.assessments, fileName: (base) => base },
      {
        table: 'evidence',
        sheet: SHEETS.evidence,
        fileName: (base) => base.replace(/^assessments/, 'evidence'),
      },
    ],
    notFound: 'There is no such cycle.',
    build: async (ctx, query) => {
      const countryCode = assertCountryCode(required(query, 'countryCode'), 'countryCode');
      const cycleId = await cycleIdOf(ctx, { id: query.cycleId, code: query.cycleCode });
      return cycleId ? exportAssessments(ctx, { cycleId, countryCode }) : null;
    },
  },
  {
    name: 'recommendations',
    params: ['cycleId', 'countryCode', 'separator'],
    csvTables: [{ table: 'recommendations', sheet: RECOMMENDATION_SHEET, fileName: (base) => base }],
    notFound: 'There is no such cycle.',
    build: (ctx, query) =>
      exportRecommendations(ctx, {
        cycleId: assertId(required(query, 'cycleId'), 'cycleId'),
        countryCode: assertCountryCode(required(query, 'countryCode'), 'countryCode'),
      }),
  },
  {
    name: 'breakdowns',
    params: ['cycleId', 'countryCode', 'indicatorCode', 'table', 'separator'],
    csvTables: [{ table: 'breakdowns', sheet: BREAKDOWN_SHEET, fileName: (base) => base }],
    notFound: 'There is no such cycle.',
    build: (ctx, query) =>
      exportBreakdowns(ctx, {
        cycleId: assertId(required(query, 'cycleId'), 'cycleId'),
        countryCode: assertCountryCode(required(query, 'countryCode'), 'countryCode'),
        indicatorCode: query.indicatorCode === undefined ? null : query.indicatorCode.toUpperCase(),
      }),
  },
  {
    name: 'framework',
    params: ['frameworkVersionId', 'table', 'separator'],
    csvTables: [
      { table: 'indicators', sheet: SHEETS.indicators, fileName: (base) => `${base}-indicators` },
      { table: 'areas', sheet: SHEETS.areas, fileName: (base) => `${base}-areas` },
      { table: 'scorelevels', sheet: SHEETS.scoreLevels, fileName: (base) => `${base}-score-levels` },
    ],
    notFound: 'There is no such framework version.',
    build: (ctx, query) =>
      exportFramework(ctx, assertId(required(query, 'frameworkVersionId'), 'frameworkVersionId')),
  },
];

function chooseCsvTable(endpoint: Endpoint, query: Query) {
  const wanted = query.table ?? endpoint.csvTables[0].table;
  const choice = endpoint.csvTables.find((t) => t.table === wanted.toLowerCase());
  if (!choice) {
    throw badUserInput(
      `table must be ${endpoint.csvTables.map((t) => t.table).join(' or ')}, got "${wanted.slice(0, 20)}".`,
      { argument: 'table' },
    );
  }
  return choice;
}

/** Keeps a file name to characters every system and header accepts. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

async function serve(
  endpoint: Endpoint,
  format: ExportFormat,
  req: Request,
  res: Response,
  ctx: RequestContext,
): Promise<void> {
  const query = readQuery(req, endpoint.params);
  // A workbook holds every table in its own types, but a wrong ?table= or ?separator= is still a mistake worth
  // saying.
  const csvTable = chooseCsvTable(endpoint, query);
  const separator = separatorParam(req);
  const madeAt = new Date();
  const document = await endpoint.build(ctx, query, madeAt);
  if (!document) {
    sendRouteError(res, 404, { code: ErrorCode.NOT_FOUND, message: endpoint.notFound });
    return;
  }
  // A CSV file has no place the import would skip, so it says what its data are in a header only.
  const dataStatus = await dataStatusOf(ctx);
  const demo = dataStatus === DataStatus.DEMO;
  let body: Buffer;
  let fileName: string;
  if (format === 'csv') {
    const table = document.tables.find((t) => t.sheet === csvTable.sheet);
    if (!table) throw new Error(`the ${endpoint.name} export has no ${csvTable.sheet} table`);
    body = toCsv(table, separator);
    fileName = `${csvTable.fileName(document.baseName)}.csv`;
  } else {
    const shown = demo ? { ...document, title: `${DEMO_NOTICE} ${document.title}` } : document;
    body = await toXlsx(shown, [
      ...(demo ? [['Data status', `DEMO – ${DEMO_NOTICE}`] as [string, string]] : []),
      ['Made at (UTC)', madeAt],
      ['Made for', await readerOf(ctx)],
    ]);
    fileName = `${document.baseName}.xlsx`;
  }
  res.status(200).set({
    'Content-Type': format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
    'Content-Disposition': `attachment; filename="${safeName(fileName)}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Data-Status': dataStatus,
    'x-sql-statements': String(ctx.statements.count),
  });
  res.send(body);
}

/**
 * Spreadsheet downloads of the comparison, a country's assessments and a framework version, over plain HTTP with
 * the same bearer token as GraphQL (anonymous readers get the public view). Each export reads through the same
 * services and read rules as GraphQL, so a file holds nothing its reader could not query.
 */
export function registerExportRoutes(app: Express, options: ExportRoutesOptions): void {
  const handle = options.routes({
    failureOf: (error) => {
      const code = error instanceof GraphQLError ? String(error.extensions.code ?? '') : '';
      return STATUS[code]
        ? { status: STATUS[code], error: { code, message: (error as Error).message } }
        : null;
    },
  });
  for (const endpoint of ENDPOINTS) {
    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `/exports/${endpoint.name}.${format}`,
        handle((req, res, ctx) => serve(endpoint, format, req, res, ctx)),
      );
    }
  }
}
