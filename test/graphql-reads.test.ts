import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

describe('GraphQL reads', () => {
  let db: TestDatabase;
  let api: TestServer;
  let cycle2024: string;
  let cycle2025: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    admin = await signIn(api, 'admin@demo.example');
    const cycles = await api.query(`{ cycles { nodes { id code status } } }`);
    const byCode = Object.fromEntries(
      cycles.data!.cycles.nodes.map((c: { code: string; id: string }) => [c.code, c.id]),
    );
    cycle2024 = byCode['2024'];
    cycle2025 = byCode['2025'];
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('lists countries with their partner organisations', async () => {
    const res = await api.query(
      `{ countries { totalCount nodes { code name { text locale isFallback } locales organisations { shortName kind } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.countries.totalCount).toBe(5);
    const rs = res.data!.countries.nodes.find((c: { code: string }) => c.code === 'RS');
    expect(rs).toEqual({
      code: 'RS',
      name: { text: 'Serbia', locale: 'EN', isFallback: false },
      locales: ['SR_LATN', 'SR_CYRL', 'EN'],
      organisations: [{ shortName: 'ASTRA', kind: 'PARTNER' }],
    });
  });

  it('resolves texts in the language asked for, else along its fallback chain, else in English', async () => {
    const query = `{ country(code: "rs") { name { text locale isFallback } cyr: name(locale: SR_CYRL) { text locale } } }`;
    const res = await api.query(query, {}, { 'accept-language': 'sr-Latn-RS, en;q=0.5' });
    expect(res.data!.country).toEqual({
      name: { text: 'Srbija', locale: 'SR_LATN', isFallback: false },
      cyr: { text: 'Србија', locale: 'SR_CYRL' },
    });
    const framework = await api.query(
      `{ frameworks { nodes { name(locale: BS) { locale isFallback } description(locale: MK) { locale isFallback } } } }`,
    );
    // No Bosnian name: a Bosnian reader gets the Serbian Latin one before English; Macedonian falls back to English.
    expect(framework.data!.frameworks.nodes[0]).toEqual({
      name: { locale: 'SR_LATN', isFallback: true },
      description: { locale: 'EN', isFallback: true },
    });
  });

  it('reads the framework down to indicators and the standards they measure', async () => {
    const res = await api.query(`{
      frameworks { nodes { code latestVersion { label status isFrozen cycles { code }
        scoreLevels { code value label { text } }
        areas { code pillar title { text } subThemes { code indicators(first: 100) { totalCount nodes { code answerType standards { instrument reference } } } } }
        indicators(first: 1) { totalCount } } } } }`);
    expect(res.errors).toBeUndefined();
    const version = res.data!.frameworks.nodes[0].latestVersion;
    expect(version).toMatchObject({ label: '2024.1', status: 'PUBLISHED', isFrozen: true });
    expect(version.cycles.map((c: { code: string }) => c.code)).toEqual(['2024', '2025']);
    expect(version.scoreLevels.map((l: { code: string }) => l.code)).toEqual([
      'NOT_IN_PLACE',
      'PARTIAL',
      'LARGELY',
      'FULLY',
      'NOT_APPLICABLE',
      'NO_DATA',
    ]);
    expect(version.areas.map((a: { pillar: string }) => a.pillar)).toEqual([
      'PREVENTION',
      'PROTECTION',
      'PROSECUTION',
      'PARTNERSHIP',
    ]);
    const indicators = version.areas.flatMap((a: any) => a.subThemes.flatMap((s: any) => s.indicators.nodes));
    expect(indicators.length).toBe(version.indicators.totalCount);
    expect(indicators.length).toBeGreaterThanOrEqual(40);
    for (const indicator of indicators) expect(indicator.standards.length).toBeGreaterThan(0);
  });

  it('pages through assessments with cursors', async () => {
    const page = `query($cycleId: ID, $after: String) { assessments(cycleId: $cycleId, countryCode: "AL", first: 10, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id country { code } cycle { code } } } }`;
    const first = await api.query(page, { cycleId: cycle2024 });
    const total = first.data!.assessments.totalCount;
    expect(total).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: { data?: Record<string, any> } = await api.query(page, { cycleId: cycle2024, after });
      const connection: any = res.data!.assessments;
      expect(connection.pageInfo.hasPreviousPage).toBe(pages > 0);
      for (const node of connection.nodes) {
        expect(node.country.code).toBe('AL');
        expect(node.cycle.code).toBe('2024');
        seen.push(node.id);
      }
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 10));
  });

  it('refuses bad paging and ids with BAD_USER_INPUT', async () => {
    const tooMany = await api.query(`{ countries(first: 101) { totalCount } }`);
    expect(tooMany.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const zero = await api.query(`{ countries(first: 0) { totalCount } }`);
    expect(zero.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const cursor = await api.query(`{ countries(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(cursor.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const id = await api.query(`{ assessment(id: "1; DROP TABLE assessment") { id } }`);
    expect(id.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const country = await api.query(`{ country(code: "Serbia") { code } }`);
    expect(country.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const unknown = await api.query(`{ assessment(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.assessment).toBeNull();
  });

  it('reads an assessment with its answer, evidence and comments', async () => {
    const list = await api.query(
      `query($c: ID) { assessments(cycleId: $c, status: CHANGES_REQUESTED, first: 1) { nodes { id } } }`,
      { c: cycle2025 },
      admin,
    );
    const id = list.data!.assessments.nodes[0].id;
    const res = await api.query(
      `query($id: ID!) { assessment(id: $id) { id version status score value narrative { text } confidence
        indicator { code answerType } country { code } cycle { code status }
        evidence { totalCount nodes { kind title confidentiality country { code } assessment { id } } }
        comments { totalCount nodes { body status field author { displayName role organisation { shortName } } } } } }`,
      { id },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const a = res.data!.assessment;
    expect(a).toMatchObject({ id, status: 'CHANGES_REQUESTED', cycle: { code: '2025', status: 'OPEN' } });
    expect(a.comments.totalCount).toBeGreaterThan(0);
    expect(a.comments.nodes[0]).toMatchObject({
      status: 'OPEN',
      author: { role: 'REVIEWER', organisation: { shortName: 'NHC' } },
    });
    for (const e of a.evidence.nodes)
      expect(e).toMatchObject({ country: { code: a.country.code }, assessment: { id } });
    if (a.indicator.answerType === 'SCORE' && a.score !== null) expect(a.value).toBe(String(a.score));
  });

  describe('statement count of a nested read', () => {
    const nested = `query($cycleId: ID, $first: Int) { countries { nodes { code
      assessments(cycleId: $cycleId, first: $first) { totalCount nodes { id score indicator { code }
        evidence(first: $first) { totalCount nodes { id title } } comments { totalCount } } } } } }`;

    it('does not grow with the number of rows returned', async () => {
      const small = await api.query(nested, { cycleId: cycle2024, first: 1 }, admin);
      const large = await api.query(nested, { cycleId: cycle2024, first: 100 }, admin);
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      const rows = (res: typeof large) =>
        res.data!.countries.nodes.reduce(
          (sum: number, c: any) =>
            sum + c.assessments.nodes.reduce((s: number, a: any) => s + 1 + a.evidence.nodes.length, 0),
          0,
        );
      expect(rows(small)).toBeLessThan(rows(large));
      expect(rows(large)).toBeGreaterThan(200);
      expect(large.statements).toBe(small.statements);
      // sign-in, countries, assessments, indicators, evidence, comments
      expect(large.statements).toBeLessThanOrEqual(6);
    });

    it('stays the same when the database holds many more rows', async () => {
      const before = await api.query(nested, { cycleId: cycle2024, first: 100 }, admin);
      await db.dataSource.query(
        `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
         SELECT a.id, a.country_code, 'REPORT', 'Additional report ' || g, 'en', 'MEDIUM', 'PUBLIC'
         FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id AND c.code = '2024', generate_series(1, 3) g`,
      );
      const after = await api.query(nested, { cycleId: cycle2024, first: 100 }, admin);
      const evidenceCount = (res: typeof after) =>
        res.data!.countries.nodes.reduce(
          (s: number, c: any) =>
            s + c.assessments.nodes.reduce((t: number, a: any) => t + a.evidence.totalCount, 0),
          0,
        );
      expect(evidenceCount(after)).toBeGreaterThan(evidenceCount(before));
      expect(after.statements).toBe(before.statements);
    });
  });
});
