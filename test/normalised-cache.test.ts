import { randomUUID } from 'node:crypto';
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { buildTypeSchema } from '../src/graphql/schema';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * The object types without an `id`, each with the reason a client never meets one twice. Every other object type
 * has `id: ID!`, stable for the same thing, so that Apollo Client's and urql's caches normalise them by
 * `__typename` and `id` without custom keys. docs/integration.md states the same rule.
 */
const WITHOUT_ID: Record<string, string> = {
  Query: 'root',
  Mutation: 'root',
  Subscription: 'root',
  ReviewCommentEvent: 'event: carries the comment, which has an id',
  PageInfo: 'page: cached under the field and arguments that return it',
  UserError: 'mutation result',
  // Values owned by the one object they hang from: reached only through it, never on their own.
  LocalizedText: 'value of its owner',
  Translation: 'value of its owner',
  EvidenceFile: 'value of its owner',
  ScoreLevel: 'value of its owner',
  ScoreDistribution: 'value of its owner',
  AreaProfile: 'value of its owner',
  WebhookAttempt: 'value of its owner',
  ScoreAnswer: 'value of its owner',
  NotScoredAnswer: 'value of its owner',
  NumberAnswer: 'value of its owner',
  PercentAnswer: 'value of its owner',
  BooleanAnswer: 'value of its owner',
  TextAnswer: 'value of its owner',
  BreakdownTable: 'value of its owner',
  BreakdownCell: 'value of its owner',
  BreakdownCategory: 'value of its owner',
  IndicatorBreakdown: 'value of its owner',
  EditionFollowUp: 'value of its owner',
  EditionFollowUpEvidence: 'value of its owner',
  SearchSnippet: 'value of its owner',
  SnippetPart: 'value of its owner',
  WorkflowCount: 'value of its owner',
  CountryProgress: 'value of its owner',
  StatusCount: 'value of its owner',
  CycleImplementationStatus: 'value of its owner',
  // What they hold depends on the arguments of the field that returns them (which countries, which indicators):
  // they are cached under that field and its arguments; the cells in them have ids.
  Comparison: 'shaped by its arguments',
  ComparisonRow: 'shaped by its arguments',
  ComparisonBreakdown: 'shaped by its arguments',
  ComparisonBreakdownCountry: 'shaped by its arguments',
  CycleProgress: 'shaped by its arguments',
  BreakdownHistoryPoint: 'shaped by its arguments',
  RecommendationComparison: 'shaped by its arguments',
  RecommendationComparisonRow: 'shaped by its arguments',
  RecommendationComparisonCell: 'shaped by its arguments',
};
const isPlumbing = (name: string) => /(Connection|Edge|Payload)$/.test(name);

/** The Node types, each with its own query: `node(id:)` must answer exactly as that does. */
const OWN_QUERY: Record<string, string> = {
  Assessment: 'query($id: ID!) { assessment(id: $id)',
  Evidence: 'query($id: ID!) { evidence(id: $id)',
  MonitoringCycle: 'query($id: ID!) { cycle(id: $id)',
  Framework: 'query($id: ID!) { framework(id: $id)',
  FrameworkVersion: 'query($id: ID!) { frameworkVersion(id: $id)',
  Indicator: 'query($id: ID!) { indicator(id: $id)',
  Organisation: 'query($id: ID!) { organisation(id: $id)',
  Standard: 'query($id: ID!) { standard(id: $id)',
  Country: 'query($id: String!) { country(code: $id)',
  // An edition's own query names it by its cycle and number.
  Edition: 'query($cycleId: ID, $number: Int) { edition(cycleId: $cycleId, number: $number)',
};

describe('a normalised cache works', () => {
  const schema = buildTypeSchema();
  const objectTypes = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'),
  );

  it('every object type a client can meet twice has id: ID!, and the exempt ones say why', () => {
    const missing = objectTypes
      .filter((type) => !type.getFields().id && !isPlumbing(type.name) && !WITHOUT_ID[type.name])
      .map((type) => type.name);
    expect(missing).toEqual([]);
    for (const type of objectTypes) {
      const id = type.getFields().id;
      if (id) expect(`${type.name}.id: ${String(id.type)}`).toBe(`${type.name}.id: ID!`);
    }
    // The list stays true: an exempt type exists and has no id (else it is not exempt).
    for (const name of Object.keys(WITHOUT_ID)) {
      const type = schema.getType(name);
      expect(isObjectType(type) && !type.getFields().id).toBe(true);
    }
    // A value of its owner is never answered on its own by a query.
    const rootTypes = Object.values(schema.getQueryType()!.getFields()).map((f) => getNamedType(f.type).name);
    const owned = Object.keys(WITHOUT_ID).filter((name) => WITHOUT_ID[name] === 'value of its owner');
    expect(rootTypes.filter((name) => owned.includes(name))).toEqual([]);
  });

  it('the Node types are the records with a query of their own', () => {
    const node = schema.getType('Node');
    const implementing = objectTypes
      .filter((t) => t.getInterfaces().includes(node as never))
      .map((t) => t.name);
    expect(implementing.sort()).toEqual(Object.keys(OWN_QUERY).sort());
    const nodes = schema.getQueryType()!.getFields().nodes;
    expect(isNonNullType(nodes.type) && isListType(nodes.type.ofType)).toBe(true);
  });

  describe('over HTTP', () => {
    let db: TestDatabase;
    let api: TestServer;
    const actors: Record<string, Record<string, string>> = { anonymous: {} };
    const samples: Array<{ type: string; id: string; cycleId?: string; number?: number }> = [];

    const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

    beforeAll(async () => {
      db = await createTestDatabase();
      api = await startTestServer(db);
      for (const who of ['editor.al', 'viewer.rs', 'lead.rs', 'reviewer', 'framework', 'admin'])
        actors[who] = await signIn(api, `${who}@demo.example`);
      const key = await api.query(
        `mutation { apiKeyCreate(input: { name: "Cache probe" }) { key userErrors { code } } }`,
        {},
        actors['lead.rs'],
      );
      actors.apiKey = { authorization: `Bearer ${key.data!.apiKeyCreate.key}` };
      // A draft framework version with an indicator: hidden from all but the framework editor and admins.
      const [framework] = await sql(`SELECT id FROM framework LIMIT 1`);
      const [version] = await sql(
        `INSERT INTO framework_version (framework_id, label, status) VALUES ($1, 'D-cache', 'DRAFT') RETURNING id`,
        [framework.id],
      );
      const [area] = await sql(
        `INSERT INTO area (framework_version_id, code, pillar, title, description, position)
         VALUES ($1, 'PREV', 'PREVENTION', '{"en":"Prevention"}', '{"en":"Prevention"}', 0) RETURNING id`,
        [version.id],
      );
      await sql(
        `INSERT INTO indicator (framework_version_id, area_id, code, type, answer_type, title, guidance, means_of_verification, position)
         VALUES ($1, $2, 'PREV-1', 'STRUCTURAL', 'SCORE', '{"en":"A plan"}', '{"en":"Check"}', '{"en":"The plan"}', 0)`,
        [version.id, area.id],
      );
      const add = (type: string, rows: Array<{ id: string }>) =>
        samples.push(...rows.map((row) => ({ type, id: row.id })));
      // Assessments of each status of two countries in the open cycle, and published ones.
      add(
        'Assessment',
        await sql(`SELECT DISTINCT ON (a.country_code, a.status, c.code) a.id FROM assessment a
          JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE a.country_code IN ('AL', 'RS')`),
      );
      add(
        'Evidence',
        await sql(`SELECT DISTINCT ON (a.country_code, a.status, e.confidentiality) e.id FROM evidence e
          JOIN assessment a ON a.id = e.assessment_id WHERE a.country_code IN ('AL', 'RS')`),
      );
      add('MonitoringCycle', await sql(`SELECT id FROM monitoring_cycle`));
      add('Framework', await sql(`SELECT id FROM framework`));
      add('FrameworkVersion', await sql(`SELECT id FROM framework_version`));
      add('Indicator', await sql(`SELECT DISTINCT ON (framework_version_id) id FROM indicator`));
      add('Organisation', await sql(`SELECT id FROM organisation`));
      add('Standard', await sql(`SELECT id FROM standard LIMIT 3`));
      add('Country', [{ id: 'AL' }, { id: 'RS' }]);
      for (const row of await sql(`SELECT id, cycle_id, number FROM edition`))
        samples.push({ type: 'Edition', id: row.id, cycleId: row.cycle_id, number: row.number });
      expect(new Set(samples.map((s) => s.type)).size).toBe(Object.keys(OWN_QUERY).length);
    });
    afterAll(async () => {
      await api.close();
      await db.drop();
    });

    const SELECTION = `{ __typename id }`;
    /** What a client keeps of an answer: the data and each error's code, message and place. */
    const outcome = (res: GraphQLResponse) => ({
      status: res.status,
      value: Object.values(res.data ?? {})[0] ?? null,
      errors: (res.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message })),
    });

    it.each(['anonymous', 'apiKey', 'editor.al', 'viewer.rs', 'reviewer', 'framework', 'admin'])(
      'node(id:) shows, hides and refuses for %s exactly what each type’s own query does',
      async (actor) => {
        let shown = 0;
        let hidden = 0;
        for (const sample of samples) {
          const own = await api.query(
            `${OWN_QUERY[sample.type]} ${SELECTION} }`,
            sample.type === 'Edition'
              ? { cycleId: sample.cycleId, number: sample.number }
              : { id: sample.id },
            actors[actor],
          );
          const node = await api.query(
            `query($id: ID!) { node(id: $id) ${SELECTION} }`,
            { id: sample.id },
            actors[actor],
          );
          expect({ sample, ...outcome(node) }).toEqual({ sample, ...outcome(own) });
          if (outcome(own).value) {
            expect(outcome(own).value).toEqual({ __typename: sample.type, id: sample.id });
            shown += 1;
          } else hidden += 1;
        }
        // Every reader sees some of the samples; all but admins miss some (drafts, other countries' work).
        expect(shown).toBeGreaterThan(0);
        if (actor !== 'admin') expect(hidden).toBeGreaterThan(0);
      },
    );

    it.each(['anonymous', 'editor.al', 'reviewer'])(
      'nodes(ids:) answers %s each id as node(id:) does, in order, in a bounded number of statements',
      async (actor) => {
        const ids = [...samples.map((s) => s.id), randomUUID(), 'XK'];
        const singles = [];
        for (const id of ids)
          singles.push(
            await api.query(`query($id: ID!) { node(id: $id) ${SELECTION} }`, { id }, actors[actor]),
          );
        const all = await api.query(
          `query($ids: [ID!]!) { nodes(ids: $ids) ${SELECTION} }`,
          { ids },
          actors[actor],
        );
        expect(all.data!.nodes).toEqual(singles.map((res) => res.data!.node));
        const refused = singles.flatMap((res, i) => (res.errors ?? []).map((e) => [i, e.extensions?.code]));
        expect((all.errors ?? []).map((e) => [e.path?.[1], e.extensions?.code])).toEqual(refused);
        // One statement finds the tables, then one per kind of record and what their rules read.
        const few = await api.query(
          `query($ids: [ID!]!) { nodes(ids: $ids) ${SELECTION} }`,
          { ids: ids.slice(0, 3) },
          actors[actor],
        );
        expect(all.statements).toBeLessThanOrEqual(20);
        expect(all.statements - few.statements).toBeLessThanOrEqual(12);
      },
    );

    it('refuses an id that is neither a UUID nor a country code, and more than 100 ids', async () => {
      const bad = await api.query(`{ node(id: "nope") { id } }`);
      expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
      const many = await api.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
        ids: Array.from({ length: 101 }, () => randomUUID()),
      });
      expect(many.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    });

    /** Every object of an answer by `__typename:id`, failing when the same key holds different values. */
    function normalise(value: unknown, store: Map<string, Record<string, unknown>>): void {
      if (Array.isArray(value)) return value.forEach((item) => normalise(item, store));
      if (!value || typeof value !== 'object') return;
      const object = value as Record<string, unknown>;
      if (typeof object.__typename === 'string' && typeof object.id === 'string') {
        const key = `${object.__typename}:${object.id}`;
        const known = store.get(key) ?? {};
        for (const [field, fieldValue] of Object.entries(object)) {
          if (fieldValue !== null && typeof fieldValue === 'object') continue;
          if (field in known)
            expect({ key, field, value: fieldValue }).toEqual({ key, field, value: known[field] });
          known[field] = fieldValue;
        }
        store.set(key, known);
      }
      Object.values(object).forEach((child) => normalise(child, store));
    }

    it.each(['anonymous', 'editor.al', 'reviewer'])(
      'cells, profiles, history points and countries keep one id each across queries and filters (%s)',
      async (actor) => {
        const CELL = `__typename id countryCode state score value status trend evidenceCount previousScore
          country { __typename id code }`;
        const queries = [
          `{ comparison(cycleCode: "2024") { rows { cells { ${CELL} } } } }`,
          `{ comparison(cycleCode: "2024", countryCodes: ["AL"]) { rows { cells { ${CELL} } } } }`,
          `{ edition(cycleCode: "2024") { comparison { rows { cells { ${CELL} } } } } }`,
          `{ comparison(cycleCode: "2024", edition: 1, areaCode: "PROT") { rows { cells { ${CELL} } } } }`,
          `{ comparison(cycleCode: "2025") { rows { cells { ${CELL} } } } }`,
          `{ comparison(cycleCode: "2025", countryCodes: ["RS", "AL"]) { rows { cells { ${CELL} } } } }`,
          `{ countryProfile(countryCode: "AL", cycleCode: "2024") { __typename id areas { assessedCount } } }`,
          `{ countries { nodes { __typename id code } } }`,
          `{ cycle(code: "2024") { assessments(first: 20) { nodes { __typename id country { __typename id code } } } } }`,
        ];
        const store = new Map<string, Record<string, unknown>>();
        for (const query of queries) {
          const res = await api.query(query, {}, actors[actor]);
          expect(res.errors).toBeUndefined();
          normalise(res.data, store);
        }
        const profile = await api.query(
          `query($id: ID!) { countryProfile(countryCode: "AL", cycleId: $id) { __typename id } }`,
          { id: samples.find((s) => s.type === 'Edition')!.cycleId },
          actors[actor],
        );
        expect(store.has(`CountryProfile:${profile.data!.countryProfile.id}`)).toBe(true);
        const history = async (variables: Record<string, unknown>) =>
          (
            await api.query(
              `query($id: ID, $code: String, $cycle: String) { indicatorHistory(countryCode: "AL", indicatorId: $id,
                indicatorCode: $code, cycleCode: $cycle) { __typename id state value } }`,
              variables,
              actors[actor],
            )
          ).data!.indicatorHistory;
        const [indicator] = await sql(`SELECT i.id, i.code FROM indicator i JOIN monitoring_cycle c
          ON c.framework_version_id = i.framework_version_id WHERE c.code = '2024' LIMIT 1`);
        expect(await history({ code: indicator.code, cycle: '2024' })).toEqual(
          await history({ id: indicator.id }),
        );
        normalise(await history({ id: indicator.id }), store);
        // The 2024 cells read from the edition and those read live are different objects with different ids.
        const kinds = new Set([...store.keys()].map((key) => key.split(':')[0]));
        expect([...kinds].sort()).toEqual(
          ['Assessment', 'ComparisonCell', 'Country', 'CountryProfile', 'IndicatorHistoryPoint'].sort(),
        );
        expect(store.get('Country:AL')).toEqual({ __typename: 'Country', id: 'AL', code: 'AL' });
      },
    );
  });
});
