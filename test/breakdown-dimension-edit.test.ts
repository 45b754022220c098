import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { LOCALE_TAGS } from '../src/common/i18n';
import { createTestDatabase, type TestDatabase } from './support/database';
import { databaseFingerprint } from './support/fingerprint';
import { signIn, startTestServer, type TestServer } from './support/server';
import { postImport, XLSX_TYPE } from './support/spreadsheets';

/**
 * Dimensions a framework defines: a framework editor creates one with its categories named in the eight
 * locales, attaches it to an indicator's breakdowns, and a framework export carries it so that the import
 * recreates it, every name in every locale, and the indicator's breakdowns with it.
 */

type Headers = Record<string, string>;
const named = (base: string) =>
  LOCALE_TAGS.map((tag) => ({ locale: tag.toUpperCase().replace('-', '_'), text: `${base} (${tag})` }));
const CREATE = `mutation($input: BreakdownDimensionCreateInput!) {
  breakdownDimensionCreate(input: $input) {
    dimension { code exhaustive standard countryCodes categories { code unknown } }
    userErrors { field code message }
  }
}`;

describe('dimensions a framework defines', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  const as: Record<string, Headers> = {};
  let frameworkId: string;
  let draft: { versionId: string; indicatorId: string };
  /** The version imported from the export, which carries the dimension. */
  let copyVersion: string;
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

  const input = (overrides: Record<string, unknown> = {}) => ({
    frameworkId,
    code: 'disability',
    exhaustive: true,
    title: named('Disability'),
    description: named('Whether the person counted has a disability.'),
    categories: [
      { code: 'with_disability', title: named('With a disability') },
      { code: 'without_disability', title: named('Without a disability') },
      { code: 'unknown', title: named('Unknown'), unknown: true },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    as.framework = await signIn(api, 'framework@demo.example');
    as.lead = await signIn(api, 'lead.rs@demo.example');
    [{ framework_id: frameworkId }] = await sql(
      `SELECT framework_id FROM framework_version WHERE label = '2024.1'`,
    );
    const [seeded] = await sql(`SELECT id FROM framework_version WHERE label = '2024.1'`);
    const created = await api.query(
      `mutation($input: FrameworkVersionCreateInput!) { frameworkVersionCreate(input: $input) {
        frameworkVersion { id } userErrors { code message } } }`,
      { input: { frameworkId, label: 'dims', copyFromVersionId: seeded.id } },
      as.framework,
    );
    const versionId = created.data!.frameworkVersionCreate.frameworkVersion.id;
    const [indicator] = await sql(
      `SELECT id FROM indicator WHERE framework_version_id = $1 AND code = 'PROT-1.3'`,
      [versionId],
    );
    draft = { versionId, indicatorId: indicator.id };
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('lets a framework editor create a dimension with its categories in every locale', async () => {
    const res = await api.query(CREATE, { input: input() }, as.framework);
    expect(res.errors).toBeUndefined();
    expect(res.data!.breakdownDimensionCreate).toEqual({
      dimension: {
        code: 'disability',
        exhaustive: true,
        standard: false,
        countryCodes: false,
        categories: [
          { code: 'with_disability', unknown: false },
          { code: 'without_disability', unknown: false },
          { code: 'unknown', unknown: true },
        ],
      },
      userErrors: [],
    });
    const fields = LOCALE_TAGS.map(
      (tag) =>
        `${tag.replace('-', '_')}: title(locale: ${tag.toUpperCase().replace('-', '_')}) { text isFallback }`,
    ).join(' ');
    const read = await api.query(`{ breakdownDimensions { code ${fields} categories { code ${fields} } } }`);
    const disability = read.data!.breakdownDimensions.find((d: { code: string }) => d.code === 'disability');
    for (const tag of LOCALE_TAGS) {
      expect(disability[tag.replace('-', '_')]).toEqual({ text: `Disability (${tag})`, isFallback: false });
      expect(disability.categories[0][tag.replace('-', '_')].text).toBe(`With a disability (${tag})`);
    }
    const [audit] = await sql(
      `SELECT action, after FROM audit_event WHERE entity_type = 'breakdown_dimension' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(audit.action).toBe('create');
    expect(audit.after.categories).toHaveLength(3);
  });

  it.each([
    ['a code a standard dimension has', { code: 'sex' }, [['DUPLICATE', ['input', 'code']]]],
    ['a code taken', {}, [['DUPLICATE', ['input', 'code']]]],
    ['a bad code', { code: 'Shoe Size' }, [['INVALID_INPUT', ['input', 'code']]]],
    [
      'an empty name',
      {
        code: 'region',
        title: [
          { locale: 'EN', text: 'Region' },
          { locale: 'MK', text: '  ' },
        ],
      },
      [['INVALID_INPUT', ['input', 'title']]],
    ],
    [
      'a category twice, one without English',
      {
        code: 'region',
        categories: [
          { code: 'north', title: named('North') },
          { code: 'north', title: [{ locale: 'SQ', text: 'Veri' }] },
        ],
      },
      [
        ['DUPLICATE', ['input', 'categories', '1', 'code']],
        ['INVALID_INPUT', ['input', 'categories', '1', 'title']],
      ],
    ],
    ['no categories', { code: 'region', categories: [] }, [['INVALID_INPUT', ['input', 'categories']]]],
    [
      'an unknown framework',
      { code: 'region', frameworkId: randomUUID() },
      [['NOT_FOUND', ['input', 'frameworkId']]],
    ],
  ])('answers %s with userErrors and changes nothing', async (_, overrides, expected) => {
    const before = await databaseFingerprint(db.dataSource);
    const res = await api.query(CREATE, { input: input(overrides) }, as.framework);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.breakdownDimensionCreate;
    expect(payload.dimension).toBeNull();
    expect(payload.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])).toEqual(
      expected,
    );
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
  });

  it('refuses a locale the service does not have before anything runs, and everyone but framework editors', async () => {
    const odd = await api.query(
      CREATE,
      { input: input({ code: 'region', title: [{ locale: 'DE', text: 'Region' }] }) },
      as.framework,
    );
    expect(odd.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const lead = await api.query(CREATE, { input: input({ code: 'region' }) }, as.lead);
    expect(lead.errors![0].extensions!.code).toBe('FORBIDDEN');
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM breakdown_dimension WHERE code = 'region'`);
    expect(n).toBe(0);
  });

  it('attaches the dimension to an indicator’s breakdowns, and not to an indicator that does not exist', async () => {
    const update = (id: string) =>
      api.query(
        `mutation($input: IndicatorUpdateInput!) { indicatorUpdate(input: $input) {
          indicator { breakdowns { dimensionCodes dimensions { code standard } } } userErrors { field code message } } }`,
        { input: { id, breakdowns: [['sex'], ['disability'], ['sex', 'disability']] } },
        as.framework,
      );
    const ok = await update(draft.indicatorId);
    expect(ok.data!.indicatorUpdate.userErrors).toEqual([]);
    expect(
      ok.data!.indicatorUpdate.indicator.breakdowns.map(
        (b: { dimensionCodes: string[] }) => b.dimensionCodes,
      ),
    ).toEqual([['sex'], ['disability'], ['sex', 'disability']]);
    const missing = await update(randomUUID());
    expect(missing.data!.indicatorUpdate.userErrors).toEqual([
      { field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such indicator.' },
    ]);
  });

  it('exports the dimension with the version and imports it back in every locale', async () => {
    const dimensionOf = () =>
      sql(
        `SELECT d.code, d.exhaustive, d.title, d.description, d.framework_id,
           (SELECT jsonb_agg(jsonb_build_object('code', c.code, 'title', c.title, 'unknown', c.is_unknown)
              ORDER BY c.position) FROM breakdown_category c WHERE c.dimension_id = d.id) AS categories
         FROM breakdown_dimension d WHERE d.code = 'disability'`,
      );
    const breakdownsOf = (versionId: string) =>
      sql(
        `SELECT i.code, array_agg(array_to_string(b.dimension_codes, '*') ORDER BY b.position) AS breakdowns
         FROM indicator_breakdown b JOIN indicator i ON i.id = b.indicator_id
         WHERE i.framework_version_id = $1 GROUP BY i.code ORDER BY i.code`,
        [versionId],
      );
    const [original] = await dimensionOf();
    const expectedBreakdowns = await breakdownsOf(draft.versionId);
    expect(expectedBreakdowns.find((b: { code: string }) => b.code === 'PROT-1.3').breakdowns).toEqual([
      'sex',
      'disability',
      'sex*disability',
    ]);
    const res = await fetch(`${origin}/exports/framework.xlsx?frameworkVersionId=${draft.versionId}`, {
      headers: as.framework,
    });
    expect(res.status).toBe(200);
    const file = Buffer.from(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('Dimensions')!.rowCount).toBe(1 + 1 + 3);

    // The dimension is gone from the database: the import has only the file to recreate it from.
    await sql(`DELETE FROM indicator_breakdown WHERE 'disability' = ANY(dimension_codes)`);
    await sql(`DELETE FROM breakdown_dimension WHERE code = 'disability'`);
    const imported = await postImport(
      origin,
      `/imports/framework-version?frameworkId=${frameworkId}&label=dims-copy`,
      file,
      XLSX_TYPE,
      as.framework,
    );
    expect(imported.status).toBe(200);
    const copy = imported.body.frameworkVersion.id as string;
    copyVersion = copy;
    expect(await dimensionOf()).toEqual([original]);
    for (const named of [original, ...original.categories])
      expect(Object.keys(named.title).sort()).toEqual([...LOCALE_TAGS].sort());
    expect(await breakdownsOf(copy)).toEqual(expectedBreakdowns);
    // Imported again into the framework that has it, the dimension is the same one, kept as stored.
    const again = await postImport(
      origin,
      `/imports/framework-version?frameworkId=${frameworkId}&label=dims-again`,
      file,
      XLSX_TYPE,
      as.framework,
    );
    expect(again.status).toBe(200);
    expect(await dimensionOf()).toEqual([original]);
  });

  it('refuses a file whose dimension takes another’s code, or whose breakdowns name no dimension, and writes nothing', async () => {
    const res = await fetch(`${origin}/exports/framework.xlsx?frameworkVersionId=${copyVersion}`, {
      headers: as.framework,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Dimensions')!;
    const column = (ws: ExcelJS.Worksheet, header: string) =>
      (ws.getRow(1).values as unknown[]).indexOf(header);
    // The dimension is renamed `sex` on its own row (its categories' rows keep the old code: reported too).
    sheet.getRow(2).getCell(column(sheet, 'dimension')).value = 'sex';
    const indicators = book.getWorksheet('Indicators')!;
    let edited = 0;
    indicators.eachRow((row, n) => {
      if (n === 2) {
        row.getCell(column(indicators, 'breakdowns')).value = 'shoe_size';
        edited = n;
      }
    });
    const before = await databaseFingerprint(db.dataSource);
    const refused = await postImport(
      origin,
      `/imports/framework-version?frameworkId=${frameworkId}&label=dims-bad`,
      Buffer.from(await book.xlsx.writeBuffer()),
      XLSX_TYPE,
      as.framework,
    );
    expect(refused.status).toBe(422);
    const found = refused.body.error.problems.map((p: any) => [p.sheet, p.row, p.column, p.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['Indicators', edited, 'breakdowns', 'NOT_FOUND'],
        ['Dimensions', 2, 'dimension', 'DUPLICATE'],
        ['Dimensions', 3, 'dimension', 'NOT_FOUND'],
      ]),
    );
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
  });
});
