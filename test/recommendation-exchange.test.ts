import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { LOCALE_TAGS } from '../src/common/i18n';
import { DEMO_NOTICE } from '../src/modules/deployment/data-status';
import { RECOMMENDATION_COLUMNS } from '../src/modules/exchange/recommendation.columns';
import { createTestDatabase, type TestDatabase } from './support/database';
import { databaseFingerprint } from './support/fingerprint';
import { signIn, startTestServer, type TestServer } from './support/server';
import { postImport, XLSX_TYPE } from './support/spreadsheets';

/**
 * The recommendations register as spreadsheets: the export of a country's recommendations with their follow-ups
 * in a cycle, under the read rules of the `recommendations` query, and the all-or-nothing import of follow-ups.
 */

type Values = ExcelJS.CellValue[][];
const HEADERS = RECOMMENDATION_COLUMNS.map((c) => c.header);
const col = (header: string) => HEADERS.indexOf(header);

/** Texts a spreadsheet could mangle: a formula start, quotes, separators, a line break, digits, Cyrillic. */
const narrativeIn = (tag: string) =>
  tag === 'en'
    ? '=HYPERLINK("http://example.org") 2 shelters; 1,5 staff\n"quoted" – 2025-06-30'
    : `Narrative (${tag}): 3 mjere; 12,5 % – Ђ ш ž ë 0042\n-minus`;

describe('recommendations export and follow-up import', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  const as: Record<string, Record<string, string>> = { public: {} };
  const cycle: Record<string, string> = {};
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = api.url.replace(/\/graphql$/, '');
    for (const name of ['editor.rs', 'editor.al', 'viewer.rs', 'reviewer'])
      as[name] = await signIn(api, `${name}@demo.example`);
    for (const row of await sql(`SELECT id, code FROM monitoring_cycle`)) cycle[row.code] = row.id;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function download(path: string, who: string) {
    const res = await fetch(`${origin}${path}`, { headers: as[who] });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  async function book(body: Buffer): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
    return workbook;
  }

  /** The Recommendations sheet's rows below the header, as cell values in their types. */
  function values(workbook: ExcelJS.Workbook): Values {
    const sheet = workbook.getWorksheet('Recommendations')!;
    const rows: Values = [];
    sheet.eachRow((row, n) => {
      if (n === 1) {
        expect((row.values as ExcelJS.CellValue[]).slice(1)).toEqual(HEADERS);
        return;
      }
      rows.push(HEADERS.map((_, i) => row.getCell(i + 1).value ?? null));
    });
    return rows;
  }

  async function exportXlsx(countryCode: string, cycleCode: string, who: string) {
    const file = await download(
      `/exports/recommendations.xlsx?cycleId=${cycle[cycleCode]}&countryCode=${countryCode}`,
      who,
    );
    expect(file.status).toBe(200);
    return book(file.body);
  }

  const importFile = (body: Buffer, type: string, who: string, countryCode = 'RS') =>
    postImport(
      origin,
      `/imports/follow-ups?cycleId=${cycle['2025']}&countryCode=${countryCode}`,
      body,
      type,
      as[who],
    );

  it('gives the public only published follow-ups, and the recommendations they follow up', async () => {
    const workbook = await exportXlsx('RS', '2024', 'public');
    const rows = values(workbook);
    const [{ recommendations, followUps }] = await sql(
      `SELECT count(DISTINCT r.id)::int AS recommendations,
         count(f.id) FILTER (WHERE f.cycle_id = $1)::int AS "followUps"
       FROM recommendation r JOIN recommendation_follow_up f ON f.recommendation_id = r.id AND f.status = 'PUBLISHED'
       WHERE r.country_code = 'RS'`,
      [cycle['2024']],
    );
    expect(followUps).toBeGreaterThan(0);
    expect(rows).toHaveLength(recommendations);
    const followedUp = rows.filter((r) => r[col('has_follow_up')] === true);
    expect(followedUp).toHaveLength(followUps);
    expect(new Set(followedUp.map((r) => r[col('review_status')]))).toEqual(new Set(['PUBLISHED']));
    expect(rows.every((r) => r[col('country_code')] === 'RS')).toBe(true);

    // The open cycle's follow-ups are drafts and reviews in progress: none of them is public.
    const open = values(await exportXlsx('RS', '2025', 'public'));
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r[col('has_follow_up')] === false && r[col('review_status')] === null)).toBe(
      true,
    );
    const [{ unpublished }] = await sql(
      `SELECT count(*)::int AS unpublished FROM recommendation_follow_up WHERE cycle_id = $1 AND country_code = 'RS'`,
      [cycle['2025']],
    );
    expect(unpublished).toBeGreaterThan(0);

    // Demo data says so on the first row of the About sheet.
    const about = workbook.getWorksheet('About')!;
    expect(String(about.getRow(1).getCell(1).value)).toContain(DEMO_NOTICE);
    expect(about.getRow(3).getCell(2).value).toBe(`DEMO – ${DEMO_NOTICE}`);
  });

  it('gives the country’s partner every follow-up of the cycle, with numbers, dates and booleans typed', async () => {
    const rows = values(await exportXlsx('RS', '2025', 'viewer.rs'));
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM recommendation_follow_up WHERE cycle_id = $1 AND country_code = 'RS'`,
      [cycle['2025']],
    );
    expect(rows.filter((r) => r[col('has_follow_up')] === true)).toHaveLength(n);
    const followedUp = rows.find((r) => r[col('has_follow_up')] === true)!;
    expect(typeof followedUp[col('version')]).toBe('number');
    expect(typeof followedUp[col('source_year')]).toBe('number');
    expect(followedUp[col('updated_at')]).toBeInstanceOf(Date);
    const dated = rows.find((r) => r[col('source_published_on')] !== null);
    if (dated) expect(dated[col('source_published_on')]).toBeInstanceOf(Date);
  });

  it('round-trips export → import → export in every locale, as XLSX and as CSV', async () => {
    const [draft] = await sql(
      `SELECT f.recommendation_id, f.version FROM recommendation_follow_up f
       WHERE f.cycle_id = $1 AND f.country_code = 'RS' AND f.status = 'DRAFT' ORDER BY f.id LIMIT 1`,
      [cycle['2025']],
    );
    // A recommendation without a follow-up in the cycle gets one from the file.
    const [fresh] = await sql(
      `SELECT id, recommendation_id FROM recommendation_follow_up
       WHERE cycle_id = $1 AND country_code = 'RS' AND status = 'DRAFT' AND recommendation_id <> $2
       ORDER BY id LIMIT 1`,
      [cycle['2025'], draft.recommendation_id],
    );
    await sql(`DELETE FROM recommendation_follow_up WHERE id = $1`, [fresh.id]);
    const evidence: string[] = (
      await sql(
        `SELECT e.id FROM evidence e JOIN assessment a ON a.id = e.assessment_id
         WHERE a.cycle_id = $1 AND e.country_code = 'RS' ORDER BY e.id LIMIT 2`,
        [cycle['2025']],
      )
    ).map((r: { id: string }) => r.id);
    expect(evidence).toHaveLength(2);

    const first = await exportXlsx('RS', '2025', 'editor.rs');
    const sheet = first.getWorksheet('Recommendations')!;
    const rowOf = (id: string) => {
      let found: ExcelJS.Row | null = null;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === id) found = row;
      });
      return found as unknown as ExcelJS.Row;
    };
    const edit = (row: ExcelJS.Row, status: string) => {
      row.getCell(col('implementation_status') + 1).value = status;
      for (const tag of LOCALE_TAGS) row.getCell(col(`narrative_${tag}`) + 1).value = narrativeIn(tag);
      row.getCell(col('evidence_ids') + 1).value = evidence.join('; ');
    };
    expect(rowOf(fresh.recommendation_id).getCell(col('has_follow_up') + 1).value).toBe(false);
    edit(rowOf(draft.recommendation_id), 'IMPLEMENTED');
    edit(rowOf(fresh.recommendation_id), 'IN_PROGRESS');
    const edited = Buffer.from(await first.xlsx.writeBuffer());
    const total = values(first).length;

    const imported = await importFile(edited, XLSX_TYPE, 'editor.rs');
    expect(imported).toEqual({ status: 200, body: { created: 1, updated: 1, unchanged: total - 2 } });
    const stored = await sql(
      `SELECT f.recommendation_id, f.implementation_status, f.narrative, f.version,
         ARRAY(SELECT x.evidence_id::text FROM follow_up_evidence x WHERE x.follow_up_id = f.id ORDER BY 1) AS evidence
       FROM recommendation_follow_up f WHERE f.cycle_id = $1 AND f.recommendation_id = ANY($2)`,
      [cycle['2025'], [draft.recommendation_id, fresh.recommendation_id]],
    );
    for (const row of stored) {
      expect(row.narrative).toEqual(Object.fromEntries(LOCALE_TAGS.map((tag) => [tag, narrativeIn(tag)])));
      expect(row.evidence).toEqual([...evidence].sort());
    }
    expect(stored.find((r: any) => r.recommendation_id === draft.recommendation_id)).toMatchObject({
      implementation_status: 'IMPLEMENTED',
      version: draft.version + 1,
    });

    // The second export holds what was edited; only the follow-ups' own bookkeeping moved on.
    const second = values(await exportXlsx('RS', '2025', 'editor.rs'));
    const bookkeeping = ['has_follow_up', 'review_status', 'version', 'updated_at'].map(col);
    const strip = (rows: Values) => rows.map((r) => r.filter((_, i) => !bookkeeping.includes(i)));
    expect(strip(second)).toEqual(strip(values(await book(edited))));

    // Imported back unedited, it changes nothing, and the next export is identical, types and all.
    const fingerprint = await databaseFingerprint(db.dataSource);
    expect(
      await importFile(
        Buffer.from(await (await exportXlsx('RS', '2025', 'editor.rs')).xlsx.writeBuffer()),
        XLSX_TYPE,
        'editor.rs',
      ),
    ).toEqual({
      status: 200,
      body: { created: 0, updated: 0, unchanged: total },
    });
    expect(values(await exportXlsx('RS', '2025', 'editor.rs'))).toEqual(second);

    // CSV with semicolons, the formula guard on the English narrative, taken off again on import.
    const csvPath = `/exports/recommendations.csv?cycleId=${cycle['2025']}&countryCode=RS&separator=%3B`;
    const csv = await download(csvPath, 'editor.rs');
    expect(csv.status).toBe(200);
    const records = parse(csv.body, { bom: true, delimiter: ';' }) as string[][];
    expect(records[0]).toEqual(HEADERS);
    const csvRow = records.find((r) => r[0] === draft.recommendation_id)!;
    expect(csvRow[col('narrative_en')]).toBe(`'${narrativeIn('en')}`);
    expect(csvRow[col('narrative_sr-Cyrl')]).toBe(narrativeIn('sr-Cyrl'));
    expect(csvRow[col('version')]).toBe(String(draft.version + 1));
    expect(await importFile(csv.body, 'text/csv', 'editor.rs')).toEqual({
      status: 200,
      body: { created: 0, updated: 0, unchanged: total },
    });
    expect((await download(csvPath, 'editor.rs')).body.equals(csv.body)).toBe(true);
    expect(await databaseFingerprint(db.dataSource)).toEqual(fingerprint);
  });

  it('refuses a file with any problem, listing each by row and column, and writes nothing', async () => {
    // Drafts, so that nothing but the problems made here stands in the way.
    await sql(
      `UPDATE recommendation_follow_up SET status = 'DRAFT' WHERE cycle_id = $1 AND country_code = 'RS'`,
      [cycle['2025']],
    );
    const workbook = await exportXlsx('RS', '2025', 'editor.rs');
    const sheet = workbook.getWorksheet('Recommendations')!;
    const followedUp: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(col('review_status') + 1).value === 'DRAFT') followedUp.push(row);
    });
    const [valid, stale, badStatus, badEvidence] = followedUp;
    const [alRecommendation] = await sql(`SELECT id FROM recommendation WHERE country_code = 'AL' LIMIT 1`);
    valid.getCell(col('narrative_en') + 1).value = 'A change that must not be saved alone.';
    const staleVersion = Number(stale.getCell(col('version') + 1).value);
    stale.getCell(col('version') + 1).value = staleVersion - 1 || staleVersion + 1;
    badStatus.getCell(col('implementation_status') + 1).value = 'DONE';
    badEvidence.getCell(col('evidence_ids') + 1).value = '00000000-0000-4000-8000-000000000000';
    sheet.addRow(HEADERS.map((h) => (h === 'recommendation_id' ? alRecommendation.id : null)));
    const fingerprint = await databaseFingerprint(db.dataSource);

    const res = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE, 'editor.rs');
    expect(res.status).toBe(422);
    const problems = (res.body as any).error.problems.map((p: any) => ({
      row: p.row,
      column: p.column,
      code: p.code,
      ...(p.code === 'STALE_VERSION' ? { found: p.foundVersion } : {}),
    }));
    expect(problems).toEqual(
      [
        { row: stale.number, column: 'version', code: 'STALE_VERSION', found: staleVersion },
        { row: badStatus.number, column: 'implementation_status', code: 'INVALID_VALUE' },
        { row: badEvidence.number, column: 'evidence_ids', code: 'NOT_FOUND' },
        { row: sheet.rowCount, column: 'recommendation_id', code: 'NOT_FOUND' },
      ].sort((a, b) => a.row - b.row),
    );
    expect(await databaseFingerprint(db.dataSource)).toEqual(fingerprint);
  });

  it('lets only the country’s own editors import, and another country’s partner read only what it may', async () => {
    const workbook = await exportXlsx('RS', '2025', 'editor.rs');
    const [row] = values(workbook).filter((r) => r[col('has_follow_up')] === true);
    workbook
      .getWorksheet('Recommendations')!
      .getRow(2)
      .getCell(col('implementation_status') + 1).value =
      row[col('implementation_status')] === 'IMPLEMENTED' ? 'IN_PROGRESS' : 'IMPLEMENTED';
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const fingerprint = await databaseFingerprint(db.dataSource);
    for (const [who, status] of [
      ['editor.al', 403],
      ['reviewer', 403],
      ['viewer.rs', 403],
      ['public', 401],
    ] as const) {
      const res = await importFile(body, XLSX_TYPE, who);
      expect({ who, status: res.status }).toEqual({ who, status });
    }
    // The AL partner sending the RS file as AL's: the rows are of another country.
    const asAl = await importFile(body, XLSX_TYPE, 'editor.al', 'AL');
    expect(asAl.status).toBe(422);
    expect((asAl.body as any).error.problems[0]).toMatchObject({
      column: 'country_code',
      code: 'WRONG_COUNTRY',
    });
    expect(await databaseFingerprint(db.dataSource)).toEqual(fingerprint);

    // Another country's partner reads RS as the public plus approved work: never a draft.
    const seen = values(await exportXlsx('RS', '2025', 'editor.al'));
    expect(
      seen.every((r) => [null, 'APPROVED', 'PUBLISHED'].includes(r[col('review_status')] as string)),
    ).toBe(true);
  });
});
