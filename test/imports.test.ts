import { createTestDatabase, type TestDatabase } from './support/database';
import { makeDocx, makePdf } from './support/evidence-files';
import { databaseFingerprint } from './support/fingerprint';
import { signIn, startTestServer, type TestServer } from './support/server';
import {
  AREA_HEADERS,
  ASSESSMENT_HEADERS,
  assessmentsSheet,
  buildCsv,
  buildXlsx,
  evidenceSheet,
  INDICATOR_HEADERS,
  postImport,
  SCORE_LEVEL_HEADERS,
  XLSX_TYPE,
  type Row,
} from './support/spreadsheets';

type Headers = Record<string, string>;

interface StoredAssessment {
  id: string;
  code: string;
  version: number;
  status: string;
  score: number | null;
  answer_type: string;
}

describe('spreadsheet imports', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  const as: Record<string, Headers> = {};
  let openCycle: string;
  let publishedCycle: string;
  let frameworkId: string;
  /** Indicator codes a test has used, so that tests do not step on each other's rows. */
  const used = new Set<string>();

  const importAssessments = (body: Buffer, type: string | null, headers: Headers, query?: string) =>
    postImport(
      origin,
      `/imports/assessments?${query ?? `cycleId=${openCycle}&countryCode=RS`}`,
      body,
      type,
      headers,
    );

  async function unassessed(answerType: string): Promise<string> {
    const rows: Array<{ code: string }> = await db.dataSource.query(
      `SELECT i.code FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.id = $1 AND i.answer_type = $2 AND NOT EXISTS (
         SELECT 1 FROM assessment a WHERE a.indicator_id = i.id AND a.cycle_id = c.id AND a.country_code = 'RS')
       ORDER BY i.code`,
      [openCycle, answerType],
    );
    const free = rows.find((r) => !used.has(r.code));
    if (!free) throw new Error(`The demo data has no unassessed ${answerType} indicator left for RS`);
    used.add(free.code);
    return free.code;
  }

  async function assessed(statuses: string[], withEvidence = false): Promise<StoredAssessment> {
    const rows: StoredAssessment[] = await db.dataSource.query(
      `SELECT a.id, i.code, a.version, a.status, a.score, i.answer_type FROM assessment a
       JOIN indicator i ON i.id = a.indicator_id
       WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND a.status = ANY($2) AND i.answer_type = 'SCORE'
         AND (NOT $3 OR EXISTS (SELECT 1 FROM evidence e WHERE e.assessment_id = a.id)) ORDER BY i.code`,
      [openCycle, statuses, withEvidence],
    );
    const free = rows.find((r) => !used.has(r.code));
    if (!free) throw new Error(`The demo data has no ${statuses.join('/')} RS assessment left`);
    used.add(free.code);
    return free;
  }

  const assessmentRow = (code: string, cells: Row = {}): Row => ({
    indicator_code: code,
    indicator_title: 'ignored on import',
    answer_type: 'ignored',
    status: 'ignored',
    ...cells,
  });

  const evidenceRow = (code: string, cells: Row = {}): Row => ({
    indicator_code: code,
    kind: 'LAW',
    title: 'Law on Social Protection',
    language: 'sr-Latn',
    reliability: 'HIGH',
    confidentiality: 'PUBLIC',
    ...cells,
  });

  async function auditOf(entityId: string) {
    return db.dataSource.query(
      `SELECT e.action, e.entity_type, e.before, e.after, u.email FROM audit_event e
       LEFT JOIN app_user u ON u.id = e.actor_user_id WHERE e.entity_id = $1 ORDER BY e.seq`,
      [entityId],
    );
  }

  /** Asserts a refusal: the status and code, and that the database did not change at all. */
  async function expectRefused(
    attempt: () => Promise<{ status: number; body: any }>,
    status: number,
    code: string,
  ) {
    const before = await databaseFingerprint(db.dataSource);
    const response = await attempt();
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
    expect(typeof response.body.error.message).toBe('string');
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
    return response.body.error;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    for (const [name, email] of Object.entries({
      editorRs: 'editor.rs@demo.example',
      leadRs: 'lead.rs@demo.example',
      viewerRs: 'viewer.rs@demo.example',
      editorAl: 'editor.al@demo.example',
      reviewer: 'reviewer@demo.example',
      framework: 'framework@demo.example',
      admin: 'admin@demo.example',
    })) {
      as[name] = await signIn(api, email);
    }
    const cycles: Array<{ id: string; code: string }> = await db.dataSource.query(
      `SELECT id, code FROM monitoring_cycle`,
    );
    openCycle = cycles.find((c) => c.code === '2025')!.id;
    publishedCycle = cycles.find((c) => c.code === '2024')!.id;
    [{ id: frameworkId }] = await db.dataSource.query(`SELECT id FROM framework ORDER BY code LIMIT 1`);
    const key = await api.query(
      `mutation { apiKeyCreate(input: { name: "Import test" }) { key userErrors { code } } }`,
      {},
      as.leadRs,
    );
    as.apiKey = { authorization: `Bearer ${key.data!.apiKeyCreate.key}` };
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe('assessments', () => {
    it('creates and updates assessments and evidence from an XLSX workbook, with audit events', async () => {
      const fresh = await unassessed('SCORE');
      const draft = await assessed(['DRAFT', 'CHANGES_REQUESTED']);
      const submitted = await assessed(['SUBMITTED', 'APPROVED']);
      const newScore = draft.score === 3 ? 1 : (draft.score ?? 0) + 1;
      const file = await buildXlsx([
        assessmentsSheet([
          assessmentRow(fresh, {
            score: 2,
            confidence: 'high',
            narrative_en: 'Shelters exist but are not funded all year.',
            'narrative_sr-Latn': 'Skloništa postoje.',
          }),
          assessmentRow(draft.code, {
            score: newScore,
            version: draft.version,
            narrative_en: 'Updated by import.',
          }),
          // An exported row left as it was: not editable, but it changes nothing, so it is not a problem.
          assessmentRow(submitted.code, { version: submitted.version }),
        ]),
        evidenceSheet([
          evidenceRow(fresh, {
            document_date: new Date(Date.UTC(2024, 2, 15)),
            url: 'https://example.org/law',
          }),
          evidenceRow(draft.code.toLowerCase(), {
            kind: 'REPORT',
            title: 'Annual report 2025',
            language: 'en',
          }),
        ]),
        { name: 'About', headers: ['note'], rows: [{ note: 'Other sheets are ignored.' }] },
      ]);

      const response = await importAssessments(file, XLSX_TYPE, as.editorRs);

      expect(response).toEqual({
        status: 200,
        body: {
          created: 1,
          updated: 1,
          unchanged: 1,
          evidenceCreated: 2,
          evidenceUnchanged: 0,
          skipped: [],
        },
      });
      const [created] = await db.dataSource.query(
        `SELECT a.id, a.score, a.confidence, a.narrative, a.status, a.version, u.email AS created_by
         FROM assessment a JOIN indicator i ON i.id = a.indicator_id JOIN app_user u ON u.id = a.created_by
         WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND i.code = $2`,
        [openCycle, fresh],
      );
      expect(created).toMatchObject({
        score: 2,
        confidence: 'HIGH',
        narrative: { en: 'Shelters exist but are not funded all year.', 'sr-Latn': 'Skloništa postoje.' },
        status: 'DRAFT',
        version: 1,
        created_by: 'editor.rs@demo.example',
      });
      const [updated] = await db.dataSource.query(
        `SELECT score, version, narrative FROM assessment WHERE id = $1`,
        [draft.id],
      );
      expect(updated).toMatchObject({ score: newScore, version: draft.version + 1 });
      expect(updated.narrative.en).toBe('Updated by import.');
      const [untouched] = await db.dataSource.query(`SELECT version FROM assessment WHERE id = $1`, [
        submitted.id,
      ]);
      expect(untouched.version).toBe(submitted.version);

      const evidence = await db.dataSource.query(
        `SELECT e.id, e.assessment_id, e.kind, e.title, e.document_date, e.url, e.language FROM evidence e
         WHERE e.assessment_id = ANY($1) AND e.title IN ('Law on Social Protection', 'Annual report 2025')`,
        [[created.id, draft.id]],
      );
      expect(evidence).toHaveLength(2);
      expect(evidence.find((e: any) => e.assessment_id === created.id)).toMatchObject({
        kind: 'LAW',
        document_date: '2024-03-15',
        url: 'https://example.org/law',
        language: 'sr-Latn',
      });

      expect(await auditOf(created.id)).toEqual([
        expect.objectContaining({
          action: 'import_create',
          entity_type: 'assessment',
          email: 'editor.rs@demo.example',
          after: expect.objectContaining({ score: 2, status: 'DRAFT', version: 1 }),
        }),
      ]);
      const draftAudit = await auditOf(draft.id);
      expect(draftAudit[draftAudit.length - 1]).toMatchObject({
        action: 'import_update',
        email: 'editor.rs@demo.example',
        before: { score: draft.score, version: draft.version },
        after: { score: newScore, version: draft.version + 1 },
      });
      for (const e of evidence) {
        expect(await auditOf(e.id)).toEqual([
          expect.objectContaining({
            action: 'import_create',
            entity_type: 'evidence',
            email: 'editor.rs@demo.example',
          }),
        ]);
      }
      expect(await auditOf(submitted.id)).not.toContainEqual(
        expect.objectContaining({ action: 'import_update' }),
      );
    });

    it('imports the exported state back without changing anything, evidence included', async () => {
      const draft = await assessed(['DRAFT', 'CHANGES_REQUESTED'], true);
      const evidenceRows: Row[] = (
        await db.dataSource.query(
          `SELECT kind, title, citation, url, document_date, language, issuing_institution, reliability,
             confidentiality FROM evidence WHERE assessment_id = $1`,
          [draft.id],
        )
      ).map((e: Row) => ({ ...e, indicator_code: draft.code }));
      expect(evidenceRows.length).toBeGreaterThan(0);
      // Several languages, so that the stored text and the file's compare by content, not by key order.
      await db.dataSource.query(`UPDATE assessment SET narrative = $2 WHERE id = $1`, [
        draft.id,
        JSON.stringify({
          en: 'English',
          sq: 'Shqip',
          mk: 'Македонски',
          'sr-Latn': 'Srpski',
          'sr-Cyrl': 'Српски',
        }),
      ]);
      const [stored] = await db.dataSource.query(
        `SELECT score, not_scored_reason, confidence, narrative FROM assessment WHERE id = $1`,
        [draft.id],
      );
      const narratives = Object.fromEntries(
        Object.entries((stored.narrative ?? {}) as Record<string, string>).map(([tag, text]) => [
          `narrative_${tag}`,
          text,
        ]),
      );
      const exported = assessmentRow(draft.code, {
        score: stored.score,
        not_scored_reason: stored.not_scored_reason,
        confidence: stored.confidence,
        version: draft.version,
        ...narratives,
      });
      const file = await buildXlsx([assessmentsSheet([exported]), evidenceSheet(evidenceRows)]);
      const before = await databaseFingerprint(db.dataSource);

      const response = await importAssessments(file, XLSX_TYPE, as.leadRs);

      expect(response).toEqual({
        status: 200,
        body: {
          created: 0,
          updated: 0,
          unchanged: 1,
          evidenceCreated: 0,
          evidenceUnchanged: evidenceRows.length,
          skipped: [],
        },
      });
      expect(await databaseFingerprint(db.dataSource)).toEqual(before);
    });

    it('imports a CSV file of assessments, with semicolons as Excel writes them in much of Europe', async () => {
      const number = await unassessed('NUMBER');
      const text = await unassessed('TEXT');
      const comma = buildCsv(ASSESSMENT_HEADERS, [
        assessmentRow(number, {
          value: '42',
          confidence: 'MEDIUM',
          narrative_en: 'Counted by the ministry, 2025.',
        }),
      ]);
      const semicolon = buildCsv(
        ASSESSMENT_HEADERS,
        [
          assessmentRow(text, {
            value: 'Yes; in two cities',
            narrative_en: 'Line one\nline two, with a comma',
            // As exports write a text a spreadsheet would run as a formula.
            narrative_sq: "'- pika e parë",
          }),
        ],
        ';',
      );

      expect(await importAssessments(comma, 'text/csv; charset=utf-8', as.editorRs)).toMatchObject({
        status: 200,
        body: { created: 1, updated: 0, evidenceCreated: 0 },
      });
      expect(await importAssessments(semicolon, 'text/csv', as.leadRs)).toMatchObject({
        status: 200,
        body: { created: 1 },
      });
      const rows = await db.dataSource.query(
        `SELECT i.code, a.value_number, a.value_text, a.confidence, a.narrative FROM assessment a
         JOIN indicator i ON i.id = a.indicator_id WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND i.code = ANY($2)
         ORDER BY i.code = $3 DESC`,
        [openCycle, [number, text], number],
      );
      expect(rows).toEqual([
        {
          code: number,
          value_number: 42,
          value_text: null,
          confidence: 'MEDIUM',
          narrative: { en: 'Counted by the ministry, 2025.' },
        },
        {
          code: text,
          value_number: null,
          value_text: 'Yes; in two cities',
          confidence: null,
          narrative: { en: 'Line one\nline two, with a comma', sq: '- pika e parë' },
        },
      ]);
    });

    it('refuses a file with one bad row among good ones, naming its row and column, and changes nothing', async () => {
      const [first, second] = [await unassessed('SCORE'), await unassessed('SCORE')];
      const bad = await unassessed('SCORE');
      const file = buildCsv(ASSESSMENT_HEADERS, [
        assessmentRow(first, { score: 1 }),
        assessmentRow(bad, { score: 7 }),
        assessmentRow(second, { score: 3 }),
      ]);

      const error = await expectRefused(
        () => importAssessments(file, 'text/csv', as.editorRs),
        422,
        'INVALID_ROWS',
      );

      expect(error.problems).toEqual([
        {
          sheet: 'Assessments',
          row: 3,
          column: 'score',
          code: 'SCORE_OUT_OF_RANGE',
          message: expect.any(String),
        },
      ]);
    });

    it('lists every problem of a file, sheet by sheet and row by row', async () => {
      const [fresh, other] = [await unassessed('SCORE'), await unassessed('SCORE')];
      const submitted = await assessed(['SUBMITTED', 'APPROVED']);
      const number = await unassessed('NUMBER');
      const file = await buildXlsx([
        assessmentsSheet(
          [
            assessmentRow('NOPE-9.9', { score: 1 }),
            assessmentRow(fresh, { score: 2, confidence: 'VERY', narrative_sq: 'Vetëm shqip' }),
            assessmentRow(fresh, { score: 1 }),
            assessmentRow(submitted.code, {
              score: submitted.score === 0 ? 1 : 0,
              version: submitted.version,
            }),
            assessmentRow(other, { score: 1, version: 3 }),
            assessmentRow(number, { score: 2 }),
          ],
          [...ASSESSMENT_HEADERS, 'comments'],
        ),
        evidenceSheet([
          evidenceRow(fresh, { kind: 'RUMOUR', title: null, url: 'not a url', document_date: '2024-02-30' }),
          evidenceRow('PREV-0.0'),
        ]),
      ]);

      const error = await expectRefused(
        () => importAssessments(file, XLSX_TYPE, as.editorRs),
        422,
        'INVALID_ROWS',
      );

      const found = error.problems.map((p: any) => [p.sheet, p.row, p.column, p.code]);
      expect(found).toEqual([
        ['Assessments', 1, 'comments', 'UNKNOWN_COLUMN'],
        ['Assessments', 2, 'indicator_code', 'NOT_FOUND'],
        ['Assessments', 3, 'confidence', 'INVALID_INPUT'],
        ['Assessments', 3, 'narrative_en', 'INVALID_INPUT'],
        ['Assessments', 4, 'indicator_code', 'DUPLICATE'],
        ['Assessments', 5, 'status', 'NOT_EDITABLE'],
        ['Assessments', 6, 'version', 'STALE_VERSION'],
        ['Assessments', 7, 'score', 'ANSWER_TYPE_MISMATCH'],
        ['Evidence', 2, 'kind', 'INVALID_INPUT'],
        ['Evidence', 2, 'title', 'INVALID_INPUT'],
        ['Evidence', 2, 'url', 'INVALID_INPUT'],
        ['Evidence', 2, 'document_date', 'INVALID_INPUT'],
        ['Evidence', 3, 'indicator_code', 'NOT_FOUND'],
      ]);
      expect(error.problems.every((p: any) => typeof p.message === 'string' && p.message.length > 0)).toBe(
        true,
      );
    });

    it('reports missing columns on row 1 without reading the rows', async () => {
      // narrative_hr is optional: files made before Croatian was added still import.
      const headers = ASSESSMENT_HEADERS.filter(
        (h) => h !== 'version' && h !== 'narrative_mk' && h !== 'narrative_hr',
      );
      const file = buildCsv(headers, [assessmentRow('ANY-1', { score: 9 })]);

      const error = await expectRefused(
        () => importAssessments(file, 'text/csv', as.editorRs),
        422,
        'INVALID_ROWS',
      );

      expect(error.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
        [1, 'version', 'MISSING_COLUMN'],
        [1, 'narrative_mk', 'MISSING_COLUMN'],
      ]);
    });

    it('refuses a row whose version is not the current one with STALE_VERSION', async () => {
      const draft = await assessed(['DRAFT', 'CHANGES_REQUESTED']);
      const file = buildCsv(ASSESSMENT_HEADERS, [
        assessmentRow(draft.code, {
          score: draft.score === 2 ? 1 : 2,
          version: draft.version - 1 || draft.version + 1,
        }),
      ]);

      const error = await expectRefused(
        () => importAssessments(file, 'text/csv', as.editorRs),
        422,
        'INVALID_ROWS',
      );

      const expectedVersion = draft.version - 1 || draft.version + 1;
      expect(error.problems).toEqual([
        {
          sheet: 'Assessments',
          row: 2,
          column: 'version',
          code: 'STALE_VERSION',
          message: expect.stringContaining(`version ${draft.version}`),
          expectedVersion,
          foundVersion: draft.version,
        },
      ]);
      expect(error.problems[0].message).toContain(`expected version ${expectedVersion}`);
    });

    it('says which version a stale row expected and which it found, when either is missing', async () => {
      const draft = await assessed(['DRAFT', 'CHANGES_REQUESTED']);
      const fresh = await unassessed('SCORE');
      const file = buildCsv(ASSESSMENT_HEADERS, [
        assessmentRow(draft.code, { score: draft.score === 2 ? 1 : 2 }),
        assessmentRow(fresh, { score: 1, version: 4 }),
      ]);

      const error = await expectRefused(
        () => importAssessments(file, 'text/csv', as.editorRs),
        422,
        'INVALID_ROWS',
      );

      expect(error.problems).toEqual([
        expect.objectContaining({
          row: 2,
          code: 'STALE_VERSION',
          expectedVersion: null,
          foundVersion: draft.version,
          message: expect.stringContaining(`exists at version ${draft.version}`),
        }),
        expect.objectContaining({
          row: 3,
          code: 'STALE_VERSION',
          expectedVersion: 4,
          foundVersion: null,
          message: expect.stringContaining('expected version 4, but the assessment does not exist yet'),
        }),
      ]);
    });

    it('with skipStale=true imports the rows that are not stale, and reports the stale ones left unchanged', async () => {
      const stale = await assessed(['DRAFT', 'CHANGES_REQUESTED']);
      const current = await assessed(['DRAFT', 'CHANGES_REQUESTED']);
      const fresh = await unassessed('SCORE');
      const other = (score: number | null) => (score === 2 ? 1 : 2);
      const staleVersion = stale.version + 5;
      const rows = [
        assessmentRow(stale.code, { score: other(stale.score), version: staleVersion }),
        assessmentRow(current.code, { score: other(current.score), version: current.version }),
        assessmentRow(fresh, { score: 3 }),
      ];
      const evidence = [
        evidenceRow(stale.code, { title: 'Evidence of a stale row' }),
        evidenceRow(current.code, { title: 'Evidence of a current row' }),
      ];
      const file = await buildXlsx([assessmentsSheet(rows), evidenceSheet(evidence)]);
      const path = (option: string) => `cycleId=${openCycle}&countryCode=RS${option}`;

      // All or nothing unless asked: the same file is refused whole.
      const refused = await expectRefused(
        () => importAssessments(file, XLSX_TYPE, as.editorRs, path('')),
        422,
        'INVALID_ROWS',
      );
      expect(refused.problems.map((p: any) => [p.row, p.code])).toEqual([[2, 'STALE_VERSION']]);
      await expectRefused(
        () => importAssessments(file, XLSX_TYPE, as.editorRs, path('&skipStale=maybe')),
        400,
        'BAD_USER_INPUT',
      );
      // Any other problem still refuses the whole file, naming only that problem.
      const withBadRow = await buildXlsx([
        assessmentsSheet([...rows, assessmentRow('PREV-0.0', { score: 1 })]),
        evidenceSheet(evidence),
      ]);
      const bad = await expectRefused(
        () => importAssessments(withBadRow, XLSX_TYPE, as.editorRs, path('&skipStale=true')),
        422,
        'INVALID_ROWS',
      );
      expect(bad.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
        [5, 'indicator_code', 'NOT_FOUND'],
      ]);

      const response = await importAssessments(file, XLSX_TYPE, as.editorRs, path('&skipStale=true'));

      expect(response).toEqual({
        status: 200,
        body: {
          created: 1,
          updated: 1,
          unchanged: 0,
          evidenceCreated: 1,
          evidenceUnchanged: 0,
          skipped: [
            {
              sheet: 'Assessments',
              row: 2,
              column: 'version',
              code: 'STALE_VERSION',
              message: expect.stringContaining(
                `expected version ${staleVersion}, but the assessment is now version ${stale.version}`,
              ),
              expectedVersion: staleVersion,
              foundVersion: stale.version,
            },
            {
              sheet: 'Evidence',
              row: 2,
              column: 'indicator_code',
              code: 'STALE_VERSION',
              message: expect.stringContaining('Left out with the stale row 2 of the Assessments sheet'),
              expectedVersion: staleVersion,
              foundVersion: stale.version,
            },
          ],
        },
      });
      const stored = await db.dataSource.query(
        `SELECT i.code, a.score, a.version,
           (SELECT array_agg(e.title ORDER BY e.title) FROM evidence e WHERE e.assessment_id = a.id
              AND e.title LIKE 'Evidence of a %') AS titles
         FROM assessment a JOIN indicator i ON i.id = a.indicator_id
         WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND i.code = ANY($2) ORDER BY i.code`,
        [openCycle, [stale.code, current.code, fresh]],
      );
      const byCode = Object.fromEntries(stored.map((r: any) => [r.code, r]));
      expect(byCode[stale.code]).toEqual({
        code: stale.code,
        score: stale.score,
        version: stale.version,
        titles: null,
      });
      expect(byCode[current.code]).toEqual({
        code: current.code,
        score: other(current.score),
        version: current.version + 1,
        titles: ['Evidence of a current row'],
      });
      expect(byCode[fresh]).toMatchObject({ score: 3, version: 1 });
    });

    it('refuses another country’s editor, other roles, API keys and anonymous callers, changing nothing', async () => {
      const code = await unassessed('SCORE');
      const file = buildCsv(ASSESSMENT_HEADERS, [assessmentRow(code, { score: 1 })]);
      const send = (headers: Headers, query?: string) => () =>
        importAssessments(file, 'text/csv', headers, query);

      await expectRefused(send(as.editorAl), 403, 'FORBIDDEN');
      await expectRefused(send(as.viewerRs), 403, 'FORBIDDEN');
      await expectRefused(send(as.reviewer), 403, 'FORBIDDEN');
      await expectRefused(send(as.admin), 403, 'FORBIDDEN');
      await expectRefused(send(as.apiKey), 403, 'FORBIDDEN');
      await expectRefused(send({}), 401, 'UNAUTHENTICATED');
      await expectRefused(send({ authorization: 'Bearer not-a-token' }), 401, 'UNAUTHENTICATED');
    });

    it('refuses bodies that are not spreadsheets (415), too large (413), and bad parameters (400, 404, 409)', async () => {
      const code = await unassessed('SCORE');
      const csv = buildCsv(ASSESSMENT_HEADERS, [assessmentRow(code, { score: 1 })]);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

      await expectRefused(
        () => importAssessments(makePdf(), 'application/pdf', as.editorRs),
        415,
        'UNSUPPORTED_FILE_TYPE',
      );
      await expectRefused(
        () => importAssessments(makePdf(), 'text/csv', as.editorRs),
        415,
        'UNSUPPORTED_FILE_TYPE',
      );
      await expectRefused(
        () => importAssessments(png, 'text/csv', as.editorRs),
        415,
        'UNSUPPORTED_FILE_TYPE',
      );
      await expectRefused(() => importAssessments(csv, XLSX_TYPE, as.editorRs), 415, 'UNSUPPORTED_FILE_TYPE');
      await expectRefused(
        () => importAssessments(makeDocx(), XLSX_TYPE, as.editorRs),
        415,
        'UNSUPPORTED_FILE_TYPE',
      );
      await expectRefused(() => importAssessments(csv, null, as.editorRs), 415, 'UNSUPPORTED_FILE_TYPE');
      await expectRefused(
        () =>
          importAssessments(
            Buffer.from('indicator_code;naziv\nPROT-1;\xb9', 'latin1'),
            'text/csv',
            as.editorRs,
          ),
        415,
        'UNSUPPORTED_FILE_TYPE',
      );
      await expectRefused(
        () => importAssessments(Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), 'text/csv', as.editorRs),
        413,
        'FILE_TOO_LARGE',
      );
      await expectRefused(
        () => importAssessments(Buffer.alloc(0), 'text/csv', as.editorRs),
        400,
        'BAD_USER_INPUT',
      );
      await expectRefused(
        () => importAssessments(csv, 'text/csv', as.editorRs, 'cycleId=2025&countryCode=RS'),
        400,
        'BAD_USER_INPUT',
      );
      await expectRefused(
        () => importAssessments(csv, 'text/csv', as.editorRs, `cycleId=${openCycle}`),
        400,
        'BAD_USER_INPUT',
      );
      await expectRefused(
        () =>
          importAssessments(
            csv,
            'text/csv',
            as.editorRs,
            `cycleId=00000000-0000-4000-8000-000000000000&countryCode=RS`,
          ),
        404,
        'NOT_FOUND',
      );
      await expectRefused(
        () => importAssessments(csv, 'text/csv', as.editorRs, `cycleId=${publishedCycle}&countryCode=RS`),
        409,
        'CYCLE_NOT_OPEN',
      );
    });
  });

  describe('framework versions', () => {
    let standards: { coe: string; palermo: string; nap: string };

    const importFramework = (body: Buffer, headers: Headers, label = '2026.1', type = XLSX_TYPE) =>
      postImport(
        origin,
        `/imports/framework-version?frameworkId=${frameworkId}&label=${label}`,
        body,
        type,
        headers,
      );

    const areas: Row[] = [
      {
        code: 'PREV',
        pillar: 'PREVENTION',
        title_en: 'Prevention',
        description_en: 'Preventing trafficking.',
      },
      { code: 'PREV-AW', parent_code: 'PREV', title_en: 'Awareness', description_en: 'Raising awareness.' },
      { code: 'PROT', pillar: 'PROTECTION', title_en: 'Protection', description_en: 'Protecting victims.' },
      {
        code: 'PROT-ID',
        parent_code: 'PROT',
        pillar: 'PROTECTION',
        title_en: 'Identification',
        description_en: 'Identifying victims.',
      },
    ];

    const indicator = (code: string, cells: Row = {}): Row => ({
      code,
      area_code: 'PROT-ID',
      type: 'STRUCTURAL',
      answer_type: 'SCORE',
      title_en: `Indicator ${code}`,
      guidance_en: 'How to score it.',
      means_of_verification_en: 'Laws and reports.',
      standards: standards.coe,
      ...cells,
    });

    const workbook = (indicators: Row[], areaRows: Row[] = areas) =>
      buildXlsx([
        { name: 'Areas', headers: AREA_HEADERS, rows: areaRows },
        { name: 'Indicators', headers: INDICATOR_HEADERS, rows: indicators },
      ]);

    beforeAll(async () => {
      const rows: Array<{ instrument: string; reference: string; country_code: string | null }> =
        await db.dataSource.query(
          `SELECT DISTINCT ON (instrument) instrument, reference, country_code FROM standard ORDER BY instrument, reference`,
        );
      const of = (instrument: string) => rows.find((r) => r.instrument === instrument)!;
      const nap = of('NATIONAL_ACTION_PLAN');
      standards = {
        coe: `COE_CONVENTION:${of('COE_CONVENTION').reference}`,
        palermo: `PALERMO_PROTOCOL:${of('PALERMO_PROTOCOL').reference}`,
        nap: `NATIONAL_ACTION_PLAN:${nap.country_code}:${nap.reference}`,
      };
    });

    it('creates a draft version with areas, indicators and standards, readable by the framework editor', async () => {
      const file = await workbook([
        indicator('PROT-1.1', {
          standards: `${standards.coe}; ${standards.palermo.toLowerCase()}`,
          expected_breakdowns: 'sex; age',
        }),
        indicator('PREV-1.1', {
          area_code: 'PREV-AW',
          type: 'OUTCOME',
          answer_type: 'PERCENT',
          standards: standards.nap,
        }),
      ]);

      const response = await importFramework(file, as.framework);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        frameworkVersion: { id: expect.any(String), label: '2026.1' },
        areas: 4,
        indicators: 2,
      });
      const versionId = response.body.frameworkVersion.id;
      const read = await api.query(
        `query($id: ID!) { frameworkVersion(id: $id) { label status
          areas { code pillar position subThemes { code pillar position } }
          scoreLevels { code value label { text } }
          indicators(first: 10) { nodes { code type answerType position expectedBreakdowns area { code }
            title { text } standards { instrument reference countryCode } } } } }`,
        { id: versionId },
        as.framework,
      );
      expect(read.errors).toBeUndefined();
      const version = read.data!.frameworkVersion;
      expect(version.status).toBe('DRAFT');
      expect(version.areas).toEqual([
        {
          code: 'PREV',
          pillar: 'PREVENTION',
          position: 0,
          subThemes: [{ code: 'PREV-AW', pillar: 'PREVENTION', position: 0 }],
        },
        {
          code: 'PROT',
          pillar: 'PROTECTION',
          position: 1,
          subThemes: [{ code: 'PROT-ID', pillar: 'PROTECTION', position: 0 }],
        },
      ]);
      expect(version.indicators.nodes).toEqual([
        expect.objectContaining({
          code: 'PROT-1.1',
          type: 'STRUCTURAL',
          answerType: 'SCORE',
          position: 0,
          expectedBreakdowns: ['sex', 'age'],
          area: { code: 'PROT-ID' },
          title: { text: 'Indicator PROT-1.1' },
          standards: expect.arrayContaining([
            expect.objectContaining({ instrument: 'COE_CONVENTION' }),
            expect.objectContaining({ instrument: 'PALERMO_PROTOCOL' }),
          ]),
        }),
        expect.objectContaining({
          code: 'PREV-1.1',
          answerType: 'PERCENT',
          position: 1,
          area: { code: 'PREV-AW' },
          standards: [expect.objectContaining({ instrument: 'NATIONAL_ACTION_PLAN' })],
        }),
      ]);

      // The scale is the one frameworkVersionCreate gives a new version.
      const created = await api.query(
        `mutation($input: FrameworkVersionCreateInput!) { frameworkVersionCreate(input: $input) {
          frameworkVersion { scoreLevels { code value label { text } } } userErrors { code } } }`,
        { input: { frameworkId, label: 'scale-check' } },
        as.framework,
      );
      expect(version.scoreLevels).toEqual(created.data!.frameworkVersionCreate.frameworkVersion.scoreLevels);

      const audit = await db.dataSource.query(
        `SELECT entity_type, count(*)::int AS n FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
         WHERE e.action = 'import_create' AND u.email = 'framework@demo.example'
           AND (e.entity_id::text = $1 OR e.after->>'frameworkVersionId' = $1) GROUP BY entity_type ORDER BY entity_type`,
        [versionId],
      );
      expect(audit).toEqual([
        { entity_type: 'area', n: 4 },
        { entity_type: 'framework_version', n: 1 },
        { entity_type: 'indicator', n: 2 },
      ]);
    });

    it('refuses a label the framework already has with DUPLICATE, changing nothing', async () => {
      const file = await workbook([indicator('PROT-1.1')]);
      await expectRefused(() => importFramework(file, as.admin, '2024.1'), 409, 'DUPLICATE');
    });

    it('refuses bad indicator rows (unknown standard, unknown area) with every problem, creating nothing', async () => {
      const file = await workbook(
        [
          indicator('PROT-1.1'),
          indicator('PROT-1.2', { standards: 'COE_CONVENTION:Art. 999' }),
          indicator('PROT-1.3', { area_code: 'NOWHERE' }),
          indicator('prot 1.4', {
            type: 'INPUT',
            answer_type: 'STARS',
            title_en: '',
            standards: 'GENEVA:Art. 1',
          }),
          indicator('PROT-1.1'),
        ],
        [
          ...areas,
          { code: 'PROT-X', parent_code: 'PROT-ID', title_en: 'Too deep', description_en: 'A third level.' },
        ],
      );

      const error = await expectRefused(
        () => importFramework(file, as.framework, '2026.2'),
        422,
        'INVALID_ROWS',
      );

      expect(error.problems.map((p: any) => [p.sheet, p.row, p.column, p.code])).toEqual([
        ['Areas', 6, 'parent_code', 'INVALID_INPUT'],
        ['Indicators', 3, 'standards', 'NOT_FOUND'],
        ['Indicators', 4, 'area_code', 'NOT_FOUND'],
        ['Indicators', 5, 'code', 'INVALID_INPUT'],
        ['Indicators', 5, 'type', 'INVALID_INPUT'],
        ['Indicators', 5, 'answer_type', 'INVALID_INPUT'],
        ['Indicators', 5, 'title_en', 'INVALID_INPUT'],
        ['Indicators', 5, 'standards', 'INVALID_INPUT'],
        ['Indicators', 6, 'code', 'DUPLICATE'],
      ]);
    });

    it('reads every language, positions and the score scale, and still reads an English-only workbook', async () => {
      const level = (code: string, value: number | null, cells: Row = {}): Row => ({
        code,
        value,
        label_en: `Level ${code}`,
        descriptor_en: `What level ${code} means.`,
        ...cells,
      });
      const file = await buildXlsx([
        {
          name: 'Areas',
          headers: AREA_HEADERS,
          rows: areas.map((a, i) => ({ ...a, position: 10 - i, 'title_sr-Cyrl': `Област ${i}` })),
        },
        {
          name: 'Indicators',
          headers: INDICATOR_HEADERS,
          rows: [
            indicator('PROT-1.1', {
              position: 4,
              title_sq: 'Viktimat në Shqipëri',
              'title_sr-Cyrl': 'Жртве трговине људима',
              guidance_mk: 'Упатство',
            }),
          ],
        },
        {
          name: 'ScoreLevels',
          headers: SCORE_LEVEL_HEADERS,
          rows: [
            level('0', 0),
            level('1', 1),
            level('2', 2, { 'label_sr-Latn': 'Uglavnom usklađeno' }),
            level('3', null),
            level('NOT_APPLICABLE', null),
            level('no_data', null),
          ],
        },
      ]);

      const response = await importFramework(file, as.framework, '2026.6');

      expect(response.status).toBe(200);
      const id = response.body.frameworkVersion.id;
      const [stored] = await db.dataSource.query(
        `SELECT i.position, i.title, i.guidance FROM indicator i WHERE i.framework_version_id = $1`,
        [id],
      );
      expect(stored).toEqual({
        position: 4,
        title: { en: 'Indicator PROT-1.1', sq: 'Viktimat në Shqipëri', 'sr-Cyrl': 'Жртве трговине људима' },
        guidance: { en: 'How to score it.', mk: 'Упатство' },
      });
      const storedAreas = await db.dataSource.query(
        `SELECT code, position, title->>'sr-Cyrl' AS cyrillic FROM area WHERE framework_version_id = $1 ORDER BY code`,
        [id],
      );
      expect(storedAreas).toEqual([
        { code: 'PREV', position: 10, cyrillic: 'Област 0' },
        { code: 'PREV-AW', position: 9, cyrillic: 'Област 1' },
        { code: 'PROT', position: 8, cyrillic: 'Област 2' },
        { code: 'PROT-ID', position: 7, cyrillic: 'Област 3' },
      ]);
      const scale = await db.dataSource.query(
        `SELECT code, value, label FROM score_level WHERE framework_version_id = $1 ORDER BY code`,
        [id],
      );
      expect(scale).toEqual([
        { code: '0', value: 0, label: { en: 'Level 0' } },
        { code: '1', value: 1, label: { en: 'Level 1' } },
        { code: '2', value: 2, label: { en: 'Level 2', 'sr-Latn': 'Uglavnom usklađeno' } },
        { code: '3', value: 3, label: { en: 'Level 3' } },
        { code: 'NOT_APPLICABLE', value: null, label: { en: 'Level NOT_APPLICABLE' } },
        { code: 'NO_DATA', value: null, label: { en: 'Level no_data' } },
      ]);

      // The layout before translations were exported: English columns only, no positions, no scale.
      const english = (headers: readonly string[]) =>
        headers.filter((h) => h !== 'position' && !/_(sq|bs|hr|cnr|mk|sr-Latn|sr-Cyrl)$/.test(h));
      const old = await buildXlsx([
        { name: 'Areas', headers: english(AREA_HEADERS), rows: areas },
        { name: 'Indicators', headers: english(INDICATOR_HEADERS), rows: [indicator('PROT-1.1')] },
      ]);
      expect(english(INDICATOR_HEADERS)).toContain('title_en');
      const legacy = await importFramework(old, as.framework, '2026.7');
      expect(legacy.status).toBe(200);
      const [{ n }] = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM score_level WHERE framework_version_id = $1`,
        [legacy.body.frameworkVersion.id],
      );
      expect(n).toBe(6);
    });

    it('refuses a bad scale, positions and translations with every problem, creating nothing', async () => {
      const file = await buildXlsx([
        { name: 'Areas', headers: AREA_HEADERS, rows: [{ ...areas[0], position: -1 }, ...areas.slice(1)] },
        {
          name: 'Indicators',
          headers: INDICATOR_HEADERS,
          rows: [indicator('PROT-1.1', { position: 'first', title_sq: 'x'.repeat(20001) })],
        },
        {
          name: 'ScoreLevels',
          headers: SCORE_LEVEL_HEADERS,
          rows: [
            { code: '0', value: 1, label_en: 'Not in place', descriptor_en: 'Nothing.' },
            { code: '0', value: 0, label_en: 'Again', descriptor_en: 'Twice.' },
            { code: '5', label_en: 'Five', descriptor_en: 'No such level.' },
            { code: 'NO_DATA', value: 0, label_sq: 'Pa të dhëna', descriptor_en: 'Unknown.' },
          ],
        },
      ]);

      const error = await expectRefused(
        () => importFramework(file, as.framework, '2026.8'),
        422,
        'INVALID_ROWS',
      );

      expect(error.problems.map((p: any) => [p.sheet, p.row, p.column, p.code])).toEqual([
        ['Areas', 2, 'position', 'INVALID_INPUT'],
        ['Indicators', 2, 'position', 'INVALID_INPUT'],
        ['Indicators', 2, 'title_sq', 'INVALID_INPUT'],
        ['ScoreLevels', null, 'code', 'INVALID_INPUT'],
        ['ScoreLevels', null, 'code', 'INVALID_INPUT'],
        ['ScoreLevels', null, 'code', 'INVALID_INPUT'],
        ['ScoreLevels', null, 'code', 'INVALID_INPUT'],
        ['ScoreLevels', 2, 'value', 'INVALID_INPUT'],
        ['ScoreLevels', 3, 'code', 'DUPLICATE'],
        ['ScoreLevels', 4, 'code', 'INVALID_INPUT'],
        ['ScoreLevels', 5, 'value', 'INVALID_INPUT'],
        ['ScoreLevels', 5, 'label_en', 'INVALID_INPUT'],
      ]);
    });

    it('refuses other roles, CSV files and unknown frameworks', async () => {
      const file = await workbook([indicator('PROT-1.1')]);
      await expectRefused(() => importFramework(file, as.editorRs, '2026.3'), 403, 'FORBIDDEN');
      await expectRefused(() => importFramework(file, as.reviewer, '2026.3'), 403, 'FORBIDDEN');
      await expectRefused(() => importFramework(file, {}, '2026.3'), 401, 'UNAUTHENTICATED');
      await expectRefused(
        () =>
          importFramework(
            buildCsv(INDICATOR_HEADERS, [indicator('PROT-1.1')]),
            as.framework,
            '2026.3',
            'text/csv',
          ),
        415,
        'UNSUPPORTED_FILE_TYPE',
      );
      await expectRefused(() => importFramework(file, as.framework, 'bad label!'), 400, 'BAD_USER_INPUT');
      await expectRefused(
        () =>
          postImport(
            origin,
            `/imports/framework-version?frameworkId=00000000-0000-4000-8000-000000000000&label=9`,
            file,
            XLSX_TYPE,
            as.framework,
          ),
        404,
        'NOT_FOUND',
      );
    });
  });
});
