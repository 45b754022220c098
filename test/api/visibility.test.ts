import { createTestDatabase, type TestDatabase } from '../support/database';
import { signIn, startTestServer, type TestServer } from '../support/server';

/** What each role reads: drafts, other countries, evidence by confidentiality, comments and e-mail addresses. */
describe('read visibility per role', () => {
  let db: TestDatabase;
  let api: TestServer;
  let cycle2025: string;
  const as: Record<string, Record<string, string>> = { anonymous: {} };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const who of ['viewer.rs', 'editor.rs', 'lead.rs', 'viewer.al', 'reviewer', 'framework', 'admin']) {
      as[who] = await signIn(api, `${who}@demo.example`);
    }
    [{ id: cycle2025 }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function statusCounts(
    who: string,
    country: string,
    cycleCode: string,
  ): Promise<Record<string, number>> {
    const res = await api.query(
      `query($code: String!, $country: String) { cycle(code: $code) { assessments(countryCode: $country, first: 100) { nodes { status country { code } } } } }`,
      { code: cycleCode, country },
      as[who],
    );
    expect(res.errors).toBeUndefined();
    const counts: Record<string, number> = {};
    for (const node of res.data!.cycle.assessments.nodes) {
      expect(node.country.code).toBe(country);
      counts[node.status] = (counts[node.status] ?? 0) + 1;
    }
    return counts;
  }

  async function expected(country: string, statuses: string[]): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: number }> = await db.dataSource.query(
      `SELECT status, count(*)::int AS n FROM assessment WHERE country_code = $1 AND cycle_id = $2 AND status = ANY($3) GROUP BY status`,
      [country, cycle2025, statuses],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  const ALL = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED'];

  it.each([
    ['viewer.rs', 'RS', ALL],
    ['editor.rs', 'RS', ALL],
    ['lead.rs', 'RS', ALL],
    ['viewer.al', 'RS', ['APPROVED', 'PUBLISHED']],
    ['viewer.rs', 'AL', ['APPROVED', 'PUBLISHED']],
    ['reviewer', 'RS', ['SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED']],
    ['admin', 'RS', ALL],
    ['framework', 'RS', []],
    ['anonymous', 'RS', []],
  ])('%s reads these statuses of %s in the open 2025 cycle', async (who, country, statuses) => {
    expect(await statusCounts(who, country, '2025')).toEqual(await expected(country, statuses));
  });

  it('gives everyone the published 2024 results', async () => {
    for (const who of ['anonymous', 'framework', 'viewer.al', 'reviewer']) {
      const counts = await statusCounts(who, 'RS', '2024');
      expect(Object.keys(counts)).toEqual(['PUBLISHED']);
      expect(counts.PUBLISHED).toBeGreaterThanOrEqual(40);
    }
  });

  it('answers null, as for a missing one, for a draft asked for by id by someone who may not read it', async () => {
    const [draft] = await db.dataSource.query(
      `SELECT id FROM assessment WHERE country_code = 'RS' AND status = 'DRAFT' LIMIT 1`,
    );
    for (const who of ['anonymous', 'viewer.al', 'reviewer', 'framework']) {
      const res = await api.query(
        `query($id: ID!) { assessment(id: $id) { id } }`,
        { id: draft.id },
        as[who],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.assessment).toBeNull();
    }
    const own = await api.query(
      `query($id: ID!) { assessment(id: $id) { id } }`,
      { id: draft.id },
      as['viewer.rs'],
    );
    expect(own.data!.assessment.id).toBe(draft.id);
  });

  describe('evidence by confidentiality', () => {
    let assessmentId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      // A published RS assessment with one piece of evidence of each confidentiality.
      [{ id: assessmentId }] = await db.dataSource.query(
        `SELECT a.id FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE c.code = '2024' AND a.country_code = 'RS' ORDER BY a.id LIMIT 1`,
      );
      for (const level of ['PUBLIC', 'PARTNERS', 'INTERNAL']) {
        [{ id: ids[level] }] = await db.dataSource.query(
          `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
           VALUES ($1, 'RS', 'INTERVIEW', $2, 'sr-Latn', 'MEDIUM', $3) RETURNING id`,
          [assessmentId, `Probe ${level}`, level],
        );
      }
    });

    async function probes(who: string): Promise<string[]> {
      const res = await api.query(
        `query($id: ID!) { assessment(id: $id) { evidence(first: 100) { nodes { title } } } }`,
        { id: assessmentId },
        as[who],
      );
      return res
        .data!.assessment.evidence.nodes.map((n: { title: string }) => n.title)
        .filter((t: string) => t.startsWith('Probe'))
        .sort();
    }

    it.each([
      ['anonymous', ['Probe PUBLIC']],
      ['framework', ['Probe PUBLIC']],
      ['viewer.al', ['Probe PARTNERS', 'Probe PUBLIC']],
      ['viewer.rs', ['Probe INTERNAL', 'Probe PARTNERS', 'Probe PUBLIC']],
      ['reviewer', ['Probe INTERNAL', 'Probe PARTNERS', 'Probe PUBLIC']],
      ['admin', ['Probe INTERNAL', 'Probe PARTNERS', 'Probe PUBLIC']],
    ])('%s sees %j in the list', async (who, titles) => {
      expect(await probes(who)).toEqual(titles);
    });

    it('answers null, as for missing evidence, when hidden evidence is asked for by id', async () => {
      const hidden = await api.query(
        `query($id: ID!) { evidence(id: $id) { title } }`,
        { id: ids.INTERNAL },
        as['viewer.al'],
      );
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data!.evidence).toBeNull();
      const partners = await api.query(
        `query($id: ID!) { evidence(id: $id) { title } }`,
        { id: ids.PARTNERS },
        as.anonymous,
      );
      expect(partners.errors).toBeUndefined();
      expect(partners.data!.evidence).toBeNull();
      const visible = await api.query(
        `query($id: ID!) { evidence(id: $id) { title } }`,
        { id: ids.INTERNAL },
        as['viewer.rs'],
      );
      expect(visible.data!.evidence.title).toBe('Probe INTERNAL');
    });
  });

  describe('comments', () => {
    let rsId: string;

    beforeAll(async () => {
      [{ assessment_id: rsId }] = await db.dataSource.query(
        `SELECT rc.assessment_id FROM review_comment rc JOIN assessment a ON a.id = rc.assessment_id
         WHERE rc.country_code = 'RS' AND a.status = 'APPROVED' LIMIT 1`,
      );
    });

    const query = `query($id: ID!) { assessment(id: $id) { comments { totalCount } } }`;

    it('shows them to the country’s partner, the reviewer and admins', async () => {
      for (const who of ['viewer.rs', 'editor.rs', 'reviewer', 'admin']) {
        const res = await api.query(query, { id: rsId }, as[who]);
        expect(res.data!.assessment.comments.totalCount).toBeGreaterThan(0);
      }
    });

    it('hides them from other partners and refuses them to anonymous readers', async () => {
      const other = await api.query(query, { id: rsId }, as['viewer.al']);
      expect(other.data!.assessment.comments.totalCount).toBe(0);
      const [published] = await db.dataSource.query(
        `SELECT a.id FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE c.code = '2024' LIMIT 1`,
      );
      const anonymous = await api.query(query, { id: published.id });
      expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('e-mail addresses', () => {
    const members = `{ organisations(first: 100) { nodes { shortName members(first: 100) { nodes { email displayName } } } } }`;

    async function emails(who: string): Promise<Record<string, Array<string | null>>> {
      const res = await api.query(members, {}, as[who]);
      expect(res.errors).toBeUndefined();
      return Object.fromEntries(
        res.data!.organisations.nodes.map((o: any) => [
          o.shortName,
          o.members.nodes.map((m: { email: string | null }) => m.email),
        ]),
      );
    }

    it('shows a user its own address, a lead its organisation’s, an admin all', async () => {
      const viewer = await emails('viewer.rs');
      expect(viewer.ASTRA.filter(Boolean)).toEqual(['viewer.rs@demo.example']);
      expect(viewer.CLCI.every((e) => e === null)).toBe(true);
      const lead = await emails('lead.rs');
      expect(lead.ASTRA.every((e) => e !== null)).toBe(true);
      expect(lead.CLCI.every((e) => e === null)).toBe(true);
      const admin = await emails('admin');
      expect(
        Object.values(admin)
          .flat()
          .every((e) => e !== null),
      ).toBe(true);
      const reviewer = await emails('reviewer');
      expect(reviewer.ASTRA.every((e) => e === null)).toBe(true);
    });

    it('gives anonymous readers no members and no addresses', async () => {
      const res = await api.query(members);
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      const names = await api.query(`{ organisations { nodes { shortName name } } }`);
      expect(names.data!.organisations.nodes.length).toBe(7);
    });
  });
});
