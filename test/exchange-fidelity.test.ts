import ExcelJS from 'exceljs';
import { LOCALE_TAGS, type LocaleTag } from '../src/common/i18n';
import { createTestDatabase, type TestDatabase } from './support/database';
import { databaseFingerprint } from './support/fingerprint';
import { signIn, startTestServer, type TestServer } from './support/server';
import { postImport, XLSX_TYPE } from './support/spreadsheets';

type Headers = Record<string, string>;

/** A text in every language, with the letters a file must not lose: Cyrillic, ë, ž, š, đ. */
const EVERY_LANGUAGE: Record<LocaleTag, string> = {
  en: 'Victims of trafficking in human beings are identified by a multidisciplinary team.',
  sq: 'Viktimat e trafikimit në Shqipëri identifikohen nga një ekip shumëdisiplinor.',
  bs: 'Žrtve trgovine ljudima identifikuje multidisciplinarni tim.',
  hr: 'Žrtve trgovanja ljudima identificira multidisciplinarni tim – ćelija u Čapljini.',
  cnr: 'Žrtve trgovine ljudima identifikuje multidisciplinarni tim – đački dom.',
  mk: 'Жртвите на трговија со луѓе ги идентификува мултидисциплинарен тим.',
  'sr-Latn': 'Žrtve trgovine ljudima identifikuje multidisciplinarni tim; šef tima je iz Niša.',
  'sr-Cyrl': 'Жртве трговине људима идентификује мултидисциплинарни тим.',
};

const translations = (suffix: string) =>
  LOCALE_TAGS.map((locale) => ({
    locale: locale.toUpperCase().replace('-', '_'),
    text: `${EVERY_LANGUAGE[locale]}${suffix}`,
  }));

/**
 * Everything a framework version holds, by code and without ids: areas with their parent and position, the
 * score scale, and indicators with their standards, every text as stored in every language.
 */
async function frameworkContent(db: TestDatabase, versionId: string) {
  const [areas, scoreLevels, indicators] = await Promise.all([
    db.dataSource.query(
      `SELECT a.code, p.code AS parent_code, a.pillar, a.position, a.title, a.description
       FROM area a LEFT JOIN area p ON p.id = a.parent_id WHERE a.framework_version_id = $1 ORDER BY a.code`,
      [versionId],
    ),
    db.dataSource.query(
      `SELECT code, value, label, descriptor FROM score_level WHERE framework_version_id = $1 ORDER BY code`,
      [versionId],
    ),
    db.dataSource.query(
      `SELECT i.code, ar.code AS area_code, i.type, i.answer_type, i.position, i.title, i.guidance,
         i.means_of_verification, i.expected_breakdowns,
         (SELECT array_agg(s.instrument || '|' || coalesce(s.country_code, '') || '|' || s.reference ORDER BY 1)
          FROM indicator_standard ist JOIN standard s ON s.id = ist.standard_id WHERE ist.indicator_id = i.id)
           AS standards
       FROM indicator i JOIN area ar ON ar.id = i.area_id WHERE i.framework_version_id = $1 ORDER BY i.code`,
      [versionId],
    ),
  ]);
  return { areas, scoreLevels, indicators };
}

/** A country's assessments of a cycle with their evidence, by indicator code: what an export must carry. */
async function assessmentContent(db: TestDatabase, cycleId: string, countryCode: string) {
  return db.dataSource.query(
    `SELECT i.code, a.score, a.not_scored_reason, a.value_number, a.value_boolean, a.value_text, a.narrative,
       a.confidence,
       coalesce((SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'title', e.title, 'citation', e.citation,
           'url', e.url, 'document_date', e.document_date, 'language', e.language,
           'issuing_institution', e.issuing_institution, 'reliability', e.reliability,
           'confidentiality', e.confidentiality) ORDER BY e.title, e.kind, e.language, e.confidentiality)
         FROM evidence e WHERE e.assessment_id = a.id), '[]'::jsonb) AS evidence
     FROM assessment a JOIN indicator i ON i.id = a.indicator_id
     WHERE a.cycle_id = $1 AND a.country_code = $2 ORDER BY i.code`,
    [cycleId, countryCode],
  );
}

describe('spreadsheet exports that import back whole', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  const as: Record<string, Headers> = {};
  let seededVersion: string;
  let frameworkId: string;
  let cycleId: string;

  async function download(path: string, headers: Headers): Promise<Buffer> {
    const res = await fetch(`${origin}${path}`, { headers });
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return Buffer.from(await res.arrayBuffer());
  }

  async function mutate(query: string, variables: Record<string, unknown>, who = as.framework) {
    const res = await api.query(query, variables, who);
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data!)[0] as { userErrors: unknown[] } & Record<string, any>;
    expect(payload.userErrors).toEqual([]);
    return payload;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    as.framework = await signIn(api, 'framework@demo.example');
    as.editor = await signIn(api, 'editor.rs@demo.example');
    [{ id: seededVersion, framework_id: frameworkId }] = await db.dataSource.query(
      `SELECT id, framework_id FROM framework_version WHERE label = '2024.1'`,
    );
    [{ id: cycleId }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe('a framework version', () => {
    async function roundTrip(versionId: string, label: string) {
      const file = await download(`/exports/framework.xlsx?frameworkVersionId=${versionId}`, as.framework);
      const imported = await postImport(
        origin,
        `/imports/framework-version?frameworkId=${frameworkId}&label=${label}`,
        file,
        XLSX_TYPE,
        as.framework,
      );
      expect(imported.status).toBe(200);
      return { file, copy: imported.body.frameworkVersion.id as string };
    }

    it('exports the seeded version with every text in every language, and imports back as the same version', async () => {
      const before = await frameworkContent(db, seededVersion);
      expect(before.indicators).toHaveLength(58);
      // The demo framework is translated: the file has something to lose.
      const languages = new Set(before.indicators.flatMap((i: any) => Object.keys(i.title)));
      expect(languages).toEqual(new Set(['en', 'sq', 'mk', 'sr-Latn', 'sr-Cyrl']));

      const { file, copy } = await roundTrip(seededVersion, '2024.1-copy');

      expect(await frameworkContent(db, copy)).toEqual(before);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file as unknown as ExcelJS.Buffer);
      const headers = (book.getWorksheet('Indicators')!.getRow(1).values as unknown[]).filter(Boolean);
      for (const field of ['title', 'guidance', 'means_of_verification'])
        for (const tag of LOCALE_TAGS) expect(headers).toContain(`${field}_${tag}`);
    });

    it('keeps texts in all seven languages, formula-like texts, positions and an edited scale exactly', async () => {
      const created = await mutate(
        `mutation($input: FrameworkVersionCreateInput!) { frameworkVersionCreate(input: $input) {
          frameworkVersion { id } userErrors { code message } } }`,
        { input: { frameworkId, label: 'edited', copyFromVersionId: seededVersion } },
      );
      const draft = created.frameworkVersion.id as string;
      const [indicator] = await db.dataSource.query(
        `SELECT id FROM indicator WHERE framework_version_id = $1 ORDER BY position LIMIT 1`,
        [draft],
      );
      const [subTheme] = await db.dataSource.query(
        `SELECT id FROM area WHERE framework_version_id = $1 AND parent_id IS NOT NULL ORDER BY code LIMIT 1`,
        [draft],
      );
      await mutate(
        `mutation($input: IndicatorUpdateInput!) { indicatorUpdate(input: $input) { userErrors { code message } } }`,
        {
          input: {
            id: indicator.id,
            title: translations(''),
            guidance: translations('\nLine two: =SUM(A1:A2)').map((t, i) =>
              i === 0 ? { ...t, text: `=HYPERLINK("https://example.org") ${t.text}` } : t,
            ),
            meansOfVerification: translations(' – ').map((t, i) =>
              i === 1 ? { ...t, text: `- ${t.text}` } : t,
            ),
            expectedBreakdowns: ['sex', 'age', 'državljanstvo', 'возраст'],
            position: 100,
          },
        },
      );
      await mutate(
        `mutation($input: AreaUpdateInput!) { areaUpdate(input: $input) { userErrors { code message } } }`,
        { input: { id: subTheme.id, position: 7, title: translations(' (area)') } },
      );
      await mutate(
        `mutation($input: TranslationSetInput!) { translationSet(input: $input) { userErrors { code message } } }`,
        {
          input: {
            entity: 'SCORE_LEVEL',
            field: 'LABEL',
            id: draft,
            scoreCode: 'LARGELY',
            locale: 'SR_CYRL',
            text: 'Углавном усклађено са стандардом',
          },
        },
      );
      const before = await frameworkContent(db, draft);
      const edited = before.indicators.find((i: any) => i.position === 100);
      expect(Object.keys(edited.title).sort()).toEqual([...LOCALE_TAGS].sort());

      const { copy } = await roundTrip(draft, 'edited-copy');

      expect(await frameworkContent(db, copy)).toEqual(before);
    });
  });

  describe('a country’s assessments', () => {
    let filled: Array<{ id: string; code: string; answer_type: string }>;

    beforeAll(async () => {
      // One assessment of each answer type, its narrative in every language.
      filled = await db.dataSource.query(
        `SELECT DISTINCT ON (i.answer_type) a.id, i.code, i.answer_type FROM assessment a
         JOIN indicator i ON i.id = a.indicator_id
         WHERE a.cycle_id = $1 AND a.country_code = 'RS'
           AND (a.score IS NOT NULL OR a.value_number IS NOT NULL OR a.value_boolean IS NOT NULL OR a.value_text IS NOT NULL)
         ORDER BY i.answer_type, i.position`,
        [cycleId],
      );
      expect(filled.map((a) => a.answer_type).sort()).toEqual([
        'BOOLEAN',
        'NUMBER',
        'PERCENT',
        'SCORE',
        'TEXT',
      ]);
      for (const [n, assessment] of filled.entries()) {
        const narrative = Object.fromEntries(
          LOCALE_TAGS.map((tag) => [tag, `${EVERY_LANGUAGE[tag]} (${n})\nDruga linija, "navodnici"; zarez.`]),
        );
        await db.dataSource.query(`UPDATE assessment SET narrative = $2 WHERE id = $1`, [
          assessment.id,
          JSON.stringify(narrative),
        ]);
      }
      // Evidence written in each language, with the source's own language.
      for (const [n, tag] of LOCALE_TAGS.entries()) {
        await db.dataSource.query(
          `INSERT INTO evidence (assessment_id, country_code, kind, title, citation, url, document_date, language,
             issuing_institution, reliability, confidentiality)
           VALUES ($1, 'RS', 'REPORT', $2, $3, $4, $5, $6, $7, 'HIGH', $8)`,
          [
            filled[n % filled.length].id,
            EVERY_LANGUAGE[tag],
            `${tag === 'en' ? '=' : ''}Službeni glasnik, br. ${n + 1}/2024 – ${EVERY_LANGUAGE[tag].slice(0, 20).trim()}`,
            `https://example.org/${tag}/izveštaj?č=${n}`,
            `2024-0${n + 1}-2${n}`,
            tag,
            EVERY_LANGUAGE[tag].split(' ').slice(0, 3).join(' '),
            ['PUBLIC', 'PARTNERS', 'INTERNAL'][n % 3],
          ],
        );
      }
    });

    it('imports its own export back unchanged, as a workbook and as a semicolon CSV', async () => {
      const before = await databaseFingerprint(db.dataSource);
      const query = `cycleId=${cycleId}&countryCode=RS`;
      const xlsx = await download(`/exports/assessments.xlsx?${query}`, as.editor);
      const csv = await download(`/exports/assessments.csv?${query}&separator=;`, as.editor);
      expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.toString('utf8')).toContain(EVERY_LANGUAGE['sr-Cyrl']);

      const fromXlsx = await postImport(origin, `/imports/assessments?${query}`, xlsx, XLSX_TYPE, as.editor);
      const fromCsv = await postImport(origin, `/imports/assessments?${query}`, csv, 'text/csv', as.editor);

      const [{ n }] = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM assessment WHERE cycle_id = $1 AND country_code = 'RS'`,
        [cycleId],
      );
      for (const response of [fromXlsx, fromCsv])
        expect(response.body).toMatchObject({ created: 0, updated: 0, unchanged: n, evidenceCreated: 0 });
      expect(fromXlsx.body.evidenceUnchanged).toBeGreaterThanOrEqual(LOCALE_TAGS.length);
      expect(await databaseFingerprint(db.dataSource)).toEqual(before);
    });

    it('copies every answer, narrative and piece of evidence into another cycle, in every language and type', async () => {
      const [copy] = await db.dataSource.query(
        `INSERT INTO monitoring_cycle (code, year, title, framework_version_id, status)
         SELECT '2025-copy', 2026, '{"en": "Copy of 2025"}', framework_version_id, 'OPEN'
         FROM monitoring_cycle WHERE id = $1 RETURNING id`,
        [cycleId],
      );
      const file = await download(`/exports/assessments.xlsx?cycleId=${cycleId}&countryCode=RS`, as.editor);
      // The rows are new in the other cycle: they carry no version.
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file as unknown as ExcelJS.Buffer);
      const sheet = book.getWorksheet('Assessments')!;
      const versionColumn = (sheet.getRow(1).values as unknown[]).indexOf('version');
      sheet.eachRow((row, n) => {
        if (n > 1) row.getCell(versionColumn).value = null;
      });
      const edited = Buffer.from(await book.xlsx.writeBuffer());

      const response = await postImport(
        origin,
        `/imports/assessments?cycleId=${copy.id}&countryCode=RS`,
        edited,
        XLSX_TYPE,
        as.editor,
      );

      const original = await assessmentContent(db, cycleId, 'RS');
      const evidence = original.reduce((sum: number, a: any) => sum + a.evidence.length, 0);
      expect(response).toMatchObject({
        status: 200,
        body: { created: original.length, updated: 0, evidenceCreated: evidence, skipped: [] },
      });
      const copied = await assessmentContent(db, copy.id, 'RS');
      expect(copied).toEqual(original);
      for (const { code } of filled) {
        const row = copied.find((a: any) => a.code === code);
        expect(Object.keys(row.narrative).sort()).toEqual([...LOCALE_TAGS].sort());
      }
      const titles = copied.flatMap((a: any) => a.evidence.map((e: any) => e.title));
      for (const tag of LOCALE_TAGS) expect(titles).toContain(EVERY_LANGUAGE[tag]);
      const typed = Object.fromEntries(
        filled.map((a) => [a.answer_type, copied.find((c: any) => c.code === a.code)]),
      );
      expect(typeof typed.SCORE.score).toBe('number');
      expect(typeof typed.NUMBER.value_number).toBe('number');
      expect(typeof typed.PERCENT.value_number).toBe('number');
      expect(typeof typed.BOOLEAN.value_boolean).toBe('boolean');
      expect(typeof typed.TEXT.value_text).toBe('string');
    });
  });
});
