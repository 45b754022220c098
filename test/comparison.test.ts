import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const MATRIX = `query($cycleId: ID!, $areaCode: String, $countryCodes: [String!], $edition: Int) {
  comparison(cycleId: $cycleId, areaCode: $areaCode, countryCodes: $countryCodes, edition: $edition) {
    edition { number }
    countries { code }
    rows { indicator { id code answerType } cells { countryCode state assessmentId score value status evidenceCount trend previousScore previousCycleCode } }
  } }`;

type Cell = {
  countryCode: string;
  state: string;
  assessmentId: string | null;
  score: number | null;
  status: string | null;
  evidenceCount: number;
  trend: string;
  previousScore: number | null;
};

describe('comparison, profiles, history and editions', () => {
  let db: TestDatabase;
  let api: TestServer;
  const as: Record<string, Record<string, string>> = { anonymous: {} };
  const cycle: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const who of ['admin', 'reviewer', 'viewer.al', 'editor.rs', 'lead.rs'])
      as[who] = await signIn(api, `${who}@demo.example`);
    for (const row of await db.dataSource.query(`SELECT id, code FROM monitoring_cycle`))
      cycle[row.code] = row.id;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function matrix(
    who: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    const res = await api.query(MATRIX, variables, { ...as[who], ...headers });
    expect(res.errors).toBeUndefined();
    return { comparison: res.data!.comparison, statements: res.statements };
  }
  const cells = (comparison: { rows: Array<{ cells: Cell[] }> }) => comparison.rows.flatMap((r) => r.cells);

  it('answers the whole cycle in one request, cell by cell as each reader may see it', async () => {
    const [{ n: indicators }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM indicator`);
    const admin = (await matrix('admin', { cycleId: cycle['2025'] })).comparison;
    expect(admin.countries.map((c: { code: string }) => c.code)).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
    expect(admin.rows).toHaveLength(indicators);
    const adminCells = cells(admin);
    expect(adminCells).toHaveLength(indicators * 5);
    expect(new Set(adminCells.map((c) => c.state))).toEqual(new Set(['ASSESSED', 'NOT_ASSESSED']));
    const [{ n: stored }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM assessment WHERE cycle_id = $1`,
      [cycle['2025']],
    );
    expect(adminCells.filter((c) => c.state === 'ASSESSED')).toHaveLength(stored);

    const partner = cells((await matrix('viewer.al', { cycleId: cycle['2025'] })).comparison);
    for (const cell of partner) {
      if (cell.countryCode === 'AL') expect(cell.state).not.toBe('HIDDEN');
      else if (cell.state === 'ASSESSED') expect(['APPROVED', 'PUBLISHED']).toContain(cell.status);
      else expect(cell.state).toBe('HIDDEN');
    }
    const [{ n: approvedElsewhere }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM assessment WHERE cycle_id = $1 AND country_code <> 'AL' AND status = 'APPROVED'`,
      [cycle['2025']],
    );
    expect(partner.filter((c) => c.countryCode !== 'AL' && c.state === 'ASSESSED')).toHaveLength(
      approvedElsewhere,
    );

    const reviewer = cells((await matrix('reviewer', { cycleId: cycle['2025'] })).comparison);
    expect(reviewer.filter((c) => c.state === 'ASSESSED').every((c) => c.status !== 'DRAFT')).toBe(true);

    const anonymous = cells((await matrix('anonymous', { cycleId: cycle['2025'] })).comparison);
    expect(anonymous.every((c) => c.state === 'HIDDEN' && c.score === null && c.assessmentId === null)).toBe(
      true,
    );
  });

  it('counts only the evidence the reader may see', async () => {
    const [target] = await db.dataSource.query(
      `SELECT a.id, a.indicator_id FROM assessment a WHERE a.cycle_id = $1 AND a.country_code = 'RS' ORDER BY a.id LIMIT 1`,
      [cycle['2024']],
    );
    await db.dataSource.query(
      `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
       VALUES ($1, 'RS', 'INTERVIEW', 'Interview with a survivor', 'sr-Latn', 'MEDIUM', 'INTERNAL')`,
      [target.id],
    );
    const counts: Array<{ who: string; n: number }> = await db.dataSource.query(
      `SELECT 'all' AS who, count(*)::int AS n FROM evidence WHERE assessment_id = $1
       UNION ALL SELECT 'partners', count(*)::int FROM evidence WHERE assessment_id = $1 AND confidentiality <> 'INTERNAL'`,
      [target.id],
    );
    const find = async (who: string) =>
      cells((await matrix(who, { cycleId: cycle['2024'], countryCodes: ['RS'] })).comparison).find(
        (c) => c.assessmentId === target.id,
      )!;
    expect((await find('admin')).evidenceCount).toBe(counts.find((c) => c.who === 'all')!.n);
    expect((await find('viewer.al')).evidenceCount).toBe(counts.find((c) => c.who === 'partners')!.n);
  });

  it('gives the trend against the previous cycle for scored indicators', async () => {
    const rows: Array<{ id: string; score: number; previous: number }> = await db.dataSource.query(
      `SELECT a.id, a.score, p.score AS previous FROM assessment a
       JOIN indicator i ON i.id = a.indicator_id
       JOIN assessment p ON p.country_code = a.country_code AND p.indicator_id = a.indicator_id AND p.cycle_id = $2
       WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND i.answer_type = 'SCORE' AND a.score IS NOT NULL AND p.score IS NOT NULL`,
      [cycle['2025'], cycle['2024']],
    );
    expect(rows.length).toBeGreaterThan(3);
    const view = cells((await matrix('admin', { cycleId: cycle['2025'], countryCodes: ['RS'] })).comparison);
    for (const row of rows) {
      const cell = view.find((c) => c.assessmentId === row.id)!;
      const expected =
        row.score > row.previous ? 'IMPROVED' : row.score < row.previous ? 'DETERIORATED' : 'NO_CHANGE';
      expect(cell).toMatchObject({ trend: expected, previousScore: row.previous });
    }
    const numbers = (
      await matrix('admin', { cycleId: cycle['2025'], countryCodes: ['RS'] })
    ).comparison.rows.filter(
      (r: { indicator: { answerType: string } }) => r.indicator.answerType === 'NUMBER',
    );
    expect(
      numbers.flatMap((r: { cells: Cell[] }) => r.cells).every((c: Cell) => c.trend === 'NOT_COMPARABLE'),
    ).toBe(true);
  });

  it('keeps its statement count whatever the size of the framework slice', async () => {
    // In a language no other test here reads in: each answer is computed, none was kept before (one kept and
    // found stale adds the statement that found it so).
    const computed = { 'accept-language': 'mk' };
    const whole = await matrix('reviewer', { cycleId: cycle['2025'] }, computed);
    const area = await matrix('reviewer', { cycleId: cycle['2025'], areaCode: 'PROT' }, computed);
    const one = await matrix(
      'reviewer',
      { cycleId: cycle['2025'], countryCodes: ['ME'], areaCode: 'PREV' },
      computed,
    );
    expect(whole.comparison.rows.length).toBeGreaterThan(area.comparison.rows.length);
    expect(whole.statements).toBe(area.statements);
    expect(whole.statements).toBe(one.statements);
    // sign-in, cycle, matrix, indicators, countries
    expect(whole.statements).toBeLessThanOrEqual(5);
  });

  it('profiles a country per pillar without ranking countries', async () => {
    const res = await api.query(
      `query($c: ID!) { countryProfile(countryCode: "RS", cycleId: $c) { country { code } areas { pillar area { code }
         indicatorCount assessedCount hiddenCount coverage meanScore meanScoreChange improved deteriorated
         distribution { notInPlace partial largely fully notApplicable noData } } } }`,
      { c: cycle['2025'] },
      as.admin,
    );
    expect(res.errors).toBeUndefined();
    const profile = res.data!.countryProfile;
    expect(profile.areas.map((a: { pillar: string }) => a.pillar)).toEqual([
      'PREVENTION',
      'PROTECTION',
      'PROSECUTION',
      'PARTNERSHIP',
    ]);
    const [{ n: indicators }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM indicator`);
    expect(profile.areas.reduce((s: number, a: { indicatorCount: number }) => s + a.indicatorCount, 0)).toBe(
      indicators,
    );
    const [{ n: assessed }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM assessment WHERE cycle_id = $1 AND country_code = 'RS'`,
      [cycle['2025']],
    );
    expect(profile.areas.reduce((s: number, a: { assessedCount: number }) => s + a.assessedCount, 0)).toBe(
      assessed,
    );
    for (const area of profile.areas) {
      expect(area.coverage).toBeCloseTo(area.assessedCount / area.indicatorCount, 3);
      const d = area.distribution;
      const scored = d.notInPlace + d.partial + d.largely + d.fully;
      if (scored) expect(area.meanScore).toBeCloseTo((d.partial + 2 * d.largely + 3 * d.fully) / scored, 3);
      expect(area.hiddenCount).toBe(0);
    }
    const anonymous = await api.query(
      `query($c: ID!) { countryProfile(countryCode: "RS", cycleId: $c) { areas { assessedCount hiddenCount } } }`,
      { c: cycle['2025'] },
    );
    expect(
      anonymous.data!.countryProfile.areas.every((a: { assessedCount: number }) => a.assessedCount === 0),
    ).toBe(true);
  });

  it('tells an indicator’s history across cycles', async () => {
    const [row] = await db.dataSource.query(
      `SELECT a.indicator_id, a.score FROM assessment a WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND a.status = 'DRAFT' AND a.score IS NOT NULL LIMIT 1`,
      [cycle['2025']],
    );
    const query = `query($i: ID!) { indicatorHistory(indicatorId: $i, countryCode: "RS") { cycle { code } state score status } }`;
    const admin = await api.query(query, { i: row.indicator_id }, as.admin);
    expect(admin.data!.indicatorHistory.map((p: { cycle: { code: string } }) => p.cycle.code)).toEqual([
      '2024',
      '2025',
    ]);
    expect(admin.data!.indicatorHistory[1]).toMatchObject({
      state: 'ASSESSED',
      score: row.score,
      status: 'DRAFT',
    });
    const anonymous = await api.query(query, { i: row.indicator_id });
    expect(anonymous.data!.indicatorHistory[0].state).toBe('ASSESSED');
    expect(anonymous.data!.indicatorHistory[1]).toMatchObject({ state: 'HIDDEN', score: null });
  });

  it('resolves indicator titles in the language asked for, with English as the fallback', async () => {
    const res = await api.query(
      `query($c: ID!) { comparison(cycleId: $c, countryCodes: ["AL"]) { rows { indicator { code title { text locale isFallback } } } } }`,
      { c: cycle['2024'] },
      { 'accept-language': 'mk' },
    );
    const titles = res.data!.comparison.rows.map(
      (r: { indicator: { title: { locale: string; isFallback: boolean } } }) => r.indicator.title,
    );
    expect(titles.some((t: { locale: string }) => t.locale === 'MK')).toBe(true);
    expect(
      titles.some((t: { locale: string; isFallback: boolean }) => t.locale === 'EN' && t.isFallback),
    ).toBe(true);
  });

  it('keeps a published edition exactly as published through a reopening and a new edition', async () => {
    const first = await matrix('anonymous', { cycleId: cycle['2024'] });
    expect(first.comparison.edition).toEqual({ number: 1 });
    const published = cells(first.comparison);
    expect(published.some((c) => c.state === 'ASSESSED')).toBe(true);

    const TRANSITION = `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { status } edition { number } userErrors { code } } }`;
    const reopened = await api.query(TRANSITION, { input: { id: cycle['2024'], to: 'OPEN' } }, as.admin);
    expect(reopened.data!.cycleTransition).toMatchObject({ cycle: { status: 'OPEN' }, userErrors: [] });
    // The public still reads what was published.
    expect((await matrix('anonymous', { cycleId: cycle['2024'] })).comparison).toEqual(first.comparison);

    // The reviewer reopens one RS result, the partner corrects it, and it is approved again.
    const target = published.find((c) => c.countryCode === 'RS' && c.score !== null && c.score < 3)!;
    const [state] = await db.dataSource.query(`SELECT version, indicator_id FROM assessment WHERE id = $1`, [
      target.assessmentId,
    ]);
    expect(
      (
        await api.query(
          `mutation($input: AssessmentReopenInput!) { assessmentReopen(input: $input) { userErrors { code } } }`,
          {
            input: {
              id: target.assessmentId,
              expectedVersion: state.version,
              reason: 'New court statistics were released.',
            },
          },
          as.reviewer,
        )
      ).data!.assessmentReopen.userErrors,
    ).toEqual([]);
    const saved = await api.query(
      `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) { assessment { version } userErrors { code } } }`,
      {
        input: {
          cycleId: cycle['2024'],
          countryCode: 'RS',
          indicatorId: state.indicator_id,
          score: target.score! + 1,
          expectedVersion: state.version + 1,
        },
      },
      as['editor.rs'],
    );
    expect(saved.data!.assessmentSave.userErrors).toEqual([]);
    const version = saved.data!.assessmentSave.assessment.version;
    await api.query(
      `mutation($input: AssessmentSubmitInput!) { assessmentSubmit(input: $input) { userErrors { code } } }`,
      { input: { id: target.assessmentId, expectedVersion: version } },
      as['lead.rs'],
    );
    const approved = await api.query(
      `mutation($input: AssessmentReviewInput!) { assessmentReview(input: $input) { assessment { status } userErrors { code } } }`,
      { input: { id: target.assessmentId, expectedVersion: version + 1, decision: 'APPROVE' } },
      as.reviewer,
    );
    expect(approved.data!.assessmentReview.assessment.status).toBe('APPROVED');
    await api.query(TRANSITION, { input: { id: cycle['2024'], to: 'CLOSED' } }, as.admin);
    const second = await api.query(TRANSITION, { input: { id: cycle['2024'], to: 'PUBLISHED' } }, as.admin);
    expect(second.data!.cycleTransition).toMatchObject({
      cycle: { status: 'PUBLISHED' },
      edition: { number: 2 },
    });

    const latest = (await matrix('anonymous', { cycleId: cycle['2024'] })).comparison;
    expect(latest.edition).toEqual({ number: 2 });
    expect(cells(latest).find((c) => c.assessmentId === target.assessmentId)!.score).toBe(target.score! + 1);
    const editionOne = (await matrix('anonymous', { cycleId: cycle['2024'], edition: 1 })).comparison;
    expect(editionOne).toEqual(first.comparison);

    const editions = await api.query(
      `query($c: ID!) { cycle(id: $c) { editions { id number publishedAt contentSha256 citation } } }`,
      { c: cycle['2024'] },
    );
    const list = editions.data!.cycle.editions;
    expect(list.map((e: { number: number }) => e.number)).toEqual([2, 1]);
    expect(list[1].citation).toContain(`edition 1, published 2025-12-10 (edition ${list[1].id})`);
    await expect(
      db.dataSource.query(`UPDATE edition SET number = 9 WHERE id = $1`, [list[1].id]),
    ).rejects.toMatchObject({
      driverError: { constraint: 'edition_immutable' },
    });
  });
});
