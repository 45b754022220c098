import { parse } from 'csv-parse/sync';
import { AnswerType } from '../src/modules/indicator/indicator.enums';
import { BREAKDOWN_COLUMNS } from '../src/modules/exchange/export-breakdowns.service';
import { buildTables } from '../src/modules/breakdown/breakdown-tables';
import { loadDimensions } from '../src/modules/breakdown/breakdown.service';
import { COUNTRY_CODES, countryName } from '../src/modules/breakdown/country-categories';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';
import { buildCsv, postImport } from './support/spreadsheets';

/**
 * Citizenship by country: besides national, foreign and unknown, a cell may name the foreigners' country by its
 * ISO 3166-1 alpha-2 code, checked against a fixed list and named in every locale; the parts still add up.
 */

const SAVE = `mutation($input: AssessmentSaveInput!) {
  assessmentSave(input: $input) {
    assessment { version breakdown { dimensionCodes cells {
      categories { code sq: title(locale: SQ) { text } cyrl: title(locale: SR_CYRL) { text } } value } } }
    userErrors { field code message }
  }
}`;
const cell = (category: string, value: number) => ({
  categories: [{ dimension: 'citizenship', category }],
  value,
});

describe('citizenship by country code', () => {
  let db: TestDatabase;
  let api: TestServer;
  let editor: Record<string, string>;
  let target: { input: Record<string, unknown>; version: number };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    editor = await signIn(api, 'editor.rs@demo.example');
    const [row] = await db.dataSource.query(
      `SELECT a.id, a.version, a.cycle_id, a.indicator_id FROM assessment a
       JOIN indicator i ON i.id = a.indicator_id JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE a.country_code = 'RS' AND c.code = '2025' AND i.code = 'PROT-1.3'`,
    );
    await db.dataSource.query(`DELETE FROM assessment_breakdown WHERE assessment_id = $1`, [row.id]);
    await db.dataSource.query(`UPDATE assessment SET status = 'DRAFT' WHERE id = $1`, [row.id]);
    target = {
      version: row.version,
      input: { cycleId: row.cycle_id, countryCode: 'RS', indicatorId: row.indicator_id },
    };
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const save = async (breakdown: unknown[], value = '14') => {
    const res = await api.query(
      SAVE,
      { input: { ...target.input, value, breakdown, expectedVersion: target.version } },
      editor,
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.assessmentSave;
    if (payload.assessment) target.version = payload.assessment.version;
    return payload;
  };

  it('says which dimension takes country codes', async () => {
    const res = await api.query(`{ breakdownDimensions { code countryCodes } }`);
    expect(res.data!.breakdownDimensions).toEqual([
      { code: 'sex', countryCodes: false },
      { code: 'age', countryCodes: false },
      { code: 'exploitation', countryCodes: false },
      { code: 'citizenship', countryCodes: true },
    ]);
  });

  it('saves citizenship by country, lists the countries as categories named in every locale, and checks the sum', async () => {
    const payload = await save([cell('national', 8), cell('AL', 3), cell('XK', 2), cell('unknown', 1)]);
    expect(payload.userErrors).toEqual([]);
    const table = payload.assessment.breakdown.find(
      (t: { dimensionCodes: string[] }) => t.dimensionCodes[0] === 'citizenship',
    );
    expect(
      table.cells.map((c: { categories: Array<{ code: string }>; value: number }) => [
        c.categories[0].code,
        c.value,
      ]),
    ).toEqual([
      ['national', 8],
      ['AL', 3],
      ['XK', 2],
      ['unknown', 1],
    ]);
    expect(table.cells[1].categories[0].sq.text).toBe('Shqipëri');
    expect(table.cells[2].categories[0].cyrl.text).toBe('Косово');

    const short = await save([cell('national', 8), cell('AL', 3)]);
    expect(short.userErrors.map((e: { code: string }) => e.code)).toEqual(['BREAKDOWN_TOTAL_MISMATCH']);
  });

  it.each([
    ['a code outside the list', [cell('national', 13), cell('ZZ', 1)], 'ISO 3166-1 alpha-2'],
    ['a code in small letters', [cell('national', 13), cell('al', 1)], 'no category "al"'],
    ['the country’s own code', [cell('RS', 13), cell('AL', 1)], 'counted as "national"'],
    ['foreign beside countries', [cell('national', 10), cell('foreign', 3), cell('AL', 1)], 'not both'],
  ])('refuses %s and changes nothing', async (_, breakdown, message) => {
    const before = target.version;
    const payload = await save(breakdown);
    expect(payload.assessment).toBeNull();
    expect(payload.userErrors[0].code).toBe('INVALID_INPUT');
    expect(payload.userErrors[0].message).toContain(message);
    expect(target.version).toBe(before);
  });

  it('suppresses small counts by country for readers outside the country, across its tables', async () => {
    const dimensions = await loadDimensions(db.dataSource.manager);
    const recorded = [
      { dimensionCodes: ['citizenship'], categoryCodes: ['national'], value: 20 },
      { dimensionCodes: ['citizenship'], categoryCodes: ['AL'], value: 3 },
      { dimensionCodes: ['citizenship'], categoryCodes: ['BA'], value: 6 },
    ];
    const [table] = buildTables(recorded, dimensions, {
      answerType: AnswerType.NUMBER,
      exact: false,
      minCount: 5,
    });
    const shown = table.cells.map((c) => [c.categories[0].code, c.value, c.suppressed]);
    expect(shown.map((c) => c[0])).toEqual(['national', 'AL', 'BA', 'unknown']);
    // AL's 3 is hidden, and one more, or the total 29 minus the rest would give it back.
    expect(table.cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(table.cells.every((c) => c.suppressed || c.value === 0 || c.value! >= 5)).toBe(true);
  });

  it('names every code of the list in every locale from the data Node carries', () => {
    expect(COUNTRY_CODES.size).toBe(250);
    for (const code of COUNTRY_CODES) {
      const name = countryName(code);
      expect(Object.keys(name)).toHaveLength(8);
      expect(name.en).not.toBe(code);
    }
    expect(countryName('ME').cnr).toBe('Crna Gora');
  });

  it('takes the countries through the breakdown spreadsheet and back, with the same rules', async () => {
    const saved = await save([cell('national', 8), cell('AL', 3), cell('XK', 2), cell('unknown', 1)]);
    expect(saved.userErrors).toEqual([]);
    const origin = new URL(api.url).origin;
    const query = `cycleId=${target.input.cycleId}&countryCode=RS`;
    const exported = await fetch(`${origin}/exports/breakdowns.csv?${query}&indicatorCode=PROT-1.3`, {
      headers: editor,
    });
    const body = Buffer.from(await exported.arrayBuffer());
    const [headers, ...records] = parse(body, { bom: true }) as string[][];
    expect(headers).toEqual(BREAKDOWN_COLUMNS.map((c) => c.header));
    const rows = records.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
    const citizenship = rows.filter((r) => r.dimension_codes === 'citizenship');
    expect(citizenship.map((r) => [r.category_codes, r.value])).toEqual([
      ['national', '8'],
      ['AL', '3'],
      ['XK', '2'],
      ['unknown', '1'],
    ]);
    const importCsv = (edited: typeof rows) =>
      postImport(origin, `/imports/breakdowns?${query}`, buildCsv(headers, edited), 'text/csv', editor);
    expect(await importCsv(rows)).toMatchObject({ status: 200, body: { updated: 0, unchanged: 1 } });

    const moved = rows.map((r) =>
      r.category_codes === 'AL' ? { ...r, value: '2' } : r.category_codes === 'XK' ? { ...r, value: '3' } : r,
    );
    expect(await importCsv(moved)).toMatchObject({ status: 200, body: { updated: 1 } });
    target.version += 1;
    const [{ value }] = await db.dataSource.query(
      `SELECT b.value FROM assessment_breakdown b JOIN assessment a ON a.id = b.assessment_id
       JOIN indicator i ON i.id = a.indicator_id
       WHERE a.country_code = 'RS' AND a.cycle_id = $1 AND i.code = 'PROT-1.3' AND b.category_codes = '{XK}'`,
      [target.input.cycleId],
    );
    expect(value).toBe(3);

    const own = moved.map((r) =>
      r.category_codes === 'AL'
        ? { ...r, category_codes: 'RS', version: String(target.version) }
        : {
            ...r,
            version: String(target.version),
          },
    );
    const refused = await importCsv(own);
    expect(refused.status).toBe(422);
    expect(refused.body.error.problems[0].code).toBe('INVALID_INPUT');
    expect(refused.body.error.problems[0].message).toContain('counted as "national"');
  });
});
