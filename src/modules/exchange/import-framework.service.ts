import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { recordAudit } from '../audit/audit.service';
import {
  AREA_COLUMNS,
  DIMENSION_COLUMNS,
  INDICATOR_COLUMNS,
  SCORE_LEVEL_COLUMNS,
  SHEETS,
} from './exchange.columns';
import {
  checkDimensions,
  readDimensions,
  writeDimensions,
  type PlannedDimension,
} from './import-framework.dimensions';
import {
  FrameworkRows,
  standardKey,
  type PlannedArea,
  type PlannedIndicator,
  type PlannedScoreLevel,
} from './import-framework.rows';
import { ImportError, type ImportProblem } from './import.errors';
import { layoutRows, type ParsedBook } from './import.parse';
import { insertDefaultScale } from '../framework/framework-edit.service';
import { holds } from '../authz/authz';
import { Capability } from '../authz/capabilities';

/** The label rule of `frameworkVersionCreate` (and of the database). */
const VERSION_LABEL_RE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;

export interface FrameworkImportResult {
  frameworkVersion: { id: string; label: string };
  areas: number;
  indicators: number;
}

/** Inserts rows in one statement, the rows travelling as one JSON parameter; returns their ids by code. */
async function insertByCode(
  m: EntityManager,
  table: 'area' | 'indicator',
  types: Record<string, string>,
  rows: Array<Record<string, unknown>>,
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const names = Object.keys(types);
  const inserted: Array<{ id: string; code: string }> = await m.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${names.map((n) => `${n} ${types[n]}`).join(', ')})
     RETURNING id, code`,
    [JSON.stringify(rows)],
  );
  return new Map(inserted.map((r) => [r.code, r.id]));
}

const AREA_TYPES = {
  framework_version_id: 'uuid',
  parent_id: 'uuid',
  code: 'text',
  pillar: 'text',
  title: 'jsonb',
  description: 'jsonb',
  position: 'int',
};

const INDICATOR_TYPES = {
  framework_version_id: 'uuid',
  area_id: 'uuid',
  code: 'text',
  type: 'text',
  answer_type: 'text',
  title: 'jsonb',
  guidance: 'jsonb',
  means_of_verification: 'jsonb',
  expected_breakdowns: 'text[]',
  position: 'int',
};

/**
 * Areas with their positions: the position column's where given, else pillars in file order and sub-themes in
 * file order within their pillar, so that an exported version imports back with the same order.
 */
function areaRecords(versionId: string, areas: PlannedArea[], parentIds: Map<string, string> | null) {
  const counters = new Map<string, number>();
  return areas
    .filter((a) => (parentIds === null) === (a.parentCode === null))
    .map((a) => {
      const key = a.parentCode ?? '';
      const place = counters.get(key) ?? 0;
      counters.set(key, place + 1);
      const position = a.position ?? place;
      return {
        framework_version_id: versionId,
        parent_id: a.parentCode === null ? null : (parentIds?.get(a.parentCode) ?? null),
        code: a.code,
        pillar: a.pillar,
        title: a.title,
        description: a.description,
        position,
      };
    });
}

async function writeContent(
  m: EntityManager,
  ctx: RequestContext,
  version: { id: string; frameworkId: string },
  areas: PlannedArea[],
  indicators: PlannedIndicator[],
  dimensions: PlannedDimension[],
): Promise<void> {
  const versionId = version.id;
  const pillarRecords = areaRecords(versionId, areas, null);
  const areaIds = await insertByCode(m, 'area', AREA_TYPES, pillarRecords);
  const subThemeRecords = areaRecords(versionId, areas, areaIds);
  for (const [code, id] of await insertByCode(m, 'area', AREA_TYPES, subThemeRecords)) areaIds.set(code, id);
  const indicatorRecords = indicators.map((i, position) => ({
    framework_version_id: versionId,
    area_id: areaIds.get(i.areaCode),
    code: i.code,
    type: i.type,
    answer_type: i.answerType,
    title: i.title,
    guidance: i.guidance,
    means_of_verification: i.meansOfVerification,
    expected_breakdowns: i.expectedBreakdowns,
    position: i.position ?? position,
  }));
  const indicatorIds = await insertByCode(m, 'indicator', INDICATOR_TYPES, indicatorRecords);
  const links = indicators.flatMap((i) => i.standardIds.map((s) => [indicatorIds.get(i.code), s]));
  await m.query(
    `INSERT INTO indicator_standard (indicator_id, standard_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    [links.map((l) => l[0]), links.map((l) => l[1])],
  );
  await writeDimensions(m, ctx, version.frameworkId, dimensions, indicators, indicatorIds);
  for (const record of [...pillarRecords, ...subThemeRecords]) {
    const { framework_version_id: frameworkVersionId, parent_id: parentId, ...rest } = record;
    await recordAudit(m, ctx, {
      entityType: 'area',
      entityId: areaIds.get(record.code) as string,
      action: 'import_create',
      after: { frameworkVersionId, parentId, ...rest },
    });
  }
  for (const [index, record] of indicatorRecords.entries()) {
    await recordAudit(m, ctx, {
      entityType: 'indicator',
      entityId: indicatorIds.get(record.code) as string,
      action: 'import_create',
      after: {
        frameworkVersionId: versionId,
        areaId: record.area_id,
        code: record.code,
        type: record.type,
        answerType: record.answer_type,
        title: record.title,
        guidance: record.guidance,
        meansOfVerification: record.means_of_verification,
        expectedBreakdowns: record.expected_breakdowns,
        breakdowns: indicators[index].breakdowns,
        position: record.position,
        standardIds: [...indicators[index].standardIds].sort(),
      },
    });
  }
}

/** The scale of the ScoreLevels sheet; a workbook without one gets the scale `frameworkVersionCreate` gives. */
async function writeScale(m: EntityManager, versionId: string, levels: PlannedScoreLevel[]): Promise<void> {
  if (levels.length === 0) {
    await insertDefaultScale(m, versionId);
    return;
  }
  await m.query(
    `INSERT INTO score_level (framework_version_id, code, value, label, descriptor)
     SELECT $1, s.code, s.value, s.label, s.descriptor
     FROM jsonb_to_recordset($2::jsonb) AS s(code text, value smallint, label jsonb, descriptor jsonb)`,
    [versionId, JSON.stringify(levels)],
  );
}

/**
 * Creates a new DRAFT version of a framework from a workbook with `Areas` and `Indicators` sheets and an optional
 * `ScoreLevels` sheet, as `frameworkVersionCreate`, `areaCreate` and `indicatorCreate` would one by one: every
 * row is checked first, a single problem refuses the whole file, and the version, its content and the audit
 * events are written in one transaction.
 */
export async function importFrameworkVersion(
  ctx: RequestContext,
  params: { frameworkId: string; label: string; book: ParsedBook },
): Promise<FrameworkImportResult> {
  if (!holds(ctx.viewer, Capability.FRAMEWORK_EDIT))
    throw new ImportError('FORBIDDEN', 'Only framework editors and admins change the framework.');
  const { frameworkId, book } = params;
  const label = params.label.trim();
  if (!VERSION_LABEL_RE.test(label))
    throw new ImportError(
      'BAD_USER_INPUT',
      'A version label has 1 to 20 letters, digits, dots or dashes, starting with a letter or digit, e.g. 2026.1.',
    );
  const layoutProblems: ImportProblem[] = [];
  const areaRows = layoutRows(book, SHEETS.areas, AREA_COLUMNS, true, layoutProblems);
  const indicatorRows = layoutRows(book, SHEETS.indicators, INDICATOR_COLUMNS, true, layoutProblems);
  const scoreLevelRows = layoutRows(book, SHEETS.scoreLevels, SCORE_LEVEL_COLUMNS, false, layoutProblems);
  const dimensionRows = layoutRows(book, SHEETS.dimensions, DIMENSION_COLUMNS, false, layoutProblems);

  return ctx.db.transaction(async (m) => {
    const [target] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM framework WHERE id = $1) AS framework_exists,
         EXISTS (SELECT 1 FROM framework_version WHERE framework_id = $1 AND label = $2) AS label_taken`,
      [frameworkId, label],
    );
    if (!target.framework_exists) throw new ImportError('NOT_FOUND', 'There is no such framework.');
    const duplicate = () =>
      new ImportError('DUPLICATE', `The framework already has a version ${label}; choose another label.`);
    if (target.label_taken) throw duplicate();
    const standardRows: Array<{
      id: string;
      instrument: string;
      country_code: string | null;
      reference: string;
    }> = await m.query(`SELECT id, instrument, country_code, reference FROM standard`);
    const rows = new FrameworkRows(
      new Map(standardRows.map((s) => [standardKey(s.instrument, s.country_code, s.reference), s.id])),
    );
    rows.problems.push(...layoutProblems);
    if (areaRows) rows.readAreas(areaRows);
    if (indicatorRows) rows.readIndicators(indicatorRows, areaRows);
    if (scoreLevelRows) rows.readScoreLevels(scoreLevelRows);
    const sheetDimensions = dimensionRows ? readDimensions(rows, dimensionRows) : [];
    const newDimensions = await checkDimensions(
      m,
      frameworkId,
      sheetDimensions,
      rows.indicators,
      rows.problems,
    );
    if (indicatorRows?.length === 0)
      rows.problems.push({
        sheet: SHEETS.indicators,
        row: null,
        column: null,
        code: 'INVALID_INPUT',
        message: 'The sheet has no indicators: a version needs something to assess.',
      });
    if (rows.problems.length)
      throw ImportError.rows(rows.problems, [
        SHEETS.areas,
        SHEETS.indicators,
        SHEETS.scoreLevels,
        SHEETS.dimensions,
      ]);

    // The unique key decides between two editors importing the same label at once.
    const [version] = await m.query(
      `INSERT INTO framework_version (framework_id, label, status) VALUES ($1, $2, 'DRAFT')
       ON CONFLICT (framework_id, label) DO NOTHING RETURNING id, label, status`,
      [frameworkId, label],
    );
    if (!version) throw duplicate();
    await writeScale(m, version.id, rows.scoreLevels);
    await writeContent(m, ctx, { id: version.id, frameworkId }, rows.areas, rows.indicators, newDimensions);
    await recordAudit(m, ctx, {
      entityType: 'framework_version',
      entityId: version.id,
      action: 'import_create',
      after: {
        frameworkId,
        label,
        status: version.status,
        publishedAt: null,
        areas: rows.areas.length,
        indicators: rows.indicators.length,
        scale: rows.scoreLevels.length ? 'from the file' : 'default',
      },
    });
    return {
      frameworkVersion: { id: version.id, label: version.label },
      areas: rows.areas.length,
      indicators: rows.indicators.length,
    };
  });
}
