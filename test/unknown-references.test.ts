import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

type Errors = NonNullable<GraphQLResponse['errors']>;

/**
 * A read that names a country, cycle, framework version, indicator or area that is not there says which
 * argument names what, never FORBIDDEN; what the reader may not see is answered exactly as what does not exist,
 * and what exists is never called unknown.
 */
describe('reads naming unknown things', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  const readers: Record<string, Record<string, string>> = { anonymous: {} };
  let cycle2025: string;
  let cycle2024: string;
  let indicatorId: string;
  let versionId: string;
  /** A draft version, its copy of an indicator and an area only it has: hidden from both readers. */
  let draftVersionId: string;
  let draftIndicatorId: string;
  const DRAFT_AREA = 'DRAFTONLY';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    // A partner of Montenegro, reading about other countries.
    readers.partner = await signIn(api, 'editor.me@demo.example');
    const ids = await api.query(`{ cycles { nodes { id code } } frameworks { nodes { id versions { id } } }
      indicators(first: 1) { nodes { id } } }`);
    const byCode = Object.fromEntries(
      ids.data!.cycles.nodes.map((c: { id: string; code: string }) => [c.code, c.id]),
    );
    cycle2025 = byCode['2025'];
    cycle2024 = byCode['2024'];
    indicatorId = ids.data!.indicators.nodes[0].id;
    const framework = ids.data!.frameworks.nodes[0];
    versionId = framework.versions[0].id;

    const editor = await signIn(api, 'framework@demo.example');
    const draft = await api.query(
      `mutation($input: FrameworkVersionCreateInput!) { frameworkVersionCreate(input: $input) {
        frameworkVersion { id indicators(first: 1) { nodes { id } } } userErrors { code message } } }`,
      { input: { frameworkId: framework.id, label: '2099.1', copyFromVersionId: versionId } },
      editor,
    );
    expect(draft.data!.frameworkVersionCreate.userErrors).toEqual([]);
    draftVersionId = draft.data!.frameworkVersionCreate.frameworkVersion.id;
    draftIndicatorId = draft.data!.frameworkVersionCreate.frameworkVersion.indicators.nodes[0].id;
    const en = (text: string) => [{ locale: 'EN', text }];
    const area = await api.query(
      `mutation($input: AreaCreateInput!) { areaCreate(input: $input) { area { id } userErrors { code message } } }`,
      {
        input: {
          frameworkVersionId: draftVersionId,
          code: DRAFT_AREA,
          pillar: 'PREVENTION',
          title: en('Draft'),
          description: en('Draft'),
        },
      },
      editor,
    );
    expect(area.data!.areaCreate.userErrors).toEqual([]);
    // The framework editor sees the draft, so it is there to be hidden.
    const seen = await api.query(`{ indicators(areaCode: "${DRAFT_AREA}") { totalCount } }`, {}, editor);
    expect(seen.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  /** The one error of a refused read, with `value` replaced by `<value>` so two refusals can be compared. */
  function refusal(errors: Errors | undefined, value?: string) {
    expect(errors).toHaveLength(1);
    const [{ message, extensions }] = errors!;
    // Outside production an error carries its stack trace, which is no part of what is compared.
    const { stacktrace: _stack, ...rest } = extensions ?? {};
    return { message: value ? message.split(value).join('<value>') : message, extensions: rest };
  }

  const badInput = (message: string, argument: string) => ({
    message,
    extensions: { code: 'BAD_USER_INPUT', argument },
  });

  describe.each(['anonymous', 'partner'])('for an %s reader', (reader) => {
    const read = (query: string, variables: Record<string, unknown> = {}) =>
      api.query(query, variables, readers[reader]);

    it('answers null for a country, cycle, framework, version or indicator that is not there', async () => {
      const unknown = randomUUID();
      const res = await read(
        `query($unknown: ID!, $draft: ID!, $draftIndicator: ID!) {
          country(code: "XX") { code }
          byCode: cycle(code: "1999") { id }
          byId: cycle(id: $unknown) { id }
          framework(code: "NOPE") { id }
          frameworkVersion(id: $unknown) { id }
          draft: frameworkVersion(id: $draft) { id }
          indicator(id: $unknown) { id }
          draftIndicator: indicator(id: $draftIndicator) { id }
          comparison(cycleId: $unknown) { countries { code } }
          countryProfile(cycleId: $unknown, countryCode: "RS") { country { code } }
          edition(cycleId: $unknown) { number }
        }`,
        { unknown, draft: draftVersionId, draftIndicator: draftIndicatorId },
      );
      expect(res.errors).toBeUndefined();
      expect(Object.values(res.data!)).toEqual(Array(11).fill(null));
    });

    it.each([
      ['assessments', `{ assessments(countryCode: "XX") { totalCount } }`, 'countryCode'],
      [
        'a cycle’s assessments',
        `{ cycle(code: "2025") { assessments(countryCode: "xx") { totalCount } } }`,
        'countryCode',
      ],
      ['organisations', `{ organisations(countryCode: "XX") { totalCount } }`, 'countryCode'],
      ['standards', `{ standards(countryCode: "XX") { totalCount } }`, 'countryCode'],
      [
        'comparison',
        `query($c: ID!) { comparison(cycleId: $c, countryCodes: ["RS", "XX"]) { countries { code } } }`,
        'countryCodes',
      ],
      [
        'countryProfile',
        `query($c: ID!) { countryProfile(cycleId: $c, countryCode: "XX") { country { code } } }`,
        'countryCode',
      ],
      [
        'indicatorHistory',
        `query($i: ID!) { indicatorHistory(indicatorId: $i, countryCode: "XX") { value } }`,
        'countryCode',
      ],
    ])('refuses an unknown country in %s, naming the argument', async (_field, query, argument) => {
      const res = await read(query, { c: cycle2025, i: indicatorId });
      expect(refusal(res.errors)).toEqual(badInput('There is no country XX.', argument));
    });

    it('never calls a country unknown because the reader sees nothing of it', async () => {
      const res = await read(
        `query($c: ID!, $i: ID!) {
          drafts: assessments(countryCode: "RS", cycleId: $c, status: DRAFT) { totalCount }
          cycle(code: "2025") { assessments(countryCode: "RS", status: DRAFT) { totalCount } }
          organisations(countryCode: "RS") { totalCount }
          standards(countryCode: "RS") { totalCount }
          comparison(cycleId: $c, countryCodes: ["RS", "AL"]) { countries { code } }
          countryProfile(cycleId: $c, countryCode: "RS") { country { code } }
          indicatorHistory(indicatorId: $i, countryCode: "RS") { value }
        }`,
        { c: cycle2025, i: indicatorId },
      );
      expect(res.errors).toBeUndefined();
      // Another country's drafts are hidden from both readers: an empty list, as if there were none.
      expect(res.data!.drafts.totalCount).toBe(0);
      expect(res.data!.cycle.assessments.totalCount).toBe(0);
      expect(res.data!.comparison.countries.map((c: { code: string }) => c.code).sort()).toEqual([
        'AL',
        'RS',
      ]);
    });

    it('refuses an unknown cycle id in a filter, naming the argument', async () => {
      const unknown = randomUUID();
      for (const query of [
        `query($x: ID!) { assessments(cycleId: $x) { totalCount } }`,
        `query($x: ID!) { country(code: "RS") { assessments(cycleId: $x) { totalCount } } }`,
        `query($x: ID!) { indicators(cycleId: $x) { totalCount } }`,
      ]) {
        const res = await read(query, { x: unknown });
        expect(refusal(res.errors)).toEqual(
          badInput(`There is no monitoring cycle with the id ${unknown}.`, 'cycleId'),
        );
      }
    });

    it('refuses an unknown or hidden framework version or indicator in the same words', async () => {
      const cases: Array<[string, string, string]> = [
        [
          `query($x: ID!) { indicators(frameworkVersionId: $x) { totalCount } }`,
          'frameworkVersionId',
          'version',
        ],
        [`query($x: ID!) { assessments(indicatorId: $x) { totalCount } }`, 'indicatorId', 'indicator'],
        [
          `query($x: ID!) { indicatorHistory(indicatorId: $x, countryCode: "RS") { value } }`,
          'indicatorId',
          'indicator',
        ],
      ];
      for (const [query, argument, kind] of cases) {
        const hidden = kind === 'version' ? draftVersionId : draftIndicatorId;
        const unknown = randomUUID();
        const missing = refusal((await read(query, { x: unknown })).errors, unknown);
        expect(missing.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
        expect(missing.message).toMatch(/^There is no (framework version|indicator) with the id <value>\.$/);
        expect(refusal((await read(query, { x: hidden })).errors, hidden)).toEqual(missing);
      }
    });

    it('refuses an indicator outside the cycle in a comparison, unknown or hidden alike', async () => {
      const query = `query($c: ID!, $x: ID!) { comparison(cycleId: $c, indicatorIds: [$x]) { rows { cells { state } } } }`;
      const unknown = randomUUID();
      const missing = refusal((await read(query, { c: cycle2025, x: unknown })).errors, unknown);
      expect(missing).toEqual(
        badInput('The cycle’s framework version has no indicator with the id <value>.', 'indicatorIds'),
      );
      const hidden = await read(query, { c: cycle2025, x: draftIndicatorId });
      expect(refusal(hidden.errors, draftIndicatorId)).toEqual(missing);
      const shown = await read(query, { c: cycle2025, x: indicatorId });
      expect(shown.errors).toBeUndefined();
      expect(shown.data!.comparison.rows).toHaveLength(1);
    });

    it('refuses an unknown or hidden area code in the same words', async () => {
      for (const code of ['NOPE', DRAFT_AREA]) {
        const indicators = await read(`{ indicators(areaCode: "${code}") { totalCount } }`);
        expect(refusal(indicators.errors)).toEqual(badInput(`There is no area ${code}.`, 'areaCode'));
        const comparison = await read(
          `query($c: ID!) { comparison(cycleId: $c, areaCode: "${code}") { rows { cells { state } } } }`,
          { c: cycle2024 },
        );
        expect(refusal(comparison.errors)).toEqual(
          badInput(`The cycle’s framework version has no area ${code}.`, 'areaCode'),
        );
      }
      const known = await read(`{ indicators(areaCode: "PROT") { totalCount } }`);
      expect(known.data!.indicators.totalCount).toBeGreaterThan(0);
    });

    describe('in the export routes', () => {
      async function download(path: string) {
        const res = await fetch(`${origin}${path}`, { headers: readers[reader] });
        const body = res.headers.get('content-type')?.startsWith('application/json')
          ? ((await res.json()) as { error: { code: string; message: string } })
          : null;
        return { status: res.status, error: body?.error };
      }

      it('answers 400 or 404 naming what is not there, whether it does not exist or is hidden', async () => {
        const unknown = randomUUID();
        const cases: Array<[string, number, string, string | RegExp]> = [
          [
            `/exports/assessments.csv?cycleId=${cycle2025}&countryCode=XX`,
            404,
            'NOT_FOUND',
            'The country XX was not found.',
          ],
          [
            `/exports/comparison.csv?cycleId=${cycle2025}&countryCodes=RS,XX`,
            400,
            'BAD_USER_INPUT',
            'There is no country XX.',
          ],
          [
            `/exports/comparison.xlsx?cycleId=${cycle2025}&areaCode=nope`,
            400,
            'BAD_USER_INPUT',
            'The cycle’s framework version has no area NOPE.',
          ],
          [
            `/exports/assessments.csv?cycleId=${cycle2025}&country=XX`,
            400,
            'BAD_USER_INPUT',
            /Unknown parameter "country"/,
          ],
          [
            `/exports/assessments.csv?cycleId=${unknown}&countryCode=RS`,
            404,
            'NOT_FOUND',
            'There is no such cycle.',
          ],
          [
            `/exports/comparison.csv?cycleId=${unknown}`,
            404,
            'NOT_FOUND',
            'There is no such cycle, or no such edition of it.',
          ],
          [
            `/exports/framework.csv?frameworkVersionId=${unknown}`,
            404,
            'NOT_FOUND',
            'There is no such framework version.',
          ],
          // A draft the reader may not see is not there for them.
          [
            `/exports/framework.csv?frameworkVersionId=${draftVersionId}`,
            404,
            'NOT_FOUND',
            'There is no such framework version.',
          ],
          [
            `/exports/comparison.csv?cycleId=${cycle2025}&areaCode=${DRAFT_AREA}`,
            400,
            'BAD_USER_INPUT',
            `The cycle’s framework version has no area ${DRAFT_AREA}.`,
          ],
        ];
        for (const [path, status, code, message] of cases) {
          const res = await download(path);
          expect({ path, status: res.status, code: res.error?.code }).toEqual({ path, status, code });
          expect(res.error!.message).toMatch(message);
        }
        // Another country's assessments, which the partner cannot edit, are a file of what the reader may read.
        expect((await download(`/exports/assessments.csv?cycleId=${cycle2025}&countryCode=RS`)).status).toBe(
          200,
        );
      });
    });
  });
});
