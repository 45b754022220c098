import { createHash, randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { BREAKDOWN_COLUMNS } from '../src/modules/exchange/export-breakdowns.service';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';
import { buildCsv, postImport, XLSX_TYPE } from './support/spreadsheets';

/**
 * Breakdowns as spreadsheets: the long table of `/exports/breakdowns.{csv,xlsx}` under the disclosure rule of the
 * API, and its import into draft assessments, all or nothing.
 */

type Value = string | number | boolean | null;
type Row = Record<string, Value>;
const HEADERS = BREAKDOWN_COLUMNS.map((c) => c.header);

/** 14 victims: 11 women and 3 men; 4 children and 10 adults; crossed (dimensions in their stored order). */
const FOURTEEN: Array<[string[], string[], number]> = [
  [['sex'], ['female'], 11],
  [['sex'], ['male'], 3],
  [['age'], ['child'], 4],
  [['age'], ['adult'], 10],
  [['sex', 'age'], ['female', 'child'], 2],
  [['sex', 'age'], ['female', 'adult'], 9],
  [['sex', 'age'], ['male', 'child'], 2],
  [['sex', 'age'], ['male', 'adult'], 1],
];

/** The rows of a workbook's Breakdowns sheet, each cell in the type the workbook holds (percent cells as 0–100). */
async function xlsxRows(body: Buffer): Promise<{ headers: string[]; rows: Row[]; about: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ExcelJS.Buffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(['Breakdowns', 'About']);
  const sheet = book.getWorksheet('Breakdowns')!;
  const lines: Value[][] = [];
  sheet.eachRow((row) => {
    const values: Value[] = [];
    for (let col = 1; col <= HEADERS.length; col++) {
      const cell = row.getCell(col);
      const v = cell.value as Value;
      values.push(
        typeof v === 'number' && cell.numFmt?.includes('%') ? Number((v * 100).toPrecision(15)) : v,
      );
    }
    lines.push(values);
  });
  const about: string[] = [];
  book.getWorksheet('About')!.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((c) => cells.push(c.value instanceof Date ? c.value.toISOString() : String(c.value)));
    about.push(cells.join('\t'));
  });
  const [headers, ...rest] = lines;
  return {
    headers: headers as string[],
    rows: rest.map((r) => Object.fromEntries(HEADERS.map((h, i) => [h, r[i] ?? null]))),
    about,
  };
}

function csvRows(body: Buffer): Row[] {
  const [headers, ...rest] = parse(body, { bom: true }) as string[][];
  expect(headers).toEqual(HEADERS);
  return rest.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

/**
 * What a reader of the public file can work out: every whole, non-negative filling of the suppressed cells that
 * agrees with the visible ones, the total and the margins (a crossed table adds up to its single tables). Returns
 * the values each suppressed cell can take.
 */
function possibleValues(rows: Row[], total: number): Map<number, Set<number>> {
  const hidden = rows.flatMap((r, i) => (r.suppressed === 'true' || r.suppressed === true ? [i] : []));
  const equations: Array<Array<[number, number]>> = []; // [row index, sign], sum = 0 after the constant row -1
  const TOTAL = -1;
  const key = (r: Row) => String(r.dimension_codes);
  const tables = new Map<string, number[]>();
  rows.forEach((r, i) => tables.set(key(r), [...(tables.get(key(r)) ?? []), i]));
  for (const [dims, members] of tables) {
    const codes = dims.split('|');
    if (codes.length === 1) {
      equations.push([...members.map((m): [number, number] => [m, 1]), [TOTAL, -1]]);
      continue;
    }
    codes.forEach((dim, k) => {
      const single = tables.get(dim) ?? [];
      for (const s of single) {
        const category = String(rows[s].category_codes);
        const part = members.filter((m) => String(rows[m].category_codes).split('|')[k] === category);
        equations.push([...part.map((m): [number, number] => [m, 1]), [s, -1]]);
      }
    });
  }
  const value = new Map<number, number>([[TOTAL, total]]);
  rows.forEach((r, i) => {
    if (!hidden.includes(i)) value.set(i, Number(r.value));
  });
  const seen = new Map(hidden.map((h) => [h, new Set<number>()]));
  const check = () =>
    equations.every((eq) => {
      if (eq.some(([c]) => !value.has(c))) return true;
      return eq.reduce((s, [c, sign]) => s + sign * value.get(c)!, 0) === 0;
    });
  const search = (k: number) => {
    if (k === hidden.length) {
      for (const h of hidden) seen.get(h)!.add(value.get(h)!);
      return;
    }
    for (let v = 0; v <= total; v++) {
      value.set(hidden[k], v);
      if (check()) search(k + 1);
    }
    value.delete(hidden[k]);
  };
  search(0);
  return seen;
}

describe('breakdown exports and imports', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  const as: Record<string, Record<string, string>> = { anonymous: {} };
  const cycle: Record<string, string> = {};
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);
  const download = async (path: string, who: string) => {
    const res = await fetch(`${origin}${path}`, { headers: as[who] });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };

  /** Gives the RS assessment of PROT-1.3 in a cycle the total 14 and its breakdown, in a status. */
  async function prepare(cycleCode: string, status: string): Promise<string> {
    const [row] = await sql(
      `SELECT a.id FROM assessment a JOIN indicator i ON i.id = a.indicator_id JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE a.country_code = 'RS' AND c.code = $1 AND i.code = 'PROT-1.3'`,
      [cycleCode],
    );
    await sql(`UPDATE assessment SET value_number = 14, status = $2 WHERE id = $1`, [row.id, status]);
    await sql(`DELETE FROM assessment_breakdown WHERE assessment_id = $1`, [row.id]);
    for (const [dims, cats, value] of FOURTEEN)
      await sql(
        `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
         VALUES ($1, 'RS', $2, $3, $4)`,
        [row.id, dims, cats, value],
      );
    return row.id;
  }

  let draftId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = api.url.replace(/\/graphql$/, '');
    for (const who of ['editor.rs', 'lead.rs', 'lead.al', 'reviewer'])
      as[who] = await signIn(api, `${who}@demo.example`);
    for (const row of await sql(`SELECT id, code FROM monitoring_cycle`)) cycle[row.code] = row.id;
    // An API key of the Serbian partner: keys read as the public.
    const prefix = randomBytes(6).toString('hex');
    const key = `tia_${prefix}${randomBytes(24).toString('base64url')}`;
    await sql(
      `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash)
       SELECT o.id, u.id, 'Breakdown exports', $1, $2 FROM organisation o, app_user u
       WHERE o.short_name = 'ASTRA' AND u.email = 'lead.rs@demo.example'`,
      [prefix, createHash('sha256').update(key).digest('hex')],
    );
    as.apiKey = { authorization: `Bearer ${key}` };
    await prepare('2024', 'PUBLISHED');
    draftId = await prepare('2025', 'DRAFT');
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const publicPath = (format: string) =>
    `/exports/breakdowns.${format}?cycleId=${cycle['2024']}&countryCode=RS&indicatorCode=PROT-1.3`;

  it.each(['anonymous', 'apiKey', 'lead.al'])(
    'gives %s the public file: small counts empty and marked suppressed, and no subtraction brings one back',
    async (who) => {
      const file = await download(publicPath('csv'), who);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toBe(
        'attachment; filename="breakdowns-2024-RS-PROT-1.3.csv"',
      );
      const rows = csvRows(file.body);
      // Every category of the exhaustive dimensions is listed, the unknown ones as 0: 3 + 3 + 3 × 3.
      expect(rows).toHaveLength(15);
      const suppressed = rows.filter((r) => r.suppressed === 'true');
      expect(suppressed.length).toBeGreaterThan(0);
      for (const r of suppressed) expect(r.value).toBe('');
      for (const r of rows.filter((x) => x.suppressed === 'false')) {
        const v = Number(r.value);
        expect(v === 0 || v >= 5).toBe(true);
      }
      // The attack: the published total 14 and the visible cells leave every hidden cell two values at least.
      for (const [, values] of possibleValues(rows, 14)) expect(values.size).toBeGreaterThanOrEqual(2);
    },
  );

  it('would catch a file that left one hidden cell alone (the attack above is no empty check)', async () => {
    const exact = csvRows((await download(publicPath('csv'), 'lead.rs')).body);
    const shown = csvRows((await download(publicPath('csv'), 'anonymous')).body);
    const hidden = shown.flatMap((r, i) => (r.suppressed === 'true' ? [i] : []));
    const leaky = shown.map((r, i) =>
      hidden.includes(i) && i !== hidden[0] ? { ...exact[i], suppressed: 'false' } : r,
    );
    expect(possibleValues(leaky, 14).get(hidden[0])).toEqual(new Set([Number(exact[hidden[0]].value)]));
  });

  it('gives the public workbook the same cells, with the demo-data first row and typed cells', async () => {
    const file = await download(publicPath('xlsx'), 'anonymous');
    expect(file.status).toBe(200);
    expect(file.headers.get('x-data-status')).toBe('DEMO');
    const { headers, rows, about } = await xlsxRows(file.body);
    expect(headers).toEqual(HEADERS);
    expect(about[0]).toMatch(/^Illustrative demo data.*Breakdowns of Serbia/i);
    expect(about[1]).toMatch(/^Data status\tDEMO/);
    const csv = csvRows((await download(publicPath('csv'), 'anonymous')).body);
    expect(rows.map((r) => [r.category_codes, r.value, r.suppressed])).toEqual(
      csv.map((r) => [r.category_codes, r.value === '' ? null : Number(r.value), r.suppressed === 'true']),
    );
    for (const r of rows) expect(r.value === null || typeof r.value === 'number').toBe(true);
  });

  it.each(['lead.rs', 'reviewer'])('gives %s exact values', async (who) => {
    const rows = csvRows((await download(publicPath('csv'), who)).body);
    expect(rows.every((r) => r.suppressed === 'false')).toBe(true);
    expect(rows.filter((r) => r.dimension_codes === 'sex').map((r) => Number(r.value))).toEqual([11, 3, 0]);
  });

  const draftQuery = () => `cycleId=${cycle['2025']}&countryCode=RS`;
  /** The editor's file of the open cycle: PROT-1.3's breakdown only, or (`all`) every indicator's. */
  const exportDraft = async (format: 'csv' | 'xlsx', all = false) =>
    (
      await download(
        `/exports/breakdowns.${format}?${draftQuery()}${all ? '' : '&indicatorCode=PROT-1.3'}`,
        'editor.rs',
      )
    ).body;
  const importDraft = (body: Buffer, type: string, who = 'editor.rs') =>
    postImport(origin, `/imports/breakdowns?${draftQuery()}`, body, type, as[who]);

  it('imports an unedited export of every indicator unchanged, and exports it again identically (XLSX and CSV)', async () => {
    const xlsx = await exportDraft('xlsx', true);
    const before = await xlsxRows(xlsx);
    expect(
      before.rows.find((r) => r.indicator_code === 'PROT-1.3' && r.category_codes === 'female'),
    ).toMatchObject({ value: 11, suppressed: false });
    const indicators = new Set(before.rows.map((r) => r.indicator_code)).size;
    expect(indicators).toBeGreaterThan(1);
    const unchanged = { updated: 0, unchanged: indicators, cells: before.rows.length };
    expect(await importDraft(xlsx, XLSX_TYPE)).toEqual({ status: 200, body: unchanged });
    expect((await xlsxRows(await exportDraft('xlsx', true))).rows).toEqual(before.rows);

    const csv = await exportDraft('csv', true);
    expect((await importDraft(csv, 'text/csv')).body).toEqual(unchanged);
    expect(await exportDraft('csv', true)).toEqual(csv);
  });

  it('keeps percentages as percent cells through a round trip, in the same number of statements as one indicator', async () => {
    // A PERCENT indicator broken down by sex (the demo framework expects none: added here).
    const [target] = await sql(
      `SELECT a.id, i.id AS indicator_id, i.code FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       WHERE a.country_code = 'RS' AND a.cycle_id = $1 AND i.answer_type = 'PERCENT' ORDER BY i.code LIMIT 1`,
      [cycle['2025']],
    );
    await sql(`DELETE FROM indicator_breakdown WHERE indicator_id = $1`, [target.indicator_id]);
    await sql(
      `INSERT INTO indicator_breakdown (indicator_id, position, dimension_codes) VALUES ($1, 0, '{sex}')`,
      [target.indicator_id],
    );
    await sql(`UPDATE assessment SET value_number = 40, status = 'DRAFT' WHERE id = $1`, [target.id]);
    await sql(`DELETE FROM assessment_breakdown WHERE assessment_id = $1`, [target.id]);
    for (const [category, value] of [
      ['female', 37.5],
      ['male', 62.5],
    ] as const)
      await sql(
        `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
         VALUES ($1, 'RS', '{sex}', $2, $3)`,
        [target.id, [category], value],
      );
    const query = `cycleId=${cycle['2025']}&countryCode=RS&indicatorCode=${target.code}`;
    const file = await download(`/exports/breakdowns.xlsx?${query}`, 'editor.rs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    const female = book
      .getWorksheet('Breakdowns')!
      .getRow(2)
      .getCell(HEADERS.indexOf('value') + 1);
    expect([female.value, female.numFmt]).toEqual([0.375, '0.0#####%']);
    const { rows } = await xlsxRows(file.body);
    expect(rows.map((r) => [r.category_codes, r.value])).toEqual([
      ['female', 37.5],
      ['male', 62.5],
      ['other_unknown', 0],
    ]);
    expect((await importDraft(file.body, XLSX_TYPE)).body).toEqual({ updated: 0, unchanged: 1, cells: 3 });
    const csv = await download(`/exports/breakdowns.csv?${query}`, 'editor.rs');
    expect(csvRows(csv.body).map((r) => r.value)).toEqual(['37.5', '62.5', '0']);
    const edited = csvRows(csv.body).map((r, i) =>
      i === 0 ? { ...r, value: '40' } : i === 1 ? { ...r, value: '60' } : r,
    );
    expect((await importDraft(buildCsv(HEADERS, edited), 'text/csv')).body).toEqual({
      updated: 1,
      unchanged: 0,
      cells: 3,
    });
    const again = await xlsxRows((await download(`/exports/breakdowns.xlsx?${query}`, 'editor.rs')).body);
    expect(again.rows.map((r) => r.value)).toEqual([40, 60, 0]);

    // Statements do not grow with the number of indicators in the file.
    const one = await download(`/exports/breakdowns.csv?${query}`, 'editor.rs');
    const all = await download(
      `/exports/breakdowns.csv?cycleId=${cycle['2025']}&countryCode=RS`,
      'editor.rs',
    );
    expect(csvRows(all.body).length).toBeGreaterThan(csvRows(one.body).length);
    expect(all.headers.get('x-sql-statements')).toBe(one.headers.get('x-sql-statements'));
  });

  it('refuses a file whose parts do not add up, naming row and column, and writes nothing', async () => {
    const rows = csvRows(await exportDraft('csv'));
    const edited = rows.map((r) =>
      r.category_codes === 'female'
        ? { ...r, value: '10' }
        : r.category_codes === 'male'
          ? { ...r, value: '4' }
          : r,
    );
    const badCategory = [...edited, { ...edited[0], category_codes: 'nonbinary', value: '0' }];
    const res = await importDraft(buildCsv(HEADERS, badCategory), 'text/csv');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_ROWS');
    expect(res.body.error.problems).toEqual([
      expect.objectContaining({
        sheet: 'Breakdowns',
        row: badCategory.length + 1,
        column: 'category_codes',
        code: 'INVALID_INPUT',
      }),
    ]);
    const sums = await importDraft(buildCsv(HEADERS, edited), 'text/csv');
    expect(sums.status).toBe(422);
    expect(
      sums.body.error.problems.map((p: { code: string; column: string }) => [p.code, p.column]),
    ).toContainEqual(['BREAKDOWN_TOTAL_MISMATCH', 'value']);
    const [stored] = await sql(
      `SELECT value FROM assessment_breakdown WHERE assessment_id = $1 AND category_codes = '{female}'`,
      [draftId],
    );
    expect(Number(stored.value)).toBe(11);
  });

  it('imports a consistent edit, bumps the version and audits it; a file of the old version is then stale', async () => {
    const csv = await exportDraft('csv');
    const rows = csvRows(csv);
    const edit: Record<string, string> = { female: '10', male: '4', 'female|adult': '8', 'male|adult': '2' };
    const edited = rows.map((r) =>
      edit[String(r.category_codes)] ? { ...r, value: edit[String(r.category_codes)] } : r,
    );
    const [{ version }] = await sql(`SELECT version FROM assessment WHERE id = $1`, [draftId]);
    const res = await importDraft(buildCsv(HEADERS, edited), 'text/csv');
    expect(res).toEqual({ status: 200, body: { updated: 1, unchanged: 0, cells: 15 } });
    const after = csvRows(await exportDraft('csv'));
    expect(after.find((r) => r.category_codes === 'female|adult')).toMatchObject({
      value: '8',
      version: String(version + 1),
    });
    const [audit] = await sql(
      `SELECT action, after FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [draftId],
    );
    expect(audit.action).toBe('import_update');
    expect(audit.after.breakdown).toMatchObject({ 'sex=female': 10, 'sex=male×age=adult': 2 });

    const stale = await importDraft(csv, 'text/csv');
    expect(stale.status).toBe(422);
    expect(stale.body.error.problems[0]).toMatchObject({
      row: 2,
      column: 'version',
      code: 'STALE_VERSION',
      expectedVersion: version,
      foundVersion: version + 1,
    });
  });

  it('refuses suppressed rows, other countries and cycles, and published assessments', async () => {
    const publicRows = csvRows((await download(publicPath('csv'), 'anonymous')).body);
    const current = csvRows(await exportDraft('csv'));
    const withSuppressed = current.map((r, i) => (i === 1 ? { ...r, value: '', suppressed: 'true' } : r));
    const res = await importDraft(buildCsv(HEADERS, withSuppressed), 'text/csv');
    expect(res.body.error.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'suppressed', code: 'INVALID_INPUT' }),
    ]);
    const elsewhere = current.map((r, i) => (i === 0 ? { ...r, country_code: 'AL', cycle_code: '2024' } : r));
    const other = await importDraft(buildCsv(HEADERS, elsewhere), 'text/csv');
    expect(other.body.error.problems.map((p: { column: string }) => p.column)).toEqual([
      'country_code',
      'cycle_code',
    ]);
    // The published cycle's file into its own cycle: the cycle is closed, the assessment not a draft.
    const published = await postImport(
      origin,
      `/imports/breakdowns?cycleId=${cycle['2024']}&countryCode=RS`,
      buildCsv(HEADERS, publicRows),
      'text/csv',
      as['editor.rs'],
    );
    expect(published.status).toBe(409);
    expect(published.body.error.code).toBe('CYCLE_NOT_OPEN');
  });

  it('refuses a change to a submitted assessment, and a formula instead of a number', async () => {
    const rows = csvRows(await exportDraft('csv'));
    await sql(`UPDATE assessment SET status = 'SUBMITTED' WHERE id = $1`, [draftId]);
    try {
      // Unchanged, a submitted assessment's rows are accepted (a whole-country file round-trips)…
      expect((await importDraft(buildCsv(HEADERS, rows), 'text/csv')).body).toEqual({
        updated: 0,
        unchanged: 1,
        cells: 15,
      });
      // …changed, they are refused.
      const moved = rows.map((r) =>
        r.category_codes === 'child'
          ? { ...r, value: String(Number(r.value) - 1) }
          : r.category_codes === 'unknown' && r.dimension_codes === 'age'
            ? { ...r, value: '1' }
            : r.category_codes === 'female|child'
              ? { ...r, value: String(Number(r.value) - 1) }
              : r.category_codes === 'female|unknown'
                ? { ...r, value: '1' }
                : r,
      );
      const refused = await importDraft(buildCsv(HEADERS, moved), 'text/csv');
      expect(refused.body.error.problems).toEqual([
        expect.objectContaining({ row: 2, column: 'indicator_code', code: 'NOT_EDITABLE' }),
      ]);
    } finally {
      await sql(`UPDATE assessment SET status = 'DRAFT' WHERE id = $1`, [draftId]);
    }
    const formula = rows.map((r, i) => (i === 0 ? { ...r, value: '=10+0' } : r));
    const res = await importDraft(buildCsv(HEADERS, formula), 'text/csv');
    expect(res.body.error.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'value', code: 'INVALID_INPUT' }),
    ]);
  });

  it('lets only the country’s editors import', async () => {
    const csv = await exportDraft('csv');
    expect((await importDraft(csv, 'text/csv', 'anonymous')).status).toBe(401);
    expect((await importDraft(csv, 'text/csv', 'lead.al')).body.error.code).toBe('FORBIDDEN');
    expect((await importDraft(csv, 'text/csv', 'reviewer')).body.error.code).toBe('FORBIDDEN');
    expect((await importDraft(csv, 'text/csv', 'apiKey')).body.error.code).toBe('FORBIDDEN');
  });
});
