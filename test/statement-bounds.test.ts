import {
  COMPARISON_QUERY,
  DASHBOARD_QUERY,
  EDITOR_EMAIL,
  REVIEWER_EMAIL,
  SAVE_MUTATION,
  SAVE_TARGETS_SQL,
  DASHBOARD_COUNTRY,
  dashboardVariables,
  saveVariables,
  type SaveTarget,
} from '../scripts/bench/scenarios';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

/**
 * The requests `npm run bench` measures send a fixed number of SQL statements, permissions included, however
 * large their answer: at most five, and the same for a small and a large result.
 */
const MAX_STATEMENTS = 5;

describe('statements per request of the benchmark scenarios', () => {
  let db: TestDatabase;
  let api: TestServer;
  let editor: Record<string, string>;
  let reviewer: Record<string, string>;
  const cycle: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    editor = await signIn(api, EDITOR_EMAIL);
    reviewer = await signIn(api, REVIEWER_EMAIL);
    for (const row of await db.dataSource.query(`SELECT id, code FROM monitoring_cycle`))
      cycle[row.code] = row.id;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function send(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    const res = await api.query(query, variables, headers);
    expect(res.errors).toBeUndefined();
    expect(res.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
    return res;
  }

  it('the country dashboard: one assessment or a hundred with their evidence', async () => {
    const counts: number[] = [];
    for (const code of ['2024', '2025']) {
      const one = await send(DASHBOARD_QUERY, { ...dashboardVariables(cycle[code], 1) }, editor);
      const all = await send(DASHBOARD_QUERY, { ...dashboardVariables(cycle[code], 100) }, editor);
      expect(one.data!.assessments.nodes).toHaveLength(1);
      const nodes = all.data!.assessments.nodes;
      expect(nodes.length).toBeGreaterThan(30);
      expect(nodes.every((n: { indicator: { code: string } }) => n.indicator.code)).toBe(true);
      expect(
        nodes.flatMap((n: { evidence: { nodes: unknown[] } }) => n.evidence.nodes).length,
      ).toBeGreaterThan(nodes.length);
      counts.push(one.statements, all.statements);
    }
    expect(new Set(counts).size).toBe(1);
  });

  it('the reviewer’s comparison of the open cycle: one country or all of them', async () => {
    const one = await send(COMPARISON_QUERY, { cycleId: cycle['2025'], countryCodes: ['ME'] }, reviewer);
    const all = await send(COMPARISON_QUERY, { cycleId: cycle['2025'] }, reviewer);
    expect(one.data!.comparison.countries).toHaveLength(1);
    expect(all.data!.comparison.countries).toHaveLength(5);
    expect(all.data!.comparison.rows[0].cells).toHaveLength(5);
    expect(one.statements).toBe(all.statements);
  });

  it('the published comparison read anonymously: one country or all of them', async () => {
    const one = await send(COMPARISON_QUERY, { cycleId: cycle['2024'], countryCodes: ['BA'] }, {});
    const all = await send(COMPARISON_QUERY, { cycleId: cycle['2024'] }, {});
    expect(one.data!.comparison.rows[0].cells).toHaveLength(1);
    const cells = all.data!.comparison.rows.flatMap((r: { cells: Array<{ state: string }> }) => r.cells);
    expect(cells.length).toBeGreaterThan(200);
    expect(cells.every((c: { state: string }) => c.state === 'ASSESSED')).toBe(true);
    expect(one.statements).toBe(all.statements);
  });

  it('the published assessments of a country with their breakdowns, as the public reads them: one or all', async () => {
    const query = `query($cycleId: ID!, $first: Int) {
      assessments(cycleId: $cycleId, countryCode: "ME", first: $first) {
        nodes { id breakdown { dimensionCodes dimensions { code } cells { categories { code } value suppressed } } }
      }
    }`;
    const one = await send(query, { cycleId: cycle['2024'], first: 1 }, {});
    const all = await send(query, { cycleId: cycle['2024'], first: 100 }, {});
    const tables = all.data!.assessments.nodes.flatMap((n: { breakdown: unknown[] }) => n.breakdown);
    expect(tables.length).toBeGreaterThan(5);
    expect(one.statements).toBe(all.statements);
  });

  it('an indicator broken down by sex and age for one country or all, live and from the edition', async () => {
    const query = `query($cycleId: ID!, $countries: [String!]) {
      comparisonBreakdown(cycleId: $cycleId, indicatorCode: "PROT-1.3", dimensions: ["sex", "age"], countryCodes: $countries) {
        countries { countryCode state total table { exact cells { categories { code } value suppressed } } }
      }
    }`;
    for (const [code, headers] of [
      ['2025', reviewer],
      ['2024', {}],
    ] as const) {
      const one = await send(query, { cycleId: cycle[code], countries: ['ME'] }, headers);
      const all = await send(query, { cycleId: cycle[code] }, headers);
      expect(all.data!.comparisonBreakdown.countries).toHaveLength(5);
      expect(one.statements).toBe(all.statements);
    }
  });

  it('an editor saving an assessment with a breakdown, of few cells or many', async () => {
    const [target] = await db.dataSource.query(
      `SELECT a.cycle_id, a.indicator_id, a.version FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND i.code = 'PROT-1.3'`,
      [cycle['2025']],
    );
    await db.dataSource.query(
      `UPDATE assessment SET status = 'DRAFT' WHERE cycle_id = $1 AND indicator_id = $2 AND country_code = 'RS'`,
      [target.cycle_id, target.indicator_id],
    );
    const cell = (pairs: Record<string, string>, value: number) => ({
      categories: Object.entries(pairs).map(([dimension, category]) => ({ dimension, category })),
      value,
    });
    const few = [cell({ sex: 'female' }, 30), cell({ sex: 'male' }, 10)];
    const many = [
      ...few,
      ...['sexual', 'labour', 'begging', 'mixed'].map((form) => cell({ exploitation: form }, 10)),
      ...['female', 'male'].flatMap((sex) =>
        ['child', 'adult'].map((age) => cell({ sex, age }, sex === 'female' ? 15 : 5)),
      ),
      cell({ age: 'child' }, 20),
      cell({ age: 'adult' }, 20),
    ];
    const counts: number[] = [];
    let version = target.version;
    for (const breakdown of [few, many, few]) {
      // More than a save without a breakdown (the cells, the rules they are checked against, their rewrite), but
      // the same for two cells or twenty.
      const res = await api.query(
        `mutation($input: AssessmentSaveInput!) {
          assessmentSave(input: $input) { assessment { version } userErrors { message } }
        }`,
        {
          input: {
            cycleId: target.cycle_id,
            countryCode: 'RS',
            indicatorId: target.indicator_id,
            value: '40',
            breakdown,
            expectedVersion: version,
          },
        },
        editor,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.assessmentSave.userErrors).toEqual([]);
      expect(res.statements).toBeLessThanOrEqual(MAX_STATEMENTS + 6);
      version = res.data!.assessmentSave.assessment.version;
      counts.push(res.statements);
    }
    expect(new Set(counts).size).toBe(1);
  });

  it('an editor saving an assessment with its version, with little or much evidence', async () => {
    const targets: Array<SaveTarget & { evidence: number }> = await db.dataSource.query(
      `SELECT s.*, (SELECT count(*)::int FROM evidence e JOIN assessment a ON a.id = e.assessment_id
                    WHERE a.cycle_id = s."cycleId" AND a.indicator_id = s."indicatorId"
                      AND a.country_code = s."countryCode") AS evidence
       FROM (${SAVE_TARGETS_SQL}) s ORDER BY evidence`,
      [cycle['2025'], DASHBOARD_COUNTRY, 100],
    );
    const few = targets[0];
    const many = targets[targets.length - 1];
    expect(many.evidence).toBeGreaterThan(few.evidence);
    const counts: number[] = [];
    for (const target of [few, many, few]) {
      const res = await send(SAVE_MUTATION, saveVariables(target), editor);
      const payload = res.data!.assessmentSave;
      expect(payload.userErrors).toEqual([]);
      expect(payload.assessment.version).toBe(target.version + 1);
      target.version = payload.assessment.version;
      counts.push(res.statements);
    }
    expect(new Set(counts).size).toBe(1);
  });

  // The register's page reads each kind of related row in one statement of its own (sources, links, follow-ups,
  // their cycles and evidence): more than the benchmark's five, and as many for one recommendation as for all.
  it('the recommendations register with everything below it, and the comparison: one or all', async () => {
    const send = async (
      query: string,
      variables: Record<string, unknown>,
      headers: Record<string, string>,
    ) => {
      const res = await api.query(query, variables, headers);
      expect(res.errors).toBeUndefined();
      expect(res.statements).toBeLessThanOrEqual(10);
      return res;
    };
    const LIST = `query($first: Int, $country: String) { recommendations(first: $first, countryCode: $country) {
      totalCount nodes { id reference text { text } country { code } source { body title { text } }
        standards { reference } indicators { code }
        followUps { implementationStatus status narrative { text } cycle { code } evidence { id title } }
        trend } } }`;
    const one = await send(LIST, { first: 1 }, reviewer);
    const all = await send(LIST, { first: 100 }, reviewer);
    expect(one.data!.recommendations.nodes).toHaveLength(1);
    const nodes = all.data!.recommendations.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(60);
    expect(nodes.flatMap((n: { followUps: unknown[] }) => n.followUps).length).toBeGreaterThan(60);
    expect(one.statements).toBe(all.statements);
    const COMPARE = `query($countries: [String!]) { recommendationComparison(countryCodes: $countries) {
      cycles { code } cells { sourceBody countryCode counts { status count } }
      rows { recommendation { reference source { year } country { code } } statuses { status } trend } } }`;
    const few = await send(COMPARE, { countries: ['ME'] }, reviewer);
    const every = await send(COMPARE, {}, reviewer);
    expect(every.data!.recommendationComparison.rows.length).toBeGreaterThan(
      few.data!.recommendationComparison.rows.length,
    );
    expect(few.statements).toBe(every.statements);
  });
});
