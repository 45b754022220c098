import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const FRAMEWORK_TABLES = [
  'framework',
  'framework_version',
  'area',
  'score_level',
  'standard',
  'indicator',
  'indicator_standard',
  'audit_event',
];

const USER_ERRORS = 'userErrors { code field message }';

describe('framework editing', () => {
  let db: TestDatabase;
  let api: TestServer;
  let editor: Record<string, string>;
  let admin: Record<string, string>;
  let countryEditor: Record<string, string>;
  let reviewer: Record<string, string>;
  let frameworkId: string;
  let frozenVersionId: string;
  let coeStandardId: string;
  let euStandardId: string;

  /** A digest of every row of the framework tables and the audit trail: equal digests mean nothing changed. */
  async function fingerprint(): Promise<Record<string, string>> {
    const parts = FRAMEWORK_TABLES.map(
      (t) =>
        `SELECT '${t}' AS t, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') AS d FROM ${t} x`,
    );
    const rows: Array<{ t: string; d: string }> = await db.dataSource.query(parts.join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.t, r.d]));
  }

  async function one<T = any>(sql: string, params: unknown[] = []): Promise<T> {
    const rows = await db.dataSource.query(sql, params);
    return rows[0];
  }

  /** Runs a mutation and returns its payload (the single field of `data`). */
  async function mutate(
    name: string,
    input: Record<string, unknown>,
    selection: string,
    headers: Record<string, string> = editor,
  ): Promise<any> {
    const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    const res = await api.query(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} ${USER_ERRORS} } }`,
      { input },
      headers,
    );
    expect(res.errors).toBeUndefined();
    return res.data![name];
  }

  const en = (text: string) => [{ locale: 'EN', text }];

  async function newDraft(label: string, copyFromVersionId?: string): Promise<string> {
    const payload = await mutate(
      'frameworkVersionCreate',
      { frameworkId, label, copyFromVersionId },
      'frameworkVersion { id status }',
    );
    expect(payload.userErrors).toEqual([]);
    return payload.frameworkVersion.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    editor = await signIn(api, 'framework@demo.example');
    admin = await signIn(api, 'admin@demo.example');
    countryEditor = await signIn(api, 'editor.al@demo.example');
    reviewer = await signIn(api, 'reviewer@demo.example');
    const version = await one(
      `SELECT v.id, v.framework_id FROM framework_version v JOIN framework f ON f.id = v.framework_id
       WHERE f.code = 'WB-THB' AND v.label = '2024.1'`,
    );
    frozenVersionId = version.id;
    frameworkId = version.framework_id;
    coeStandardId = (await one(`SELECT id FROM standard WHERE instrument = 'COE_CONVENTION' LIMIT 1`)).id;
    euStandardId = (await one(`SELECT id FROM standard WHERE instrument = 'EU_DIRECTIVE_2011_36' LIMIT 1`))
      .id;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('creates a framework, copies 2024.1 into a draft, edits and translates it, and publishes it', async () => {
    const created = await mutate(
      'frameworkCreate',
      { code: 'WB-THB-NEXT', name: en('Next framework'), description: en('The revised framework.') },
      'framework { id code name { text } }',
    );
    expect(created.userErrors).toEqual([]);
    expect(created.framework).toMatchObject({ code: 'WB-THB-NEXT', name: { text: 'Next framework' } });
    const newFrameworkId = created.framework.id;

    const copy = await mutate(
      'frameworkVersionCreate',
      { frameworkId: newFrameworkId, label: '2026.1', copyFromVersionId: frozenVersionId },
      'frameworkVersion { id label status publishedAt isFrozen indicators(first: 1) { totalCount } scoreLevels { code } }',
    );
    expect(copy.userErrors).toEqual([]);
    const draft = copy.frameworkVersion;
    expect(draft).toMatchObject({ label: '2026.1', status: 'DRAFT', publishedAt: null, isFrozen: false });
    expect(draft.scoreLevels).toHaveLength(6);

    const counts = `SELECT
        (SELECT count(*) FROM indicator WHERE framework_version_id = $1)::int AS indicators,
        (SELECT count(*) FROM area WHERE framework_version_id = $1)::int AS areas,
        (SELECT count(*) FROM indicator_standard x JOIN indicator i ON i.id = x.indicator_id
          WHERE i.framework_version_id = $1)::int AS links,
        (SELECT count(*) FROM indicator_breakdown b JOIN indicator i ON i.id = b.indicator_id
          WHERE i.framework_version_id = $1)::int AS breakdowns`;
    const source = await one(counts, [frozenVersionId]);
    expect(source.indicators).toBeGreaterThanOrEqual(40);
    expect(source.breakdowns).toBeGreaterThan(10);
    expect(await one(counts, [draft.id])).toEqual(source);
    expect(draft.indicators.totalCount).toBe(source.indicators);
    // Every copied indicator measures the same standards and sits in the same area (by code) as its original.
    const shape = `SELECT i.code, a.code AS area, pa.code AS pillar,
        array_agg(x.standard_id ORDER BY x.standard_id) AS standards
      FROM indicator i JOIN area a ON a.id = i.area_id LEFT JOIN area pa ON pa.id = a.parent_id
      JOIN indicator_standard x ON x.indicator_id = i.id
      WHERE i.framework_version_id = $1 GROUP BY i.code, a.code, pa.code ORDER BY i.code`;
    expect(await db.dataSource.query(shape, [draft.id])).toEqual(
      await db.dataSource.query(shape, [frozenVersionId]),
    );
    const crossLinks = await one(
      `SELECT count(*)::int AS n FROM area a JOIN area p ON p.id = a.parent_id
       WHERE a.framework_version_id = $1 AND p.framework_version_id <> $1`,
      [draft.id],
    );
    expect(crossLinks.n).toBe(0);

    const indicator = await one(`SELECT id, code FROM indicator WHERE framework_version_id = $1 LIMIT 1`, [
      draft.id,
    ]);
    const sourceTitle = `SELECT title FROM indicator WHERE framework_version_id = $1 AND code = $2`;
    const original = await one(sourceTitle, [frozenVersionId, indicator.code]);
    const updated = await mutate(
      'indicatorUpdate',
      { id: indicator.id, title: [{ locale: 'EN', text: 'Victims are identified within 48 hours' }] },
      'indicator { id title { text translations { locale } } }',
    );
    expect(updated.userErrors).toEqual([]);
    expect(updated.indicator.title).toEqual({
      text: 'Victims are identified within 48 hours',
      translations: [{ locale: 'EN' }],
    });

    const translated = await mutate(
      'translationSet',
      {
        entity: 'INDICATOR',
        id: indicator.id,
        field: 'TITLE',
        locale: 'SQ',
        text: 'Viktimat identifikohen brenda 48 orëve',
      },
      'translations { locale text }',
    );
    expect(translated).toEqual({
      translations: [
        { locale: 'EN', text: 'Victims are identified within 48 hours' },
        { locale: 'SQ', text: 'Viktimat identifikohen brenda 48 orëve' },
      ],
      userErrors: [],
    });
    const stored = await one(`SELECT title FROM indicator WHERE id = $1`, [indicator.id]);
    expect(stored.title).toEqual({
      en: 'Victims are identified within 48 hours',
      sq: 'Viktimat identifikohen brenda 48 orëve',
    });
    // The source version is untouched.
    expect(await one(sourceTitle, [frozenVersionId, indicator.code])).toEqual(original);

    const published = await mutate(
      'frameworkVersionPublish',
      { id: draft.id },
      'frameworkVersion { status publishedAt }',
    );
    expect(published.userErrors).toEqual([]);
    expect(published.frameworkVersion.status).toBe('PUBLISHED');
    expect(new Date(published.frameworkVersion.publishedAt).getTime()).toBeGreaterThan(0);

    const before = await fingerprint();
    const again = await mutate('frameworkVersionPublish', { id: draft.id }, 'frameworkVersion { status }');
    expect(again.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect(again.frameworkVersion).toBeNull();
    expect(await fingerprint()).toEqual(before);

    const audit = await db.dataSource.query(
      `SELECT entity_type, action, after FROM audit_event WHERE entity_id = ANY($1) ORDER BY occurred_at, action`,
      [[newFrameworkId, draft.id, indicator.id]],
    );
    expect(audit.map((e: { entity_type: string; action: string }) => `${e.entity_type}:${e.action}`)).toEqual(
      [
        'framework:create',
        'framework_version:create',
        'indicator:update',
        'indicator:translate',
        'framework_version:publish',
      ],
    );
    expect(audit[1].after.copied).toEqual({
      areas: source.areas,
      indicators: source.indicators,
      links: source.links,
      breakdowns: source.breakdowns,
      scoreLevels: 6,
    });
    expect(audit[3].after).toEqual({ title: { sq: 'Viktimat identifikohen brenda 48 orëve' } });
  });

  it('refuses every change to the frozen 2024.1 version with FRAMEWORK_VERSION_IN_USE and changes nothing', async () => {
    const indicator = await one(`SELECT id, area_id FROM indicator WHERE framework_version_id = $1 LIMIT 1`, [
      frozenVersionId,
    ]);
    const before = await fingerprint();
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      ['indicatorUpdate', { id: indicator.id, title: en('Changed') }, 'indicator { id }'],
      [
        'translationSet',
        { entity: 'INDICATOR', id: indicator.id, field: 'TITLE', locale: 'BS', text: 'Promijenjeno' },
        'translations { locale }',
      ],
      [
        'translationSet',
        {
          entity: 'SCORE_LEVEL',
          id: frozenVersionId,
          scoreCode: 'FULLY',
          field: 'LABEL',
          locale: 'BS',
          text: 'X',
        },
        'translations { locale }',
      ],
      [
        'translationSet',
        { entity: 'AREA', id: indicator.area_id, field: 'TITLE', locale: 'BS', text: 'X' },
        'translations { locale }',
      ],
      [
        'indicatorCreate',
        {
          frameworkVersionId: frozenVersionId,
          areaId: indicator.area_id,
          code: 'NEW-1',
          type: 'PROCESS',
          answerType: 'SCORE',
          title: en('New'),
          guidance: en('New'),
          meansOfVerification: en('New'),
          standardIds: [coeStandardId],
        },
        'indicator { id }',
      ],
      ['indicatorDelete', { id: indicator.id }, 'deletedIndicatorId'],
      [
        'areaCreate',
        {
          frameworkVersionId: frozenVersionId,
          code: 'NEW',
          pillar: 'PREVENTION',
          title: en('N'),
          description: en('N'),
        },
        'area { id }',
      ],
      ['areaUpdate', { id: indicator.area_id, title: en('Changed') }, 'area { id }'],
      ['areaDelete', { id: indicator.area_id }, 'deletedAreaId'],
    ];
    for (const [name, input, selection] of attempts) {
      const payload = await mutate(name, input, selection);
      expect({ name, codes: payload.userErrors.map((e: { code: string }) => e.code) }).toEqual({
        name,
        codes: ['FRAMEWORK_VERSION_IN_USE'],
      });
    }
    expect(await fingerprint()).toEqual(before);

    // Standards are not versioned: one that the frozen version measures may still change.
    const standard = await mutate(
      'standardUpdate',
      { id: coeStandardId, summary: en('A clarified summary.') },
      'standard { summary { text } }',
    );
    expect(standard).toEqual({ standard: { summary: { text: 'A clarified summary.' } }, userErrors: [] });
  });

  it('lets only framework editors and admins edit the framework', async () => {
    const input = { code: 'ROLE-TEST', name: en('Role test'), description: en('Who may create this.') };
    const query = `mutation($input: FrameworkCreateInput!) { frameworkCreate(input: $input) { framework { code } ${USER_ERRORS} } }`;
    const before = await fingerprint();
    for (const [who, headers, code] of [
      ['country editor', countryEditor, 'FORBIDDEN'],
      ['reviewer', reviewer, 'FORBIDDEN'],
      ['anonymous', {}, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await api.query(query, { input }, headers);
      expect({
        who,
        code: res.errors?.[0].extensions?.code,
        data: res.data?.frameworkCreate ?? null,
      }).toEqual({
        who,
        code,
        data: null,
      });
    }
    // An API key of the platform organisation reads as an admin does, but no API key writes.
    const apiKey = `tia_a1b2c3d4e5f6${'0'.repeat(40)}`;
    await db.dataSource.query(
      `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash)
       SELECT m.organisation_id, u.id, 'Platform export', 'a1b2c3d4e5f6', $1
       FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.email = 'admin@demo.example'`,
      [createHash('sha256').update(apiKey).digest('hex')],
    );
    const keyAttempt = await api.query(query, { input }, { authorization: `Bearer ${apiKey}` });
    expect(keyAttempt.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const standard = await api.query(
      `mutation($input: StandardCreateInput!) { standardCreate(input: $input) { standard { id } } }`,
      { input: { instrument: 'COE_CONVENTION', reference: 'Art. 99', title: en('T'), summary: en('S') } },
      countryEditor,
    );
    expect(standard.errors![0].extensions!.code).toBe('FORBIDDEN');
    const missing = await api.query(
      `query($id: ID!) { frameworkVersion(id: $id) { missingTranslations(locale: SQ) { code } } }`,
      { id: frozenVersionId },
      reviewer,
    );
    expect(missing.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toEqual(before);

    const byAdmin = await mutate('frameworkCreate', input, 'framework { code }', admin);
    expect(byAdmin).toEqual({ framework: { code: 'ROLE-TEST' }, userErrors: [] });
    const duplicate = await mutate('frameworkCreate', input, 'framework { code }', admin);
    expect(duplicate.userErrors).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'code'] }),
    ]);
  });

  it('shows draft versions to framework editors only', async () => {
    const draftId = await newDraft('2099.1');
    const byId = `query($id: ID!) { frameworkVersion(id: $id) { id status } }`;
    const listed = `query($id: ID!) { framework(id: $id) { versions { id } } }`;
    for (const headers of [{}, countryEditor]) {
      const one = await api.query(byId, { id: draftId }, headers);
      expect(one.errors).toBeUndefined();
      expect(one.data!.frameworkVersion).toBeNull();
      const versions = await api.query(listed, { id: frameworkId }, headers);
      expect(versions.data!.framework.versions.map((v: { id: string }) => v.id)).not.toContain(draftId);
    }
    const seen = await api.query(byId, { id: draftId }, editor);
    expect(seen.data!.frameworkVersion).toEqual({ id: draftId, status: 'DRAFT' });
    const versions = await api.query(listed, { id: frameworkId }, editor);
    expect(versions.data!.framework.versions.map((v: { id: string }) => v.id)).toContain(draftId);
  });

  it('refuses to publish a version without indicators or with an indicator that measures no standard', async () => {
    const emptyId = await newDraft('2099.2');
    const empty = await mutate('frameworkVersionPublish', { id: emptyId }, 'frameworkVersion { status }');
    expect(empty.userErrors[0].code).toBe('INVALID_INPUT');

    const draftId = await newDraft('2099.3', frozenVersionId);
    const indicator = await one(
      `SELECT id, code FROM indicator WHERE framework_version_id = $1 ORDER BY code LIMIT 1`,
      [draftId],
    );
    // The API never leaves an indicator without standards; an import straight into the database could.
    await db.dataSource.query(`DELETE FROM indicator_standard WHERE indicator_id = $1`, [indicator.id]);
    const cleared = await mutate(
      'indicatorUpdate',
      { id: indicator.id, standardIds: [] },
      'indicator { id }',
    );
    expect(cleared.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'standardIds'] }),
    ]);

    const before = await fingerprint();
    const refused = await mutate('frameworkVersionPublish', { id: draftId }, 'frameworkVersion { status }');
    expect(refused.frameworkVersion).toBeNull();
    expect(refused.userErrors).toHaveLength(1);
    expect(refused.userErrors[0].code).toBe('INVALID_INPUT');
    expect(refused.userErrors[0].message).toContain(indicator.code);
    expect(await fingerprint()).toEqual(before);
    expect((await one(`SELECT status FROM framework_version WHERE id = $1`, [draftId])).status).toBe('DRAFT');

    const linked = await mutate(
      'indicatorUpdate',
      { id: indicator.id, standardIds: [euStandardId, coeStandardId] },
      'indicator { standards { id } }',
    );
    expect(linked.userErrors).toEqual([]);
    expect(linked.indicator.standards.map((s: { id: string }) => s.id).sort()).toEqual(
      [euStandardId, coeStandardId].sort(),
    );
    const published = await mutate('frameworkVersionPublish', { id: draftId }, 'frameworkVersion { status }');
    expect(published).toEqual({ frameworkVersion: { status: 'PUBLISHED' }, userErrors: [] });
  });

  it('lists texts without an Albanian translation until one is set', async () => {
    const draftId = await newDraft('2099.4');
    const area = await mutate(
      'areaCreate',
      {
        frameworkVersionId: draftId,
        code: 'PREV',
        pillar: 'PREVENTION',
        title: en('Prevention'),
        description: [
          { locale: 'EN', text: 'Preventing trafficking.' },
          { locale: 'SQ', text: 'Parandalimi i trafikimit.' },
        ],
      },
      'area { id code pillar position }',
    );
    expect(area.userErrors).toEqual([]);
    expect(area.area).toMatchObject({ code: 'PREV', pillar: 'PREVENTION', position: 0 });
    const missing = `query($id: ID!, $locale: Locale!) { frameworkVersion(id: $id) {
      missingTranslations(locale: $locale) { entity id code scoreCode field english } } }`;
    const areaTexts = async (locale: string) => {
      const res = await api.query(missing, { id: draftId, locale }, editor);
      expect(res.errors).toBeUndefined();
      return res.data!.frameworkVersion.missingTranslations.filter(
        (m: { entity: string }) => m.entity === 'AREA',
      );
    };
    expect(await areaTexts('SQ')).toEqual([
      {
        entity: 'AREA',
        id: area.area.id,
        code: 'PREV',
        scoreCode: null,
        field: 'TITLE',
        english: 'Prevention',
      },
    ]);
    const all = await api.query(missing, { id: draftId, locale: 'SQ' }, editor);
    expect(all.data!.frameworkVersion.missingTranslations).toContainEqual({
      entity: 'SCORE_LEVEL',
      id: draftId,
      code: 'NOT_APPLICABLE',
      scoreCode: 'NOT_APPLICABLE',
      field: 'LABEL',
      english: 'Not applicable',
    });

    // One statement lists them, however large the version.
    const large = await api.query(missing, { id: frozenVersionId, locale: 'BS' }, editor);
    expect(large.data!.frameworkVersion.missingTranslations.length).toBeGreaterThan(40);
    expect(large.statements).toBe(all.statements);

    const set = await mutate(
      'translationSet',
      { entity: 'AREA', id: area.area.id, field: 'TITLE', locale: 'SQ', text: 'Parandalimi' },
      'translations { locale text }',
    );
    expect(set.userErrors).toEqual([]);
    expect(await areaTexts('SQ')).toEqual([]);

    // Serbian Cyrillic readers get a transliteration of the Latin text, so that counts as translated.
    expect((await areaTexts('SR_CYRL')).map((m: { field: string }) => m.field)).toEqual([
      'TITLE',
      'DESCRIPTION',
    ]);
    await mutate(
      'translationSet',
      { entity: 'AREA', id: area.area.id, field: 'TITLE', locale: 'SR_LATN', text: 'Prevencija' },
      'translations { locale }',
    );
    expect((await areaTexts('SR_CYRL')).map((m: { field: string }) => m.field)).toEqual(['DESCRIPTION']);

    // Removing a translation lists the text again; English cannot be removed.
    await mutate(
      'translationSet',
      { entity: 'AREA', id: area.area.id, field: 'TITLE', locale: 'SQ', text: null },
      'translations { locale }',
    );
    expect((await areaTexts('SQ')).map((m: { field: string }) => m.field)).toEqual(['TITLE']);
    const before = await fingerprint();
    const noEnglish = await mutate(
      'translationSet',
      { entity: 'AREA', id: area.area.id, field: 'TITLE', locale: 'EN', text: '' },
      'translations { locale }',
    );
    expect(noEnglish.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'text'] }),
    ]);
    const wrongField = await mutate(
      'translationSet',
      { entity: 'AREA', id: area.area.id, field: 'GUIDANCE', locale: 'SQ', text: 'X' },
      'translations { locale }',
    );
    expect(wrongField.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'field'] }),
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it('validates areas, indicators and standards and reports unknown ids by field', async () => {
    const draftId = await newDraft('2099.5');
    const otherId = await newDraft('2099.6');
    const pillar = await mutate(
      'areaCreate',
      {
        frameworkVersionId: draftId,
        code: 'PROT',
        pillar: 'PROTECTION',
        title: en('P'),
        description: en('P'),
      },
      'area { id }',
    );
    const sub = await mutate(
      'areaCreate',
      {
        frameworkVersionId: draftId,
        parentId: pillar.area.id,
        code: 'PROT-ID',
        title: en('Identification'),
        description: en('I'),
      },
      'area { id pillar parent { code } }',
    );
    expect(sub).toMatchObject({ area: { pillar: 'PROTECTION', parent: { code: 'PROT' } }, userErrors: [] });
    const indicatorInput = {
      frameworkVersionId: draftId,
      areaId: sub.area.id,
      code: 'PROT-1.1',
      type: 'STRUCTURAL',
      answerType: 'BOOLEAN',
      title: en('A referral mechanism exists'),
      guidance: en('Check the law.'),
      meansOfVerification: en('The law.'),
      expectedBreakdowns: ['sex', 'age'],
      standardIds: [coeStandardId],
    };
    const created = await mutate(
      'indicatorCreate',
      indicatorInput,
      'indicator { code answerType expectedBreakdowns position area { code } standards { id } }',
    );
    expect(created).toEqual({
      indicator: {
        code: 'PROT-1.1',
        answerType: 'BOOLEAN',
        expectedBreakdowns: ['sex', 'age'],
        position: 0,
        area: { code: 'PROT-ID' },
        standards: [{ id: coeStandardId }],
      },
      userErrors: [],
    });

    const before = await fingerprint();
    const errorsOf = async (name: string, input: Record<string, unknown>, selection: string) =>
      (await mutate(name, input, selection)).userErrors.map((e: { code: string; field: string[] }) => ({
        code: e.code,
        field: e.field,
      }));
    expect(await errorsOf('indicatorCreate', indicatorInput, 'indicator { id }')).toEqual([
      { code: 'DUPLICATE', field: ['input', 'code'] },
    ]);
    expect(
      await errorsOf(
        'indicatorCreate',
        {
          ...indicatorInput,
          code: 'PROT-1.2',
          standardIds: [coeStandardId, '00000000-0000-4000-8000-000000000000'],
        },
        'indicator { id }',
      ),
    ).toEqual([{ code: 'NOT_FOUND', field: ['input', 'standardIds', '1'] }]);
    expect(
      await errorsOf(
        'indicatorCreate',
        { ...indicatorInput, frameworkVersionId: otherId, code: 'X-1' },
        'indicator { id }',
      ),
    ).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'areaId'] }]);
    expect(
      await errorsOf(
        'indicatorCreate',
        { ...indicatorInput, code: 'lower case', title: [], standardIds: [] },
        'indicator { id }',
      ),
    ).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'code'] },
      { code: 'INVALID_INPUT', field: ['input', 'title'] },
      { code: 'INVALID_INPUT', field: ['input', 'standardIds'] },
    ]);
    expect(
      await errorsOf(
        'areaCreate',
        {
          frameworkVersionId: otherId,
          parentId: pillar.area.id,
          code: 'X',
          title: en('X'),
          description: en('X'),
        },
        'area { id }',
      ),
    ).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'parentId'] }]);
    expect(
      await errorsOf(
        'areaCreate',
        { frameworkVersionId: draftId, code: 'NOPILLAR', title: en('X'), description: en('X') },
        'area { id }',
      ),
    ).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'pillar'] }]);
    expect(await errorsOf('areaDelete', { id: sub.area.id }, 'deletedAreaId')).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'id'] },
    ]);
    expect(
      await errorsOf('areaUpdate', { id: '00000000-0000-4000-8000-000000000000', code: 'X' }, 'area { id }'),
    ).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'] }]);
    expect(
      await errorsOf(
        'standardCreate',
        { instrument: 'NATIONAL_ACTION_PLAN', reference: 'Measure 9.9', title: en('T'), summary: en('S') },
        'standard { id }',
      ),
    ).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'countryCode'] }]);
    expect(
      await errorsOf(
        'standardCreate',
        {
          instrument: 'COE_CONVENTION',
          countryCode: 'RS',
          reference: 'Art. 99',
          title: en('T'),
          summary: en('S'),
        },
        'standard { id }',
      ),
    ).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'countryCode'] }]);
    expect(
      await errorsOf(
        'standardCreate',
        { instrument: 'COE_CONVENTION', reference: 'x'.repeat(61), title: en('T'), summary: en('S') },
        'standard { id }',
      ),
    ).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'reference'] }]);
    const malformed = await api.query(
      `mutation { indicatorDelete(input: { id: "not-an-id" }) { deletedIndicatorId } }`,
      {},
      editor,
    );
    expect(malformed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await fingerprint()).toEqual(before);

    const plan = await mutate(
      'standardCreate',
      {
        instrument: 'NATIONAL_ACTION_PLAN',
        countryCode: 'rs',
        reference: 'Measure 9.9',
        title: en('Shelters'),
        summary: en('Open two shelters.'),
      },
      'standard { id instrument countryCode reference }',
    );
    expect(plan.standard).toMatchObject({ instrument: 'NATIONAL_ACTION_PLAN', countryCode: 'RS' });
    const moved = await mutate(
      'indicatorUpdate',
      {
        id: (await one(`SELECT id FROM indicator WHERE framework_version_id = $1`, [draftId])).id,
        areaId: pillar.area.id,
        standardIds: [plan.standard.id],
      },
      'indicator { area { code } standards { reference } }',
    );
    expect(moved).toEqual({
      indicator: { area: { code: 'PROT' }, standards: [{ reference: 'Measure 9.9' }] },
      userErrors: [],
    });
    const deleted = await mutate('areaDelete', { id: sub.area.id }, 'deletedAreaId');
    expect(deleted).toEqual({ deletedAreaId: sub.area.id, userErrors: [] });
    expect((await one(`SELECT count(*)::int AS n FROM area WHERE id = $1`, [sub.area.id])).n).toBe(0);
    const audit = await one(`SELECT before FROM audit_event WHERE entity_id = $1 AND action = 'delete'`, [
      sub.area.id,
    ]);
    expect(audit.before).toMatchObject({ code: 'PROT-ID', pillar: 'PROTECTION' });
  });
});
