import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

interface SearchPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<{ kind: string; id: string }>;
}

const MARKER = 'kvarcit';

const SEARCH = `query($query: String!, $kinds: [SearchKind!], $cycleId: ID, $after: String) {
  search(query: $query, kinds: $kinds, cycleId: $cycleId, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { kind id }
  }
}`;

const LIST = `query($cycleId: ID!, $countryCode: String!) {
  assessments(cycleId: $cycleId, countryCode: $countryCode, first: 100) {
    nodes { id evidence(first: 100) { nodes { id title } } }
  }
}`;

const LIST_WITH_COMMENTS = `query($cycleId: ID!, $countryCode: String!) {
  assessments(cycleId: $cycleId, countryCode: $countryCode, first: 100) {
    nodes { id evidence(first: 100) { nodes { id title } } comments(first: 100) { nodes { id body } } }
  }
}`;

const RECOMMENDATIONS = `query($cycleId: ID, $after: String) {
  recommendations(cycleId: $cycleId, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor } nodes { id text { text } }
  }
}`;

const INDICATORS = `query($after: String) {
  indicators(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } }
}`;

/**
 * For each kind of caller, search finds exactly what the lists of the same things show it, and its total counts
 * that and nothing else: drafts of other countries, confidential evidence and comments stay hidden.
 */
describe('search under the read rules of the lists', () => {
  let db: TestDatabase;
  let api: TestServer;
  const as: Record<string, Record<string, string>> = { anonymous: {} };
  let cycles: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const who of ['viewer.rs', 'editor.al', 'lead.rs', 'reviewer', 'framework', 'admin']) {
      as[who] = await signIn(api, `${who}@demo.example`);
    }
    const key = await api.query(
      `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key } }`,
      { input: { name: 'Search probe' } },
      as['lead.rs'],
    );
    as['api key of RS'] = { authorization: `Bearer ${key.data!.apiKeyCreate.key}` };
    cycles = (await db.dataSource.query(`SELECT id FROM monitoring_cycle ORDER BY code`)).map(
      (row: { id: string }) => row.id,
    );
    const ds = db.dataSource;
    // The marker in every narrative of two countries, every indicator's guidance, and, on one assessment of each
    // status, country and cycle, in evidence of each confidentiality and in a comment.
    await ds.query(
      `UPDATE assessment SET narrative = coalesce(narrative, '{}'::jsonb)
         || jsonb_build_object('en', coalesce(narrative->>'en', 'Findings') || ' ${MARKER}')
       WHERE country_code IN ('RS', 'AL')`,
    );
    // Indicators of a version in use never change: two new versions, one published and one draft, hold one each.
    const [{ id: framework }] = await ds.query(`SELECT id FROM framework LIMIT 1`);
    for (const label of ['probe-published', 'probe-draft']) {
      const [{ id: version }] = await ds.query(
        `INSERT INTO framework_version (framework_id, label, status) VALUES ($1, $2, 'DRAFT') RETURNING id`,
        [framework, label],
      );
      const text = { en: `Probe ${label}` };
      const [{ id: area }] = await ds.query(
        `INSERT INTO area (framework_version_id, code, pillar, title, description, position)
         VALUES ($1, 'P', 'PREVENTION', $2, $2, 0) RETURNING id`,
        [version, text],
      );
      await ds.query(
        `INSERT INTO indicator (framework_version_id, area_id, code, type, answer_type, title, guidance,
           means_of_verification, position)
         VALUES ($1, $2, 'P.1', 'STRUCTURAL', 'SCORE', $3, $4, $3, 0)`,
        [version, area, text, { en: 'Guidance', sq: `Udhëzim ${MARKER}` }],
      );
      if (label === 'probe-published')
        await ds.query(
          `UPDATE framework_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
          [version],
        );
    }
    const sample: Array<{ id: string; country_code: string }> = await ds.query(
      `SELECT DISTINCT ON (country_code, cycle_id, status) id, country_code FROM assessment
       WHERE country_code IN ('RS', 'AL') ORDER BY country_code, cycle_id, status, id`,
    );
    expect(sample.length).toBeGreaterThan(6);
    const [{ id: reviewer }] = await ds.query(
      `SELECT id FROM app_user WHERE email = 'reviewer@demo.example'`,
    );
    for (const { id, country_code } of sample) {
      for (const level of ['PUBLIC', 'PARTNERS', 'INTERNAL']) {
        await ds.query(
          `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
           VALUES ($1, $2, 'REPORT', $3, 'en', 'MEDIUM', $4)`,
          [id, country_code, `${MARKER} ${level}`, level],
        );
      }
      await ds.query(
        `INSERT INTO review_comment (assessment_id, country_code, author_id, body) VALUES ($1, $2, $3, $4)`,
        [id, country_code, reviewer, `Please check ${MARKER}`],
      );
    }
    // The marker in the recommendations of two countries, and two more recommendations: one whose only
    // follow-up is approved (partners read it, the public does not) and one whose only follow-up is a draft
    // (its country, the reviewer and admins read it).
    await ds.query(
      `UPDATE recommendation SET text = text || jsonb_build_object('en', (text->>'en') || ' ${MARKER}')
       WHERE country_code IN ('RS', 'AL')`,
    );
    for (const [countryCode, status] of [
      ['RS', 'APPROVED'],
      ['AL', 'DRAFT'],
    ]) {
      await ds.query(
        `WITH r AS (
           INSERT INTO recommendation (country_code, source_id, source_body, reference, text)
           SELECT country_code, source_id, source_body, 'para. 9001', $2
           FROM recommendation WHERE country_code = $1 LIMIT 1 RETURNING id, country_code)
         INSERT INTO recommendation_follow_up (recommendation_id, country_code, cycle_id, implementation_status,
           status)
         SELECT r.id, r.country_code, $4, 'IN_PROGRESS', $3 FROM r`,
        [countryCode, { en: `Probe ${status} ${MARKER}` }, status, cycles[0]],
      );
    }
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function searchAll(
    who: string,
    kinds: string[],
    narrow: { cycleId?: string } = {},
  ): Promise<{ ids: string[]; total: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const res: GraphQLResponse = await api.query(
        SEARCH,
        { query: MARKER, kinds, after, ...narrow },
        as[who],
      );
      expect(res.errors).toBeUndefined();
      const page: SearchPage = (res.data as { search: SearchPage }).search;
      total = page.totalCount;
      for (const hit of page.nodes) {
        expect(kinds).toContain(hit.kind);
        ids.push(hit.id);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { ids: ids.sort(), total };
  }

  async function listedRecommendations(who: string, cycleId: string | null): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<Record<string, any>> = await api.query(
        RECOMMENDATIONS,
        { cycleId, after },
        as[who],
      );
      expect(res.errors).toBeUndefined();
      for (const node of res.data!.recommendations.nodes)
        if (node.text.text.includes(MARKER)) ids.push(node.id);
      if (!res.data!.recommendations.pageInfo.hasNextPage) break;
      after = res.data!.recommendations.pageInfo.endCursor;
    }
    return ids.sort();
  }

  async function listed(who: string) {
    const marked = new Set<string>(
      (await db.dataSource.query(`SELECT id FROM indicator WHERE guidance->>'sq' LIKE '%${MARKER}%'`)).map(
        (row: { id: string }) => row.id,
      ),
    );
    const assessments: string[] = [];
    const evidence: string[] = [];
    const comments: string[] = [];
    const people = who !== 'anonymous' && who !== 'api key of RS';
    for (const cycleId of cycles) {
      for (const countryCode of ['RS', 'AL']) {
        const res = await api.query(people ? LIST_WITH_COMMENTS : LIST, { cycleId, countryCode }, as[who]);
        expect(res.errors).toBeUndefined();
        for (const node of res.data!.assessments.nodes) {
          assessments.push(node.id);
          for (const e of node.evidence.nodes) if (e.title.includes(MARKER)) evidence.push(e.id);
          for (const c of node.comments?.nodes ?? []) if (c.body.includes(MARKER)) comments.push(c.id);
        }
      }
    }
    const indicators: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<Record<string, any>> = await api.query(INDICATORS, { after }, as[who]);
      expect(res.errors).toBeUndefined();
      for (const node of res.data!.indicators.nodes) if (marked.has(node.id)) indicators.push(node.id);
      if (!res.data!.indicators.pageInfo.hasNextPage) break;
      after = res.data!.indicators.pageInfo.endCursor;
    }
    return {
      RECOMMENDATION: await listedRecommendations(who, null),
      ASSESSMENT: assessments.sort(),
      EVIDENCE: evidence.sort(),
      REVIEW_COMMENT: comments.sort(),
      INDICATOR: indicators.sort(),
    };
  }

  it.each([
    'anonymous',
    'api key of RS',
    'viewer.rs',
    'editor.al',
    'lead.rs',
    'reviewer',
    'framework',
    'admin',
  ])('%s finds exactly what its lists show, and a total of that', async (who) => {
    const lists = await listed(who);
    for (const kind of ['ASSESSMENT', 'EVIDENCE', 'REVIEW_COMMENT', 'INDICATOR', 'RECOMMENDATION'] as const) {
      const found = await searchAll(who, [kind]);
      expect({ kind, ids: found.ids }).toEqual({ kind, ids: lists[kind] });
      expect(found.total).toBe(lists[kind].length);
    }
    const everything = await searchAll(who, [
      'ASSESSMENT',
      'EVIDENCE',
      'REVIEW_COMMENT',
      'INDICATOR',
      'RECOMMENDATION',
    ]);
    expect(everything.total).toBe(Object.values(lists).reduce((sum, ids) => sum + ids.length, 0));
    // Narrowed to a cycle, recommendations are those the list gives for that cycle.
    for (const cycleId of cycles) {
      const inCycle = await listedRecommendations(who, cycleId);
      const found = await searchAll(who, ['RECOMMENDATION'], { cycleId });
      expect({ cycleId, ids: found.ids }).toEqual({ cycleId, ids: inCycle });
      expect(found.total).toBe(inCycle.length);
    }
  });

  it('hides what some callers may not read, and counts none of it', async () => {
    const anonymous = await listed('anonymous');
    const admin = await listed('admin');
    // The public reads published results with public evidence only; no comments.
    expect(anonymous.ASSESSMENT.length).toBeGreaterThan(0);
    expect(anonymous.ASSESSMENT.length).toBeLessThan(admin.ASSESSMENT.length);
    expect(anonymous.EVIDENCE.length).toBeLessThan(admin.EVIDENCE.length);
    expect(anonymous.REVIEW_COMMENT).toEqual([]);
    // The public reads recommendations through their published follow-ups only; partners also through
    // approved ones; a draft follow-up's recommendation is its country's.
    const probes = async (who: string) => {
      const res = await api.query(SEARCH, { query: `probe ${MARKER}`, kinds: ['RECOMMENDATION'] }, as[who]);
      expect(res.errors).toBeUndefined();
      return res.data!.search.totalCount;
    };
    expect(await probes('anonymous')).toBe(0);
    expect(await probes('viewer.rs')).toBe(1);
    expect(await probes('editor.al')).toBe(2);
    expect(await probes('admin')).toBe(2);
    expect(anonymous.RECOMMENDATION.length).toBeGreaterThan(0);
    expect(anonymous.RECOMMENDATION.length).toBeLessThan(admin.RECOMMENDATION.length);
    expect(admin.REVIEW_COMMENT.length).toBeGreaterThan(0);
    // A draft framework version's indicators are for framework editors and admins only.
    expect(anonymous.INDICATOR).toHaveLength(1);
    expect(admin.INDICATOR).toHaveLength(2);
    expect((await listed('framework')).INDICATOR).toHaveLength(2);
    const internal = await api.query(SEARCH, { query: `${MARKER} internal`, kinds: ['EVIDENCE'] }, {});
    expect(internal.data!.search.totalCount).toBe(0);
    const own = await api.query(SEARCH, { query: `${MARKER} internal`, kinds: ['EVIDENCE'] }, as['lead.rs']);
    const other = await api.query(
      SEARCH,
      { query: `${MARKER} internal`, kinds: ['EVIDENCE'] },
      as['editor.al'],
    );
    expect(own.data!.search.totalCount).toBeGreaterThan(0);
    const rsInternal = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE title = $1 AND country_code = 'RS'`,
      [`${MARKER} INTERNAL`],
    );
    expect(own.data!.search.totalCount).toBe(rsInternal[0].n);
    expect(other.data!.search.totalCount).toBeLessThan(
      (
        await db.dataSource.query(`SELECT count(*)::int AS n FROM evidence WHERE title = $1`, [
          `${MARKER} INTERNAL`,
        ])
      )[0].n,
    );
  });
});
