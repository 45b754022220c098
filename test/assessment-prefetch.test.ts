import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

/**
 * The assessments list fetches each assessment's page of evidence in its own statement when every node asks for
 * it in one window. Whatever way the page is fetched, a reader gets exactly what `assessment(id) { evidence }`
 * gives, which loads it on its own.
 */

const EVIDENCE_FIELDS = `totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id } }
  nodes {
    id kind title citation url documentDate language issuingInstitution reliability confidentiality
    createdAt updatedAt file { name contentType size sha256 downloadUrl } country { code }
  }`;

const LIST = `query List($cycleId: ID!, $countryCode: String, $first: Int, $after: String) {
  assessments(cycleId: $cycleId, countryCode: $countryCode, first: 100) {
    nodes { id evidence(first: $first, after: $after) { ${EVIDENCE_FIELDS} } }
  }
}`;

/** `assessment(id)` once per id, aliased, in one request: each page comes through the evidence loader. */
function oneByOneQuery(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `a${i}: assessment(id: $id${i}) { evidence(first: $first, after: $after) { ${EVIDENCE_FIELDS} } }`,
  );
  const ids = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  return `query OneByOne(${ids}, $first: Int, $after: String) { ${fields.join('\n')} }`;
}

type Headers = Record<string, string>;
interface Node {
  id: string;
  evidence: unknown;
}

describe('evidence fetched with its assessments', () => {
  let db: TestDatabase;
  let api: TestServer;
  const cycle: Record<string, string> = {};
  const readers: Record<string, Headers> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const row of await db.dataSource.query(`SELECT id, code FROM monitoring_cycle`))
      cycle[row.code] = row.id;
    readers.editorRs = await signIn(api, 'editor.rs@demo.example');
    readers.viewerAl = await signIn(api, 'viewer.al@demo.example');
    readers.reviewer = await signIn(api, 'reviewer@demo.example');
    readers.anonymous = {};
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function list(variables: Record<string, unknown>, headers: Headers, query = LIST) {
    const res = await api.query(query, variables, headers);
    expect(res.errors).toBeUndefined();
    return { nodes: res.data!.assessments.nodes as Node[], statements: res.statements };
  }

  /** Each assessment's evidence as `assessment(id)` gives it (twenty to a request, within the query limits). */
  async function oneByOne(ids: string[], window: Record<string, unknown>, headers: Headers) {
    const pages: unknown[] = [];
    for (let start = 0; start < ids.length; start += 20) {
      const chunk = ids.slice(start, start + 20);
      const variables = Object.fromEntries(chunk.map((id, i) => [`id${i}`, id]));
      const res = await api.query(oneByOneQuery(chunk.length), { ...variables, ...window }, headers);
      expect(res.errors).toBeUndefined();
      pages.push(...chunk.map((_, i) => res.data![`a${i}`].evidence));
    }
    return pages;
  }

  it.each([
    ['a partner editor, own country', 'editorRs', '2025', 'RS'],
    ['a partner viewer, another country', 'viewerAl', '2025', 'RS'],
    ['the reviewer, every country', 'reviewer', '2025', null],
    ['an anonymous reader, a published cycle', 'anonymous', '2024', null],
  ])('%s: the same evidence as read assessment by assessment', async (_who, reader, code, country) => {
    const headers = readers[reader];
    for (const window of [{ first: 20 }, { first: 1 }, { first: 1, after: 'bzow' }]) {
      const { nodes, statements } = await list(
        { cycleId: cycle[code], countryCode: country, ...window },
        headers,
      );
      expect(nodes.length).toBeGreaterThan(0);
      // Sign-in (none when anonymous), one statement for the assessments with their evidence, one for the
      // evidence's countries.
      expect(statements).toBe(reader === 'anonymous' ? 2 : 3);
      const expected = await oneByOne(
        nodes.map((n) => n.id),
        window,
        headers,
      );
      expect(nodes.map((n) => n.evidence)).toEqual(expected);
    }
  });

  it('hides evidence a reader may not see, as the loader does', async () => {
    const internal: Array<{ assessment_id: string; country_code: string }> = await db.dataSource.query(
      `SELECT e.assessment_id, e.country_code FROM evidence e JOIN assessment a ON a.id = e.assessment_id
       WHERE e.confidentiality = 'INTERNAL' AND a.cycle_id = $1 AND a.status IN ('APPROVED', 'PUBLISHED')
       LIMIT 1`,
      [cycle['2025']],
    );
    expect(internal).toHaveLength(1);
    const { assessment_id: id, country_code: country } = internal[0];
    const other = country === 'AL' ? readers.editorRs : readers.viewerAl;
    const { nodes } = await list({ cycleId: cycle['2025'], countryCode: country, first: 20 }, other);
    const node = nodes.find((n) => n.id === id) as {
      evidence: { nodes: Array<{ confidentiality: string }> };
    };
    expect(node).toBeDefined();
    expect(node.evidence.nodes.map((e) => e.confidentiality)).not.toContain('INTERNAL');
    expect([node.evidence]).toEqual(await oneByOne([id], { first: 20 }, other));
  });

  it('reaches the evidence through edges, fragments and aliases', async () => {
    const query = `query List($cycleId: ID!) {
      assessments(cycleId: $cycleId, countryCode: "RS", first: 100) {
        edges { node { ...WithEvidence } }
        nodes { id also: evidence(first: 5) { totalCount nodes { id } } }
      }
    }
    fragment WithEvidence on Assessment { id ... on Assessment { evidence(first: 5) { totalCount nodes { id title } } } }`;
    const res = await api.query(query, { cycleId: cycle['2025'] }, readers.editorRs);
    expect(res.errors).toBeUndefined();
    expect(res.statements).toBe(2);
    const { edges, nodes } = res.data!.assessments;
    const ids = nodes.map((n: Node) => n.id);
    const expected = (await oneByOne(ids, { first: 5 }, readers.editorRs)) as Array<{
      totalCount: number;
      nodes: Array<{ id: string; title: string }>;
    }>;
    expect(edges.map((e: { node: Node }) => e.node.evidence)).toEqual(
      expected.map((page) => ({
        totalCount: page.totalCount,
        nodes: page.nodes.map(({ id, title }) => ({ id, title })),
      })),
    );
    expect(nodes.map((n: { also: unknown }) => n.also)).toEqual(
      expected.map((page) => ({ totalCount: page.totalCount, nodes: page.nodes.map(({ id }) => ({ id })) })),
    );
  });

  it('loads each window on its own when the nodes ask for evidence in two windows', async () => {
    const query = `query List($cycleId: ID!) {
      assessments(cycleId: $cycleId, countryCode: "RS", first: 100) {
        nodes { id first: evidence(first: 1) { nodes { id } } rest: evidence(first: 5, after: "bzow") { nodes { id } } }
      }
    }`;
    const res = await api.query(query, { cycleId: cycle['2025'] }, readers.editorRs);
    expect(res.errors).toBeUndefined();
    expect(res.statements).toBe(4);
    const nodes = res.data!.assessments.nodes as Array<{ id: string; first: unknown; rest: unknown }>;
    const ids = nodes.map((n) => n.id);
    const strip = (pages: unknown[]) =>
      (pages as Array<{ nodes: Array<{ id: string }> }>).map((p) => ({
        nodes: p.nodes.map(({ id }) => ({ id })),
      }));
    expect(nodes.map((n) => n.first)).toEqual(strip(await oneByOne(ids, { first: 1 }, readers.editorRs)));
    expect(nodes.map((n) => n.rest)).toEqual(
      strip(await oneByOne(ids, { first: 5, after: 'bzow' }, readers.editorRs)),
    );
  });

  it('fetches no evidence when the field is skipped, and refuses a bad window where it is asked', async () => {
    const skipped = await api.query(
      `query List($cycleId: ID!, $skip: Boolean!) {
        assessments(cycleId: $cycleId, countryCode: "RS", first: 100) {
          nodes { id evidence(first: 500) @skip(if: $skip) { totalCount } }
        }
      }`,
      { cycleId: cycle['2025'], skip: true },
      readers.editorRs,
    );
    expect(skipped.errors).toBeUndefined();
    expect(skipped.data!.assessments.nodes[0]).toEqual({ id: expect.any(String) });

    const refused = await api.query(
      `query List($cycleId: ID!) {
        assessments(cycleId: $cycleId, countryCode: "RS", first: 2) { nodes { id evidence(first: 500) { totalCount } } }
      }`,
      { cycleId: cycle['2025'] },
      readers.editorRs,
    );
    expect(refused.errors?.[0]).toMatchObject({
      path: ['assessments', 'nodes', 0, 'evidence'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(new Set(refused.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('reads only what is asked of evidence and indicators, and the rest of the request still gets them whole', async () => {
    // Each assessment's indicator is read twice: with its code only, on the node; and whole, later in the
    // request, through its evidence's assessment, loaded on its own.
    const query = `query List($cycleId: ID!) {
      assessments(cycleId: $cycleId, countryCode: "RS", first: 100) {
        nodes {
          indicator { code }
          evidence(first: 1) { nodes { title assessment { indicator { code guidance { text } } } } }
        }
      }
    }`;
    const res = await api.query(query, { cycleId: cycle['2025'] }, readers.editorRs);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.assessments.nodes as Array<{
      indicator: { code: string };
      evidence: {
        nodes: Array<{
          title: string;
          assessment: { indicator: { code: string; guidance: { text: string } } };
        }>;
      };
    }>;
    const withEvidence = nodes.filter((n) => n.evidence.nodes.length > 0);
    expect(withEvidence.length).toBeGreaterThan(10);
    for (const node of withEvidence) {
      const [evidence] = node.evidence.nodes;
      expect(evidence.title).toMatch(/\S/);
      expect(evidence.assessment.indicator.code).toBe(node.indicator.code);
      expect(evidence.assessment.indicator.guidance.text).toMatch(/\S/);
    }
  });

  it('keeps answering after a migration adds a column to a table its prepared statements read', async () => {
    const variables = { cycleId: cycle['2025'], countryCode: 'RS', first: 20 };
    const before = await list(variables, readers.editorRs);
    await db.dataSource.query(`ALTER TABLE evidence ADD COLUMN later_column integer`);
    await db.dataSource.query(`ALTER TABLE assessment ADD COLUMN later_column integer`);
    try {
      for (let i = 0; i < 6; i += 1) expect(await list(variables, readers.editorRs)).toEqual(before);
    } finally {
      await db.dataSource.query(`ALTER TABLE evidence DROP COLUMN later_column`);
      await db.dataSource.query(`ALTER TABLE assessment DROP COLUMN later_column`);
    }
  });
});
