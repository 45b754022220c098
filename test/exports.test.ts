import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { resolveText } from '../src/common/i18n';
import {
  AREA_COLUMNS,
  ASSESSMENT_COLUMNS,
  COMPARISON_COLUMNS,
  EVIDENCE_COLUMNS,
  INDICATOR_COLUMNS,
} from '../src/modules/exchange/exchange.columns';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

type Records = { headers: string[]; rows: Array<Record<string, string>> };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const headersOf = (columns: ReadonlyArray<{ header: string }>) => columns.map((c) => c.header);

const MATRIX = `query($cycleId: ID!) { comparison(cycleId: $cycleId) {
  rows { indicator { code } cells { countryCode state score value status confidence evidenceCount trend } } } }`;

/** A cell as the spreadsheet shows it: a percentage as 0–100, a date as YYYY-MM-DD (a moment in ISO form). */
function text(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return cell.numFmt === 'yyyy-mm-dd' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'number' && cell.numFmt?.includes('%'))
    return String(Number((value * 100).toPrecision(15)));
  if (typeof value === 'object') throw new Error(`unexpected cell ${JSON.stringify(value)}`);
  return String(value);
}

function sheetRecords(sheet: ExcelJS.Worksheet): Records {
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col++) values.push(text(row.getCell(col)));
    lines.push(values);
  });
  const [headers, ...rest] = lines;
  return { headers, rows: rest.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? '']))) };
}

/** The About sheet as lines of tab-separated cells. */
function aboutText(book: ExcelJS.Workbook): string {
  const lines: string[] = [];
  book.getWorksheet('About')!.eachRow((row) => {
    const values: string[] = [];
    row.eachCell((cell) => values.push(text(cell)));
    lines.push(values.join('\t'));
  });
  return lines.join('\n');
}

function csvRecords(file: Download): Records {
  expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [headers, ...rest] = parse(file.body, { bom: true }) as string[][];
  return { headers, rows: rest.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]]))) };
}

describe('CSV and XLSX exports', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  const as: Record<string, Record<string, string>> = { anonymous: {} };
  const cycle: Record<string, string> = {};
  let versionId: string;
  let indicatorCount: number;

  async function download(path: string, who = 'anonymous', extra: Record<string, string> = {}) {
    const res = await fetch(`${origin}${path}`, { headers: { ...as[who], ...extra } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  async function workbook(file: Download): Promise<ExcelJS.Workbook> {
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX_TYPE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    return book;
  }

  function expectDownload(file: Download, name: string) {
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    if (name.endsWith('.csv')) expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = api.url.replace(/\/graphql$/, '');
    for (const who of ['reviewer', 'viewer.al', 'viewer.rs', 'framework'])
      as[who] = await signIn(api, `${who}@demo.example`);
    for (const row of await db.dataSource.query(`SELECT id, code FROM monitoring_cycle`))
      cycle[row.code] = row.id;
    const [version] = await db.dataSource.query(
      `SELECT fv.id, count(i.id)::int AS n FROM framework_version fv JOIN indicator i ON i.framework_version_id = fv.id
       WHERE fv.label = '2024.1' GROUP BY fv.id`,
    );
    versionId = version.id;
    indicatorCount = version.n;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('gives the reviewer the whole comparison of a cycle as a workbook, cell by cell as GraphQL shows it', async () => {
    expect(indicatorCount).toBe(58);
    const file = await download(`/exports/comparison.xlsx?cycleId=${cycle['2025']}`, 'reviewer');
    expectDownload(file, 'comparison-2025.xlsx');
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Comparison', 'Matrix', 'Citation', 'About']);
    const { headers, rows } = sheetRecords(book.getWorksheet('Comparison')!);
    expect(headers).toEqual(headersOf(COMPARISON_COLUMNS));
    expect(rows).toHaveLength(58 * 5);

    const stored: Array<{ code: string; country_code: string; status: string }> = await db.dataSource.query(
      `SELECT i.code, a.country_code, a.status FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       WHERE a.cycle_id = $1`,
      [cycle['2025']],
    );
    const statusOf = new Map(stored.map((s) => [`${s.code}|${s.country_code}`, s.status]));
    for (const row of rows) {
      const status = statusOf.get(`${row.indicator_code}|${row.country_code}`);
      if (status && status !== 'DRAFT') {
        expect(row).toMatchObject({ state: 'ASSESSED', status });
      } else {
        expect(row).toMatchObject({ state: 'HIDDEN', score: '', value: '', status: '', confidence: '' });
        expect(row).toMatchObject({ evidence_count: '', trend: '' });
      }
    }
    expect(rows.filter((r) => r.state === 'ASSESSED')).toHaveLength(
      stored.filter((s) => s.status !== 'DRAFT').length,
    );

    const about = aboutText(book);
    expect(about).toMatch(/^Made for\tREVIEWER of Netherlands Helsinki Committee/m);
    expect(about).toMatch(/^Cycle\t2025 /m);
    expect(about).toMatch(/^Edition\tnone: live data/m);
    expect(about).not.toContain('@');
  });

  it('writes titles in the language asked for, in UTF-8 CSV with a byte order mark, with a fixed statement count', async () => {
    const path = `/exports/comparison.csv?cycleId=${cycle['2025']}&countryCodes=al,RS&locale=sr-Cyrl`;
    const file = await download(path, 'viewer.al');
    expectDownload(file, 'comparison-2025-AL-RS.csv');
    const { headers, rows } = csvRecords(file);
    expect(headers).toEqual(headersOf(COMPARISON_COLUMNS));
    expect(rows).toHaveLength(58 * 2);
    expect(new Set(rows.map((r) => r.country_code))).toEqual(new Set(['AL', 'RS']));
    const titles: Array<{ code: string; title: { en: string } }> = await db.dataSource.query(
      `SELECT code, title FROM indicator WHERE framework_version_id = $1`,
      [versionId],
    );
    const expected = new Map(titles.map((t) => [t.code, resolveText(t.title, 'sr-Cyrl').text]));
    for (const row of rows) expect(row.indicator_title).toBe(expected.get(row.indicator_code));
    expect(rows.some((r) => /[\u0400-\u04FF]/.test(r.indicator_title))).toBe(true);
    // The partner sees its own country whole, and others only once approved.
    for (const row of rows) {
      if (row.country_code === 'AL') expect(row.state).not.toBe('HIDDEN');
      else if (row.state === 'ASSESSED') expect(['APPROVED', 'PUBLISHED']).toContain(row.status);
    }

    const byHeader = await download(
      `/exports/comparison.csv?cycleId=${cycle['2025']}&countryCodes=AL,RS`,
      'viewer.al',
      { 'accept-language': 'sr-Cyrl' },
    );
    expect(csvRecords(byHeader).rows.map((r) => r.indicator_title)).toEqual(
      rows.map((r) => r.indicator_title),
    );

    const whole = await download(`/exports/comparison.csv?cycleId=${cycle['2025']}`, 'reviewer');
    const area = await download(`/exports/comparison.csv?cycleId=${cycle['2025']}&areaCode=prot`, 'reviewer');
    const areaRows = csvRecords(area).rows;
    expect(areaRows.length).toBeLessThan(csvRecords(whole).rows.length);
    expect(areaRows.every((r) => r.pillar === 'PROTECTION')).toBe(true);
    expect(area.headers.get('x-sql-statements')).toBe(whole.headers.get('x-sql-statements'));
  });

  it('shows the public nothing of an open cycle, and the published edition of a published one', async () => {
    const open = csvRecords(await download(`/exports/comparison.csv?cycleId=${cycle['2025']}`));
    expect(open.rows).toHaveLength(58 * 5);
    for (const row of open.rows) {
      expect(row.state).toBe('HIDDEN');
      for (const column of ['score', 'value', 'status', 'confidence', 'evidence_count', 'trend'])
        expect(row[column]).toBe('');
    }

    const file = await download(`/exports/comparison.xlsx?cycleId=${cycle['2024']}`);
    expectDownload(file, 'comparison-2024.xlsx');
    const { rows } = sheetRecords((await workbook(file)).getWorksheet('Comparison')!);
    const graphql = await api.query(MATRIX, { cycleId: cycle['2024'] });
    expect(graphql.errors).toBeUndefined();
    const expected = graphql.data!.comparison.rows.flatMap(
      (row: { indicator: { code: string }; cells: Array<Record<string, unknown>> }) =>
        row.cells.map((cell) => {
          const hidden = cell.state === 'HIDDEN';
          const shown = (value: unknown) => (hidden || value === null ? '' : String(value));
          return {
            indicator_code: row.indicator.code,
            country_code: cell.countryCode,
            state: cell.state,
            score: shown(cell.score),
            value: shown(cell.value),
            status: shown(cell.status),
            confidence: shown(cell.confidence),
            evidence_count: shown(cell.evidenceCount),
            trend: shown(cell.trend),
          };
        }),
    );
    expect(rows).toHaveLength(58 * 5);
    expect(
      rows.map((r) => ({ ...r, indicator_title: undefined, area_code: undefined, pillar: undefined })),
    ).toEqual(
      expected.map((e: Record<string, string>) => ({
        ...e,
        indicator_title: undefined,
        area_code: undefined,
        pillar: undefined,
      })),
    );
    expect(rows.filter((r) => r.state === 'ASSESSED').length).toBeGreaterThan(0);
    const about = aboutText(await workbook(file));
    expect(about).toMatch(/^Made for\tThe public \(not signed in\)$/m);
    expect(about).toMatch(/^Edition\t1, published /m);
  });

  describe('a country’s assessments with their evidence', () => {
    const internalTitle = 'Internal memo on shelter capacity';
    const partnersTitle = 'Partners-only coordination note';
    let target: { id: string; code: string };

    beforeAll(async () => {
      [target] = await db.dataSource.query(
        `SELECT a.id, i.code FROM assessment a JOIN indicator i ON i.id = a.indicator_id
         WHERE a.cycle_id = $1 AND a.country_code = 'RS' ORDER BY i.position LIMIT 1`,
        [cycle['2024']],
      );
      await db.dataSource.query(
        `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
         VALUES ($1, 'RS', 'INTERVIEW', $2, 'sr-Latn', 'MEDIUM', 'INTERNAL'),
                ($1, 'RS', 'REPORT', $3, 'en', 'HIGH', 'PARTNERS')`,
        [target.id, internalTitle, partnersTitle],
      );
    });

    async function evidenceCount(confidentialities: string[]): Promise<number> {
      const [{ n }] = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM evidence e JOIN assessment a ON a.id = e.assessment_id
         WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND e.confidentiality = ANY($2)`,
        [cycle['2024'], confidentialities],
      );
      return n;
    }

    it('leaves out another partner’s INTERNAL evidence and keeps its PARTNERS evidence', async () => {
      const file = await download(
        `/exports/assessments.xlsx?cycleId=${cycle['2024']}&countryCode=RS`,
        'viewer.al',
      );
      expectDownload(file, 'assessments-2024-RS.xlsx');
      const book = await workbook(file);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Assessments', 'Evidence', 'About']);
      const assessments = sheetRecords(book.getWorksheet('Assessments')!);
      expect(assessments.headers).toEqual(headersOf(ASSESSMENT_COLUMNS));
      expect(assessments.rows).toHaveLength(58);
      expect(new Set(assessments.rows.map((r) => r.status))).toEqual(new Set(['PUBLISHED']));

      const evidence = sheetRecords(book.getWorksheet('Evidence')!);
      expect(evidence.headers).toEqual(headersOf(EVIDENCE_COLUMNS));
      const titles = evidence.rows.map((r) => r.title);
      expect(titles).toContain(partnersTitle);
      expect(titles).not.toContain(internalTitle);
      expect(evidence.rows.some((r) => r.confidentiality === 'INTERNAL')).toBe(false);
      expect(evidence.rows).toHaveLength(await evidenceCount(['PUBLIC', 'PARTNERS']));
      expect(evidence.rows.find((r) => r.title === partnersTitle)).toMatchObject({
        indicator_code: target.code,
        kind: 'REPORT',
        language: 'en',
        reliability: 'HIGH',
        confidentiality: 'PARTNERS',
      });
    });

    it('gives the country’s own partner all of it, answers and narratives as stored', async () => {
      const file = await download(
        `/exports/assessments.xlsx?cycleId=${cycle['2024']}&countryCode=rs`,
        'viewer.rs',
      );
      const book = await workbook(file);
      const evidence = sheetRecords(book.getWorksheet('Evidence')!);
      expect(evidence.rows.map((r) => r.title)).toEqual(
        expect.arrayContaining([internalTitle, partnersTitle]),
      );
      expect(evidence.rows).toHaveLength(await evidenceCount(['PUBLIC', 'PARTNERS', 'INTERNAL']));

      const stored: Array<Record<string, any>> = await db.dataSource.query(
        `SELECT i.code, i.answer_type, a.score, a.not_scored_reason, a.value_number, a.value_boolean, a.value_text,
           a.narrative, a.confidence, a.version FROM assessment a JOIN indicator i ON i.id = a.indicator_id
         WHERE a.cycle_id = $1 AND a.country_code = 'RS'`,
        [cycle['2024']],
      );
      const rows = sheetRecords(book.getWorksheet('Assessments')!).rows;
      for (const s of stored) {
        const row = rows.find((r) => r.indicator_code === s.code)!;
        const value =
          s.value_number ?? (s.value_boolean === null ? s.value_text : String(s.value_boolean)) ?? '';
        expect(row).toMatchObject({
          answer_type: s.answer_type,
          score: s.score === null ? '' : String(s.score),
          not_scored_reason: s.not_scored_reason ?? '',
          value: String(value),
          confidence: s.confidence ?? '',
          version: String(s.version),
          narrative_en: s.narrative?.en ?? '',
          'narrative_sr-Latn': s.narrative?.['sr-Latn'] ?? '',
        });
      }
    });

    it('gives the public only PUBLIC evidence, as CSV tables', async () => {
      const evidenceFile = await download(
        `/exports/assessments.csv?cycleId=${cycle['2024']}&countryCode=RS&table=evidence`,
      );
      expectDownload(evidenceFile, 'evidence-2024-RS.csv');
      const evidence = csvRecords(evidenceFile);
      expect(evidence.headers).toEqual(headersOf(EVIDENCE_COLUMNS));
      expect(new Set(evidence.rows.map((r) => r.confidentiality))).toEqual(new Set(['PUBLIC']));
      expect(evidence.rows).toHaveLength(await evidenceCount(['PUBLIC']));

      const assessmentsFile = await download(
        `/exports/assessments.csv?cycleId=${cycle['2024']}&countryCode=RS`,
      );
      expectDownload(assessmentsFile, 'assessments-2024-RS.csv');
      const assessments = csvRecords(assessmentsFile);
      expect(assessments.headers).toEqual(headersOf(ASSESSMENT_COLUMNS));
      expect(assessments.rows).toHaveLength(58);

      const open = csvRecords(
        await download(`/exports/assessments.csv?cycleId=${cycle['2025']}&countryCode=RS`),
      );
      expect(open.rows).toHaveLength(0);
    });

    it('gives another partner only the approved and published assessments of an open cycle', async () => {
      const stored: Array<{ code: string; status: string }> = await db.dataSource.query(
        `SELECT i.code, a.status FROM assessment a JOIN indicator i ON i.id = a.indicator_id
         WHERE a.cycle_id = $1 AND a.country_code = 'RS'`,
        [cycle['2025']],
      );
      const visible = stored.filter((s) => s.status === 'APPROVED' || s.status === 'PUBLISHED');
      expect(visible.length).toBeGreaterThan(0);
      expect(visible.length).toBeLessThan(stored.length);

      const path = `/exports/assessments.xlsx?cycleId=${cycle['2025']}&countryCode=RS`;
      const other = await workbook(await download(path, 'viewer.al'));
      const rows = sheetRecords(other.getWorksheet('Assessments')!).rows;
      expect(rows.map((r) => r.indicator_code).sort()).toEqual(visible.map((s) => s.code).sort());
      for (const row of rows) expect(['APPROVED', 'PUBLISHED']).toContain(row.status);
      const visibleCodes = new Set(visible.map((s) => s.code));
      for (const row of sheetRecords(other.getWorksheet('Evidence')!).rows)
        expect(visibleCodes.has(row.indicator_code)).toBe(true);

      const own = await workbook(await download(path, 'viewer.rs'));
      const ownRows = sheetRecords(own.getWorksheet('Assessments')!).rows;
      expect(ownRows).toHaveLength(stored.length);
      expect(ownRows.some((r) => r.status === 'DRAFT')).toBe(true);
    });

    it('neutralises text that a spreadsheet would run as a formula', async () => {
      const dangerous = ['=HYPERLINK("https://example.com","open")', '+1+2', '-3-4', '@SUM(1)', '\tcmd|calc'];
      for (const title of dangerous) {
        await db.dataSource.query(
          `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
           VALUES ($1, 'RS', 'MEDIA', $2, 'en', 'LOW', 'PUBLIC')`,
          [target.id, title],
        );
      }
      const base = `/exports/assessments.{ext}?cycleId=${cycle['2024']}&countryCode=RS`;
      const csv = await download(`${base.replace('{ext}', 'csv')}&table=evidence`, 'reviewer');
      const titles = csvRecords(csv).rows.map((r) => r.title);
      for (const title of dangerous) {
        expect(titles).toContain(`'${title}`);
        expect(titles).not.toContain(title);
      }
      expect(csv.body.toString('utf8')).toContain(`"'=HYPERLINK(""https://example.com"",""open"")"`);

      const book = await workbook(await download(base.replace('{ext}', 'xlsx'), 'reviewer'));
      const sheet = book.getWorksheet('Evidence')!;
      const titleColumn = headersOf(EVIDENCE_COLUMNS).indexOf('title') + 1;
      const cells: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => cells.push(row.getCell(titleColumn)));
      for (const title of dangerous) {
        const cell = cells.find((c) => c.value === title);
        expect(cell).toBeDefined();
        expect(cell!.type).toBe(ExcelJS.ValueType.String);
        expect(cell!.formula).toBeUndefined();
      }
    });
  });

  describe('cells a spreadsheet can use', () => {
    /** The cells of a sheet's rows by header, as exceljs reads them back. */
    function cellsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.Cell>> {
      const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const rows: Array<Record<string, ExcelJS.Cell>> = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i)]).filter(([h]) => h !== '')));
      });
      return rows;
    }

    function aboutCell(book: ExcelJS.Workbook, label: string): ExcelJS.Cell {
      let found: ExcelJS.Cell | null = null;
      book.getWorksheet('About')!.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2);
      });
      expect(found).not.toBeNull();
      return found!;
    }

    it('writes numbers, percentages, booleans and dates of an assessments workbook as typed cells', async () => {
      const started = Date.now();
      const book = await workbook(
        await download(`/exports/assessments.xlsx?cycleId=${cycle['2024']}&countryCode=RS`, 'viewer.rs'),
      );
      const stored: Array<Record<string, any>> = await db.dataSource.query(
        `SELECT i.code, i.answer_type, a.score, a.value_number, a.value_boolean, a.version
         FROM assessment a JOIN indicator i ON i.id = a.indicator_id WHERE a.cycle_id = $1 AND a.country_code = 'RS'`,
        [cycle['2024']],
      );
      const rows = cellsOf(book.getWorksheet('Assessments')!);
      const seen = new Set<string>();
      for (const s of stored) {
        const row = rows.find((r) => r.indicator_code.value === s.code)!;
        expect(row.version.type).toBe(ExcelJS.ValueType.Number);
        expect(row.version.value).toBe(s.version);
        if (s.score !== null) {
          expect(row.score.type).toBe(ExcelJS.ValueType.Number);
          expect(row.score.value).toBe(s.score);
          seen.add('score');
        } else if (s.answer_type === 'PERCENT' && s.value_number !== null) {
          expect(row.value.type).toBe(ExcelJS.ValueType.Number);
          expect(row.value.numFmt).toMatch(/%$/);
          expect(row.value.value).toBeCloseTo(s.value_number / 100, 12);
          seen.add('percent');
        } else if (s.answer_type === 'NUMBER' && s.value_number !== null) {
          expect(row.value.type).toBe(ExcelJS.ValueType.Number);
          expect(row.value.numFmt ?? '').not.toContain('%');
          expect(row.value.value).toBe(s.value_number);
          seen.add('number');
        } else if (s.value_boolean !== null) {
          expect(row.value.type).toBe(ExcelJS.ValueType.Boolean);
          expect(row.value.value).toBe(s.value_boolean);
          seen.add('boolean');
        }
      }
      expect([...seen].sort()).toEqual(['boolean', 'number', 'percent', 'score']);

      const dates: Array<{ title: string; document_date: string }> = await db.dataSource.query(
        `SELECT e.title, e.document_date FROM evidence e JOIN assessment a ON a.id = e.assessment_id
         WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND e.document_date IS NOT NULL`,
        [cycle['2024']],
      );
      expect(dates.length).toBeGreaterThan(0);
      const dated = cellsOf(book.getWorksheet('Evidence')!).filter((r) => r.document_date.value !== null);
      for (const { document_date: cell } of dated) {
        expect(cell.type).toBe(ExcelJS.ValueType.Date);
        expect(cell.numFmt).toBe('yyyy-mm-dd');
      }
      expect(
        dated.map((r) => `${r.title.value}|${(r.document_date.value as Date).toISOString()}`).sort(),
      ).toEqual(dates.map((d) => `${d.title}|${d.document_date}T00:00:00.000Z`).sort());
      const madeAt = aboutCell(book, 'Made at (UTC)');
      expect(madeAt.type).toBe(ExcelJS.ValueType.Date);
      expect((madeAt.value as Date).getTime()).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    });

    it('adds the matrix of indicators × countries as the results show it, and the edition’s citation with the parameters', async () => {
      const started = Date.now();
      const path = `/exports/comparison.xlsx?cycleId=${cycle['2024']}&countryCodes=RS,AL&areaCode=PROT&locale=sr-Cyrl`;
      const book = await workbook(await download(path));
      const graphql = await api.query(
        `query($cycleId: ID!) { comparison(cycleId: $cycleId, areaCode: "PROT", countryCodes: ["RS", "AL"]) {
          edition { number publishedAt citation }
          rows { indicator { code answerType title(locale: SR_CYRL) { text } }
            cells { countryCode state score notScoredReason value } } } }`,
        { cycleId: cycle['2024'] },
      );
      expect(graphql.errors).toBeUndefined();
      const comparison = graphql.data!.comparison;
      const countries = comparison.rows[0].cells.map((c: { countryCode: string }) => c.countryCode);
      const matrix = book.getWorksheet('Matrix')!;
      expect((matrix.getRow(1).values as unknown[]).slice(1)).toEqual([
        'indicator_code',
        'indicator_title',
        ...countries,
      ]);
      const rows = cellsOf(matrix);
      expect(rows).toHaveLength(comparison.rows.length);
      const kinds = new Set<string>();
      comparison.rows.forEach((expected: any, i: number) => {
        const row = rows[i];
        expect(row.indicator_code.value).toBe(expected.indicator.code);
        expect(row.indicator_title.value).toBe(expected.indicator.title.text);
        for (const cell of expected.cells) {
          const got = row[cell.countryCode];
          const type = expected.indicator.answerType;
          if (cell.state === 'HIDDEN') expect(got.value).toBe('not visible');
          else if (cell.state === 'NOT_ASSESSED') expect(got.value).toBe('not assessed');
          else if (cell.score !== null) {
            expect(got.type).toBe(ExcelJS.ValueType.Number);
            expect(got.value).toBe(cell.score);
          } else if (cell.notScoredReason)
            expect(got.value).toBe(cell.notScoredReason === 'NO_DATA' ? 'no data' : 'n/a');
          else if (type === 'PERCENT') {
            expect(got.numFmt).toMatch(/%$/);
            expect(got.value).toBeCloseTo(Number(cell.value) / 100, 12);
          } else if (type === 'NUMBER') expect(got.value).toBe(Number(cell.value));
          else if (type === 'BOOLEAN') expect(got.value).toBe(cell.value === 'true');
          else expect(got.value).toBe(cell.value);
          kinds.add(cell.state === 'ASSESSED' ? (cell.score !== null ? 'score' : type) : cell.state);
        }
      });
      expect([...kinds]).toEqual(expect.arrayContaining(['score', 'NUMBER', 'PERCENT', 'BOOLEAN']));

      const citation = new Map<string, ExcelJS.Cell>();
      book.getWorksheet('Citation')!.eachRow((row, n) => {
        if (n > 1) citation.set(String(row.getCell(1).value), row.getCell(2));
      });
      expect(citation.get('Cite as')!.value).toBe(comparison.edition.citation);
      expect(citation.get('Edition')!.value).toBe(comparison.edition.number);
      const published = citation.get('Edition published at (UTC)')!;
      expect(published.type).toBe(ExcelJS.ValueType.Date);
      expect((published.value as Date).toISOString()).toBe(comparison.edition.publishedAt);
      expect(citation.get('Cycle')!.value).toBe('2024');
      expect(citation.get('Countries')!.value).toBe(countries.join(', '));
      expect(citation.get('Area')!.value).toBe('PROT');
      expect(citation.get('Locale')!.value).toBe('sr-Cyrl');
      const madeAt = citation.get('Made at (UTC)')!;
      expect(madeAt.type).toBe(ExcelJS.ValueType.Date);
      expect(madeAt.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
      expect((madeAt.value as Date).getTime()).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
      expect((madeAt.value as Date).getTime()).toBeLessThanOrEqual(Date.now());

      // The long table's values are typed too.
      const long = cellsOf(book.getWorksheet('Comparison')!).filter((r) => r.state.value === 'ASSESSED');
      expect(long.every((r) => r.evidence_count.type === ExcelJS.ValueType.Number)).toBe(true);
      expect(long.some((r) => r.score.type === ExcelJS.ValueType.Number)).toBe(true);

      const live = await workbook(
        await download(`/exports/comparison.xlsx?cycleId=${cycle['2025']}`, 'reviewer'),
      );
      const liveCitation: string[] = [];
      live.getWorksheet('Citation')!.eachRow((row) => liveCitation.push(text(row.getCell(2))));
      expect(liveCitation[1]).toMatch(/^Live data, not a published edition/);
      expect(liveCitation).toContain('none: live data as of the time the file was made');
    });

    it('writes CSV in UTF-8 with a byte order mark, with the separator asked for, quoting a text that holds it', async () => {
      const [target] = await db.dataSource.query(
        `SELECT a.id FROM assessment a JOIN indicator i ON i.id = a.indicator_id
         WHERE a.cycle_id = $1 AND a.country_code = 'RS' ORDER BY i.position LIMIT 1`,
        [cycle['2024']],
      );
      const title = 'Izveštaj; prvi deo, "nacrt" – жртве трговине људима';
      await db.dataSource.query(
        `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
         VALUES ($1, 'RS', 'REPORT', $2, 'sr-Latn', 'HIGH', 'PUBLIC')`,
        [target.id, title],
      );
      const base = `/exports/assessments.csv?cycleId=${cycle['2024']}&countryCode=RS&table=evidence`;
      const quoted = `"Izveštaj; prvi deo, ""nacrt"" – жртве трговине људима"`;
      for (const [option, separator] of [
        ['', ','],
        ['&separator=,', ','],
        ['&separator=;', ';'],
        ['&separator=%3B', ';'],
      ]) {
        const file = await download(`${base}${option}`);
        expectDownload(file, 'evidence-2024-RS.csv');
        expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const content = file.body.subarray(3).toString('utf8');
        expect(content.split('\r\n')[0]).toBe(headersOf(EVIDENCE_COLUMNS).join(separator));
        expect(content).toContain(`${separator}${quoted}${separator}`);
        const records = parse(file.body, { bom: true, delimiter: separator }) as string[][];
        expect(records.map((r) => r[2])).toContain(title);
      }
      const semicolons = await download(
        `/exports/comparison.csv?cycleId=${cycle['2024']}&countryCodes=RS&separator=;`,
      );
      const lines = semicolons.body.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe(headersOf(COMPARISON_COLUMNS).join(';'));
      expect(lines).toHaveLength(58 + 1);

      for (const bad of ['%09', '|', 'semicolon', '%2C%3B']) {
        const res = await download(`${base}&separator=${bad}`);
        expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
        expect(JSON.parse(res.body.toString()).error.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  it('exports the framework version with every indicator and the standards it measures', async () => {
    const [framework] = await db.dataSource.query(
      `SELECT f.code FROM framework f JOIN framework_version fv ON fv.framework_id = f.id WHERE fv.id = $1`,
      [versionId],
    );
    const file = await download(`/exports/framework.xlsx?frameworkVersionId=${versionId}`);
    expectDownload(file, `framework-${framework.code}-2024.1.xlsx`);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Areas', 'Indicators', 'ScoreLevels', 'About']);

    const indicators = sheetRecords(book.getWorksheet('Indicators')!);
    expect(indicators.headers).toEqual(headersOf(INDICATOR_COLUMNS));
    expect(indicators.rows).toHaveLength(58);
    const standards: Array<{ code: string; standards: string[] }> = await db.dataSource.query(
      `SELECT i.code, array_agg(s.instrument || ':' ||
         CASE WHEN s.country_code IS NULL THEN '' ELSE s.country_code || ':' END || s.reference) AS standards
       FROM indicator i JOIN indicator_standard ist ON ist.indicator_id = i.id JOIN standard s ON s.id = ist.standard_id
       WHERE i.framework_version_id = $1 GROUP BY i.code`,
      [versionId],
    );
    expect(standards).toHaveLength(58);
    for (const { code, standards: expected } of standards) {
      const row = indicators.rows.find((r) => r.code === code)!;
      expect(row.standards.split('; ').sort()).toEqual([...expected].sort());
      expect(row.title_en).not.toBe('');
    }
    expect(indicators.rows.some((r) => r.standards.includes('NATIONAL_ACTION_PLAN:'))).toBe(
      standards.some((s) => s.standards.some((t) => t.startsWith('NATIONAL_ACTION_PLAN:'))),
    );

    const areas = sheetRecords(book.getWorksheet('Areas')!);
    expect(areas.headers).toEqual(headersOf(AREA_COLUMNS));
    const [{ n: areaCount }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM area WHERE framework_version_id = $1`,
      [versionId],
    );
    expect(areas.rows).toHaveLength(areaCount);
    expect(areas.rows.filter((r) => r.parent_code === '').map((r) => r.pillar)).toEqual([
      'PREVENTION',
      'PROTECTION',
      'PROSECUTION',
      'PARTNERSHIP',
    ]);
    const areaCodes = new Set(areas.rows.map((r) => r.code));
    for (const row of indicators.rows) expect(areaCodes.has(row.area_code)).toBe(true);

    const csv = await download(`/exports/framework.csv?frameworkVersionId=${versionId}`);
    expectDownload(csv, `framework-${framework.code}-2024.1-indicators.csv`);
    expect(csvRecords(csv).rows).toEqual(indicators.rows);
    const areasCsv = await download(`/exports/framework.csv?frameworkVersionId=${versionId}&table=areas`);
    expectDownload(areasCsv, `framework-${framework.code}-2024.1-areas.csv`);
    expect(csvRecords(areasCsv).rows).toEqual(areas.rows);
  });

  it('shows a draft framework version only to framework editors and admins', async () => {
    const [draft] = await db.dataSource.query(
      `INSERT INTO framework_version (framework_id, label, status)
       SELECT framework_id, '2026.0-draft', 'DRAFT' FROM framework_version WHERE id = $1 RETURNING id`,
      [versionId],
    );
    for (const who of ['anonymous', 'reviewer', 'viewer.rs']) {
      const res = await download(`/exports/framework.xlsx?frameworkVersionId=${draft.id}`, who);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body.toString()).error.code).toBe('NOT_FOUND');
    }
    const editor = await download(`/exports/framework.csv?frameworkVersionId=${draft.id}`, 'framework');
    expect(editor.status).toBe(200);
    expect(csvRecords(editor).headers).toEqual(headersOf(INDICATOR_COLUMNS));
  });

  it('refuses bad parameters, unknown records and bad tokens with a JSON error, and changes nothing', async () => {
    const snapshot = () =>
      db.dataSource.query(
        `SELECT (SELECT count(*) FROM audit_event)::int AS audit, (SELECT count(*) FROM evidence)::int AS evidence,
           (SELECT count(*) FROM assessment)::int AS assessments`,
      );
    const before = await snapshot();
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const c25 = cycle['2025'];
    const cases: Array<[string, number, string, string?]> = [
      ['/exports/comparison.csv', 400, 'BAD_USER_INPUT'],
      ['/exports/comparison.xlsx?cycleId=not-an-id', 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.csv?cycleId=${c25}&countryCodes=RS,SRB`, 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.csv?cycleId=${c25}&countryCodes=XX`, 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.csv?cycleId=${c25}&edition=0`, 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.csv?cycleId=${c25}&edition=first`, 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.csv?cycleId=${c25}&locale=de`, 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.csv?cycleId=${c25}&areaCode=NOPE`, 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.csv?cycleId=${c25}&countryCode=RS`, 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.csv?cycleId=${c25}&cycleId=${c25}`, 400, 'BAD_USER_INPUT'],
      [`/exports/assessments.csv?cycleId=${c25}`, 400, 'BAD_USER_INPUT'],
      [`/exports/assessments.csv?cycleId=${c25}&countryCode=RS&table=comments`, 400, 'BAD_USER_INPUT'],
      ['/exports/framework.xlsx?frameworkVersionId=2024.1', 400, 'BAD_USER_INPUT'],
      [`/exports/comparison.xlsx?cycleId=${unknownId}`, 404, 'NOT_FOUND'],
      [`/exports/comparison.csv?cycleId=${cycle['2024']}&edition=99`, 404, 'NOT_FOUND'],
      [`/exports/assessments.xlsx?cycleId=${unknownId}&countryCode=RS`, 404, 'NOT_FOUND'],
      [`/exports/assessments.csv?cycleId=${c25}&countryCode=XX`, 404, 'NOT_FOUND'],
      [`/exports/framework.csv?frameworkVersionId=${unknownId}`, 404, 'NOT_FOUND'],
      [`/exports/comparison.xlsx?cycleId=${c25}`, 401, 'UNAUTHENTICATED', 'Bearer not-a-token'],
      [`/exports/assessments.csv?cycleId=${c25}&countryCode=RS`, 401, 'UNAUTHENTICATED', 'Bearer x.y.z'],
    ];
    for (const [path, status, code, authorization] of cases) {
      const res = await download(path, 'anonymous', authorization ? { authorization } : {});
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = JSON.parse(res.body.toString());
      expect(body.error.code).toBe(code);
      expect(typeof body.error.message).toBe('string');
    }
    expect(await snapshot()).toEqual(before);
  });
});
