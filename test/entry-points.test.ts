import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * A front end starts from what a page's address holds: a cycle's code, an indicator's code, a country's ISO code.
 * Every read a front end starts from takes them, answers exactly as it does by id, and refuses both or neither.
 */
describe('codes as entry points', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  let cycle2024: string;
  let versionId: string;
  let indicators: Array<{ id: string; code: string }>;
  const readers: Record<string, Record<string, string>> = { anonymous: {} };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    readers.partner = await signIn(api, 'editor.al@demo.example');
    readers.reviewer = await signIn(api, 'reviewer@demo.example');
    const res = await api.query(
      `{ cycle(code: "2024") { id frameworkVersion { id indicators(first: 100) { nodes { id code } } } } }`,
    );
    cycle2024 = res.data!.cycle.id;
    versionId = res.data!.cycle.frameworkVersion.id;
    indicators = res.data!.cycle.frameworkVersion.indicators.nodes;
    expect(indicators.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  function refusal(res: GraphQLResponse, names: string[]) {
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', arguments: names });
    expect(res.errors![0].message).toBe(`Give exactly one of ${names[0]} and ${names[1]}.`);
  }

  const COMPARISON = `query($cycleId: ID, $cycleCode: String, $ids: [ID!], $codes: [String!]) {
    comparison(cycleId: $cycleId, cycleCode: $cycleCode, indicatorIds: $ids, indicatorCodes: $codes,
      countryCodes: ["AL", "RS"]) {
      cycle { code } edition { number }
      rows { indicator { id code } cells { countryCode state score value assessmentId trend } }
    } }`;

  it.each(['anonymous', 'partner', 'reviewer'])(
    'comparison by cycle code and indicator codes answers %s as by ids',
    async (reader) => {
      const chosen = indicators.slice(1, 4);
      const byId = await api.query(
        COMPARISON,
        { cycleId: cycle2024, ids: chosen.map((i) => i.id) },
        readers[reader],
      );
      const byCode = await api.query(
        COMPARISON,
        { cycleCode: '2024', codes: chosen.map((i) => i.code) },
        readers[reader],
      );
      expect(byId.errors).toBeUndefined();
      expect(byCode).toMatchObject({ data: byId.data, errors: undefined });
      expect(
        byCode.data!.comparison.rows.map((r: { indicator: { code: string } }) => r.indicator.code),
      ).toEqual(chosen.map((i) => i.code));
    },
  );

  it('comparison: both, neither, an unknown cycle code, a code the version lacks', async () => {
    refusal(await api.query(COMPARISON, { cycleId: cycle2024, cycleCode: '2024' }), ['cycleId', 'cycleCode']);
    refusal(await api.query(COMPARISON, {}), ['cycleId', 'cycleCode']);
    const unknown = await api.query(COMPARISON, { cycleCode: '1999' });
    expect(unknown).toMatchObject({ data: { comparison: null }, errors: undefined });
    const both = await api.query(COMPARISON, {
      cycleCode: '2024',
      ids: [indicators[0].id],
      codes: [indicators[0].code],
    });
    expect(both.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'indicatorCodes' });
    const missing = await api.query(COMPARISON, {
      cycleCode: '2024',
      codes: [indicators[0].code, 'NO.SUCH'],
    });
    expect(missing.errors![0]).toMatchObject({
      message: 'The cycle’s framework version has no indicator with the code NO.SUCH.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'indicatorCodes' },
    });
  });

  it('countryProfile and edition by cycle code answer as by id; both or neither is refused', async () => {
    const PROFILE = `query($cycleId: ID, $cycleCode: String) { countryProfile(countryCode: "AL", cycleId: $cycleId,
      cycleCode: $cycleCode) { cycle { code } areas { pillar assessedCount meanScore } } }`;
    const EDITION = `query($cycleId: ID, $cycleCode: String) { edition(cycleId: $cycleId, cycleCode: $cycleCode) {
      id number contentSha256 cycle { code } } }`;
    for (const query of [PROFILE, EDITION]) {
      for (const reader of Object.values(readers)) {
        const byId = await api.query(query, { cycleId: cycle2024 }, reader);
        expect(byId.errors).toBeUndefined();
        expect(Object.values(byId.data!)[0]).not.toBeNull();
        expect(await api.query(query, { cycleCode: '2024' }, reader)).toMatchObject({
          data: byId.data,
          errors: undefined,
        });
      }
      refusal(await api.query(query, { cycleId: cycle2024, cycleCode: '2024' }), ['cycleId', 'cycleCode']);
      refusal(await api.query(query, {}), ['cycleId', 'cycleCode']);
    }
    const none = await api.query(EDITION, { cycleCode: '1999' });
    expect(none).toMatchObject({ data: { edition: null }, errors: undefined });
  });

  it('indicator by code within a version named by id or by a cycle code', async () => {
    const QUERY = `query($id: ID, $code: String, $frameworkVersionId: ID, $cycleCode: String) {
      indicator(id: $id, code: $code, frameworkVersionId: $frameworkVersionId, cycleCode: $cycleCode) {
        id code frameworkVersion { id } } }`;
    const target = indicators[2];
    const expected = { indicator: { id: target.id, code: target.code, frameworkVersion: { id: versionId } } };
    expect((await api.query(QUERY, { id: target.id })).data).toEqual(expected);
    expect((await api.query(QUERY, { code: target.code, cycleCode: '2024' })).data).toEqual(expected);
    expect((await api.query(QUERY, { code: target.code, frameworkVersionId: versionId })).data).toEqual(
      expected,
    );
    expect(await api.query(QUERY, { code: 'NO.SUCH', cycleCode: '2024' })).toMatchObject({
      data: { indicator: null },
      errors: undefined,
    });
    refusal(await api.query(QUERY, { id: target.id, code: target.code, cycleCode: '2024' }), ['id', 'code']);
    refusal(await api.query(QUERY, {}), ['id', 'code']);
    refusal(await api.query(QUERY, { code: target.code }), ['frameworkVersionId', 'cycleCode']);
    refusal(await api.query(QUERY, { code: target.code, cycleCode: '2024', frameworkVersionId: versionId }), [
      'frameworkVersionId',
      'cycleCode',
    ]);
    const badCycle = await api.query(QUERY, { code: target.code, cycleCode: '1999' });
    expect(badCycle.errors![0]).toMatchObject({
      message: 'There is no monitoring cycle with the code 1999.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'cycleCode' },
    });
  });

  it('indicatorHistory by indicator code answers as by id', async () => {
    const QUERY = `query($id: ID, $code: String, $cycleCode: String) {
      indicatorHistory(countryCode: "AL", indicatorId: $id, indicatorCode: $code, cycleCode: $cycleCode) {
        cycle { code } indicator { code } state score value status } }`;
    const target = indicators[0];
    for (const reader of Object.values(readers)) {
      const byId = await api.query(QUERY, { id: target.id }, reader);
      expect(byId.errors).toBeUndefined();
      expect(byId.data!.indicatorHistory.length).toBeGreaterThan(0);
      expect(await api.query(QUERY, { code: target.code, cycleCode: '2024' }, reader)).toMatchObject({
        data: byId.data,
        errors: undefined,
      });
    }
    refusal(await api.query(QUERY, { id: target.id, code: target.code, cycleCode: '2024' }), [
      'indicatorId',
      'indicatorCode',
    ]);
    const unknown = await api.query(QUERY, { code: 'NO.SUCH', cycleCode: '2024' });
    expect(unknown.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'indicatorCode',
    });
  });

  it('the comparison and assessments exports take a cycle code', async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${origin}${path}`, { headers }).then(async (res) => ({
        status: res.status,
        body: await res.text(),
      }));
    for (const reader of Object.values(readers)) {
      for (const [path, rest] of [
        ['/exports/comparison.csv', '&countryCodes=AL,RS'],
        ['/exports/assessments.csv', '&countryCode=AL'],
      ]) {
        const byId = await get(`${path}?cycleId=${cycle2024}${rest}`, reader);
        expect(byId.status).toBe(200);
        expect(await get(`${path}?cycleCode=2024${rest}`, reader)).toEqual(byId);
        const both = await get(`${path}?cycleId=${cycle2024}&cycleCode=2024${rest}`, reader);
        expect(both.status).toBe(400);
        expect(JSON.parse(both.body).error.message).toBe('Give exactly one of cycleId and cycleCode.');
        expect((await get(`${path}?cycleCode=1999${rest}`, reader)).status).toBe(404);
      }
    }
  });
});
