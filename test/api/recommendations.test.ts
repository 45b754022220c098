import fs from 'node:fs';
import path from 'node:path';
import { LOCALE_TAGS } from '../../src/common/i18n';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { signIn, startTestServer, type TestServer } from '../support/server';

/**
 * The recommendations register end to end over HTTP: the demo register, who reads what, the follow-up's review
 * workflow up to publication, and the cross-country comparison, checked against the database.
 */

const ALL_LOCALES = LOCALE_TAGS.map((tag) => ({
  locale: tag.toUpperCase().replace('-', '_'),
  text: `Recommendation text in ${tag}: 3 measures, 2025-06-30`,
}));

describe('recommendations register', () => {
  let db: TestDatabase;
  let api: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const cycle: Record<string, string> = {};
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    as.public = {};
    for (const name of ['lead.rs', 'editor.rs', 'editor.al', 'viewer.me', 'reviewer', 'admin'])
      as[name] = await signIn(api, `${name}@demo.example`);
    for (const row of await sql(`SELECT id, code FROM monitoring_cycle`)) cycle[row.code] = row.id;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function ok<T = any>(query: string, variables: Record<string, unknown>, who: string): Promise<T> {
    const res = await api.query(query, variables, as[who]);
    expect(res.errors).toBeUndefined();
    return res.data as T;
  }

  const LIST = `query($country: String, $body: SourceBody, $standardId: ID, $indicatorId: ID, $status: ImplementationStatus, $cycleId: ID, $first: Int) {
    recommendations(countryCode: $country, sourceBody: $body, standardId: $standardId, indicatorId: $indicatorId,
      status: $status, cycleId: $cycleId, first: $first) {
      totalCount
      nodes { id reference strength sourceBody text { text isFallback } country { code }
        source { body year countryCode title { text } }
        standards { reference } indicators { code }
        followUps { implementationStatus status cycle { code } evidence { id } }
        trend } } }`;

  describe('the demo register', () => {
    it('gives every country several sources, a dozen recommendations and follow-ups in both cycles, marked illustrative', async () => {
      const perCountry = await sql(
        `SELECT r.country_code, count(*)::int AS recommendations, count(DISTINCT r.source_id)::int AS sources,
           count(DISTINCT r.source_body)::int AS bodies,
           (SELECT count(DISTINCT f.cycle_id)::int FROM recommendation_follow_up f WHERE f.country_code = r.country_code) AS cycles
         FROM recommendation r GROUP BY r.country_code ORDER BY 1`,
      );
      expect(perCountry.map((r: { country_code: string }) => r.country_code)).toEqual([
        'AL',
        'BA',
        'ME',
        'MK',
        'RS',
      ]);
      for (const row of perCountry) {
        expect(row.recommendations).toBe(12);
        expect(row.sources).toBeGreaterThanOrEqual(3);
        expect(row.bodies).toBeGreaterThanOrEqual(3);
        expect(row.cycles).toBe(2);
      }
      const unmarked = await sql(
        `SELECT count(*)::int AS n FROM recommendation WHERE text->>'en' NOT LIKE '%Illustrative paraphrase%'`,
      );
      expect(unmarked[0].n).toBe(0);
      const sources = await sql(`SELECT title->>'en' AS title, url FROM recommendation_source`);
      for (const s of sources) {
        expect(s.title).toMatch(/illustrative demo entry, not a real report/);
        expect(s.url).toBeNull();
      }
      const strengths = await sql(
        `SELECT source_body, count(strength)::int AS n FROM recommendation GROUP BY 1 ORDER BY 1`,
      );
      for (const row of strengths) expect(row.n > 0).toBe(row.source_body === 'GRETA');
    });
  });

  it('answers the read examples of docs/recommendations.md on the demo data, for anyone', async () => {
    const page = fs.readFileSync(path.join(__dirname, '../../docs/recommendations.md'), 'utf8');
    const reads = [...page.matchAll(/```graphql\n([\s\S]*?)```/g)]
      .map((match) => match[1])
      .filter((text) => !/^\s*mutation/m.test(text));
    expect(reads.length).toBeGreaterThanOrEqual(4);
    for (const text of reads) {
      const res = await api.query(text, {}, as.public);
      expect({ text, errors: res.errors }).toEqual({ text, errors: undefined });
      const [value] = Object.values(res.data ?? {}) as any[];
      expect(value).toBeTruthy();
      expect(JSON.stringify(value)).toMatch(/RS|GRETA|PROT|"code"/);
    }
    const greta = await api.query(reads[0], {}, as.public);
    expect(greta.data!.recommendations.totalCount).toBeGreaterThan(0);
  });

  describe('who reads what', () => {
    it('shows the public only recommendations with a published follow-up, and only published follow-ups', async () => {
      const data = await ok(LIST, { first: 100 }, 'public');
      const expected = await sql(
        `SELECT count(DISTINCT f.recommendation_id)::int AS n FROM recommendation_follow_up f
         JOIN monitoring_cycle c ON c.id = f.cycle_id WHERE f.status = 'PUBLISHED' AND c.status = 'PUBLISHED'`,
      );
      expect(data.recommendations.totalCount).toBe(expected[0].n);
      expect(data.recommendations.totalCount).toBeGreaterThan(20);
      for (const node of data.recommendations.nodes) {
        expect(node.followUps.length).toBeGreaterThan(0);
        for (const f of node.followUps) {
          expect(f.status).toBe('PUBLISHED');
          expect(f.cycle.code).toBe('2024');
        }
        expect(node.text.text).toMatch(/Illustrative/);
      }
    });

    it('shows a partner all of its own country and the approved or published work of others; the reviewer no drafts', async () => {
      const own = await ok(LIST, { country: 'RS', first: 100 }, 'editor.rs');
      expect(own.recommendations.totalCount).toBe(12);
      const statuses = own.recommendations.nodes.flatMap((n: any) => n.followUps.map((f: any) => f.status));
      expect(statuses).toContain('DRAFT');
      const other = await ok(LIST, { country: 'AL', first: 100 }, 'editor.rs');
      for (const node of other.recommendations.nodes)
        for (const f of node.followUps) expect(['APPROVED', 'PUBLISHED']).toContain(f.status);
      const reviewer = await ok(LIST, { first: 100 }, 'reviewer');
      expect(reviewer.recommendations.totalCount).toBe(60);
      for (const node of reviewer.recommendations.nodes)
        for (const f of node.followUps) expect(f.status).not.toBe('DRAFT');
    });

    it('narrows by body, standard, indicator, status and cycle, as the database counts them', async () => {
      const greta = await ok(LIST, { body: 'GRETA', first: 100 }, 'reviewer');
      expect(greta.recommendations.nodes.every((n: any) => n.sourceBody === 'GRETA' && n.strength)).toBe(
        true,
      );
      const [art10] = await sql(
        `SELECT id FROM standard WHERE instrument = 'COE_CONVENTION' AND reference = 'Art. 10'`,
      );
      const byStandard = await ok(LIST, { standardId: art10.id, first: 100 }, 'reviewer');
      expect(byStandard.recommendations.totalCount).toBe(15);
      for (const n of byStandard.recommendations.nodes)
        expect(n.standards.map((s: any) => s.reference)).toContain('Art. 10');
      const [indicator] = await sql(
        `SELECT i.id FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
         WHERE c.code = '2025' AND i.code = 'PROT-1.2'`,
      );
      const byIndicator = await ok(LIST, { indicatorId: indicator.id, first: 100 }, 'reviewer');
      expect(byIndicator.recommendations.totalCount).toBe(5);
      const [counted] = await sql(
        `SELECT count(*)::int AS n FROM recommendation_follow_up WHERE cycle_id = $1 AND implementation_status = 'IMPLEMENTED'
           AND status <> 'DRAFT'`,
        [cycle['2025']],
      );
      const implemented = await ok(
        LIST,
        { status: 'IMPLEMENTED', cycleId: cycle['2025'], first: 100 },
        'reviewer',
      );
      expect(implemented.recommendations.totalCount).toBe(counted.n);
      for (const n of implemented.recommendations.nodes)
        expect(n.followUps.find((f: any) => f.cycle.code === '2025').implementationStatus).toBe(
          'IMPLEMENTED',
        );
    });

    it('links recommendations from indicators, standards and assessments of the same country', async () => {
      const [a] = await sql(
        `SELECT a.id, i.code FROM assessment a JOIN indicator i ON i.id = a.indicator_id
         JOIN recommendation_indicator ri ON ri.indicator_id = i.id AND ri.country_code = a.country_code
         WHERE a.country_code = 'ME' AND a.status <> 'DRAFT' ORDER BY a.id LIMIT 1`,
      );
      const data = await ok(
        `query($id: ID!) { assessment(id: $id) { recommendations { totalCount nodes { country { code } indicators { code } } }
           indicator { recommendations(first: 10) { totalCount } standards { reference recommendations { totalCount } } } } }`,
        { id: a.id },
        'reviewer',
      );
      const linked = data.assessment.recommendations;
      expect(linked.totalCount).toBe(1);
      expect(linked.nodes[0].country.code).toBe('ME');
      expect(linked.nodes[0].indicators.map((i: any) => i.code)).toContain(a.code);
      expect(data.assessment.indicator.recommendations.totalCount).toBe(5);
    });

    it('hides the reviewer’s note from other countries’ partners and refuses it to the public', async () => {
      const [f] = await sql(
        `SELECT f.recommendation_id FROM recommendation_follow_up f WHERE f.status = 'CHANGES_REQUESTED' AND f.country_code = 'RS'
           AND EXISTS (SELECT 1 FROM recommendation_follow_up p WHERE p.recommendation_id = f.recommendation_id AND p.status = 'PUBLISHED')
         ORDER BY f.id LIMIT 1`,
      );
      const q = `query($id: ID!) { recommendation(id: $id) { followUps { status reviewNote } } }`;
      const own = await ok(q, { id: f.recommendation_id }, 'lead.rs');
      expect(own.recommendation.followUps.map((x: any) => x.reviewNote)).toContain(
        'Please name the by-law and its date (demo note).',
      );
      const other = await ok(q, { id: f.recommendation_id }, 'viewer.me');
      expect(other.recommendation.followUps.every((x: any) => x.reviewNote === null)).toBe(true);
      const res = await api.query(q, { id: f.recommendation_id }, as.public);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('recording and following up', () => {
    let sourceId: string;
    let recommendationId: string;
    let followUpId: string;
    let version: number;

    const m = (name: string, fields: string) =>
      `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} userErrors { code field } } }`;

    it('records a source and a recommendation in every language, with its links', async () => {
      const [art26] = await sql(
        `SELECT id FROM standard WHERE instrument = 'COE_CONVENTION' AND reference = 'Art. 26'`,
      );
      const source = await ok(
        m('recommendationSourceCreate', 'source { id body year countryCode }'),
        {
          input: {
            body: 'OTHER',
            countryCode: 'RS',
            title: [{ locale: 'EN', text: 'Ombudsperson report' }],
            year: 2025,
            publishedOn: '2025-03-01',
          },
        },
        'editor.rs',
      );
      expect(source.recommendationSourceCreate.userErrors).toEqual([]);
      sourceId = source.recommendationSourceCreate.source.id;
      const strength = await ok(
        m('recommendationCreate', 'recommendation { id }'),
        { input: { countryCode: 'RS', sourceId, reference: 'para. 4', strength: 'URGE', text: ALL_LOCALES } },
        'editor.rs',
      );
      expect(strength.recommendationCreate.userErrors[0]).toEqual({
        code: 'INVALID_INPUT',
        field: ['input', 'strength'],
      });
      const created = await ok(
        m(
          'recommendationCreate',
          'recommendation { id version standards { reference } text(locale: SR_CYRL) { text isFallback translations { locale text } } }',
        ),
        {
          input: {
            countryCode: 'RS',
            sourceId,
            reference: 'para. 4',
            text: ALL_LOCALES,
            standardIds: [art26.id],
          },
        },
        'editor.rs',
      );
      const r = created.recommendationCreate.recommendation;
      recommendationId = r.id;
      expect(r.standards).toEqual([{ reference: 'Art. 26' }]);
      expect(r.text.isFallback).toBe(false);
      expect(r.text.translations).toHaveLength(LOCALE_TAGS.length);
      expect(r.text.text).toBe('Recommendation text in sr-Cyrl: 3 measures, 2025-06-30');
      const other = await api.query(
        m('recommendationCreate', 'recommendation { id }'),
        { input: { countryCode: 'AL', sourceId, reference: 'para. 5', text: ALL_LOCALES } },
        as['editor.rs'],
      );
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const stale = await ok(
        m('recommendationUpdate', 'recommendation { id } currentVersion'),
        { input: { id: recommendationId, expectedVersion: 7, reference: 'para. 6' } },
        'editor.rs',
      );
      expect(stale.recommendationUpdate.userErrors[0].code).toBe('STALE_VERSION');
      expect(stale.recommendationUpdate.currentVersion).toBe(1);
    });

    it('takes a follow-up through save, submit, review and publication, with its audit trail', async () => {
      const [evidence] = await sql(
        `SELECT e.id FROM evidence e JOIN assessment a ON a.id = e.assessment_id WHERE a.country_code = 'RS' LIMIT 1`,
      );
      const save = m(
        'recommendationFollowUpSave',
        'followUp { id version status implementationStatus evidence { id } narrative { text } } currentVersion',
      );
      const created = await ok(
        save,
        {
          input: {
            recommendationId,
            cycleId: cycle['2025'],
            implementationStatus: 'IN_PROGRESS',
            evidenceIds: [evidence.id],
            narrative: [{ locale: 'EN', text: 'A draft by-law exists.' }],
          },
        },
        'editor.rs',
      );
      const f = created.recommendationFollowUpSave.followUp;
      expect(f).toMatchObject({
        version: 1,
        status: 'DRAFT',
        implementationStatus: 'IN_PROGRESS',
        evidence: [{ id: evidence.id }],
      });
      followUpId = f.id;
      const closed = await ok(
        save,
        { input: { recommendationId, cycleId: cycle['2024'], implementationStatus: 'IN_PROGRESS' } },
        'editor.rs',
      );
      expect(closed.recommendationFollowUpSave.userErrors[0].code).toBe('CYCLE_NOT_OPEN');
      const stale = await ok(
        save,
        { input: { recommendationId, cycleId: cycle['2025'], implementationStatus: 'IMPLEMENTED' } },
        'editor.rs',
      );
      expect(stale.recommendationFollowUpSave.userErrors[0].code).toBe('STALE_VERSION');
      expect(stale.recommendationFollowUpSave.currentVersion).toBe(1);
      const updated = await ok(
        save,
        {
          input: {
            recommendationId,
            cycleId: cycle['2025'],
            implementationStatus: 'PARTIALLY_IMPLEMENTED',
            expectedVersion: 1,
          },
        },
        'editor.rs',
      );
      version = updated.recommendationFollowUpSave.followUp.version;
      expect(version).toBe(2);

      const submit = m('recommendationFollowUpSubmit', 'followUp { status version }');
      const byEditor = await api.query(
        submit,
        { input: { id: followUpId, expectedVersion: version } },
        as['editor.rs'],
      );
      expect(byEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const submitted = await ok(submit, { input: { id: followUpId, expectedVersion: version } }, 'lead.rs');
      expect(submitted.recommendationFollowUpSubmit.followUp).toEqual({ status: 'SUBMITTED', version: 3 });

      const review = m('recommendationFollowUpReview', 'followUp { status version reviewNote }');
      const noComment = await ok(
        review,
        { input: { id: followUpId, expectedVersion: 3, decision: 'REQUEST_CHANGES' } },
        'reviewer',
      );
      expect(noComment.recommendationFollowUpReview.userErrors[0].code).toBe('COMMENT_REQUIRED');
      const back = await ok(
        review,
        {
          input: {
            id: followUpId,
            expectedVersion: 3,
            decision: 'REQUEST_CHANGES',
            comment: 'Which by-law?',
          },
        },
        'reviewer',
      );
      expect(back.recommendationFollowUpReview.followUp).toEqual({
        status: 'CHANGES_REQUESTED',
        version: 4,
        reviewNote: 'Which by-law?',
      });
      await ok(submit, { input: { id: followUpId, expectedVersion: 4 } }, 'lead.rs');
      const approved = await ok(
        review,
        { input: { id: followUpId, expectedVersion: 5, decision: 'APPROVE' } },
        'reviewer',
      );
      expect(approved.recommendationFollowUpReview.followUp.status).toBe('APPROVED');
      const reopen = m('recommendationFollowUpReopen', 'followUp { status }');
      const notByLead = await api.query(
        reopen,
        { input: { id: followUpId, expectedVersion: 6, reason: 'x' } },
        as['lead.rs'],
      );
      expect(notByLead.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      // Another country's partner now reads the approved follow-up and its recommendation; the public not yet.
      const q = `query($id: ID!) { recommendation(id: $id) { followUps { status implementationStatus } } }`;
      expect((await ok(q, { id: recommendationId }, 'viewer.me')).recommendation.followUps).toEqual([
        { status: 'APPROVED', implementationStatus: 'PARTIALLY_IMPLEMENTED' },
      ]);
      expect((await ok(q, { id: recommendationId }, 'public')).recommendation).toBeNull();

      const transition = `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { status } userErrors { code } } }`;
      await ok(transition, { input: { id: cycle['2025'], to: 'CLOSED' } }, 'admin');
      const published = await ok(transition, { input: { id: cycle['2025'], to: 'PUBLISHED' } }, 'admin');
      expect(published.cycleTransition.userErrors).toEqual([]);
      const publicView = await ok(q, { id: recommendationId }, 'public');
      expect(publicView.recommendation.followUps).toEqual([
        { status: 'PUBLISHED', implementationStatus: 'PARTIALLY_IMPLEMENTED' },
      ]);

      // The edition holds the follow-up as it stood, in every language, whatever happens to it afterwards.
      const EDITION = `query($cycleId: ID!) { edition(cycleId: $cycleId, number: 1) { recommendationFollowUps(countryCode: "RS") {
        recommendationId implementationStatus sourceBody reference text(locale: SR_CYRL) { text translations { locale } } } } }`;
      const edition = async () =>
        (await ok(EDITION, { cycleId: cycle['2025'] }, 'public')).edition.recommendationFollowUps.find(
          (x: any) => x.recommendationId === recommendationId,
        );
      const frozen = await edition();
      expect(frozen).toMatchObject({
        implementationStatus: 'PARTIALLY_IMPLEMENTED',
        sourceBody: 'OTHER',
        reference: 'para. 4',
        text: { text: 'Recommendation text in sr-Cyrl: 3 measures, 2025-06-30' },
      });
      expect(frozen.text.translations).toHaveLength(LOCALE_TAGS.length);
      await ok(transition, { input: { id: cycle['2025'], to: 'OPEN' } }, 'admin');
      const reopened = await ok(
        reopen,
        { input: { id: followUpId, expectedVersion: 8, reason: 'A by-law was repealed.' } },
        'reviewer',
      );
      expect(reopened.recommendationFollowUpReopen.userErrors).toEqual([]);
      const changed = await ok(
        save,
        {
          input: {
            recommendationId,
            cycleId: cycle['2025'],
            implementationStatus: 'IN_PROGRESS',
            expectedVersion: 9,
          },
        },
        'editor.rs',
      );
      expect(changed.recommendationFollowUpSave.userErrors).toEqual([]);
      expect(await edition()).toEqual(frozen);
      const [seeded] = await sql(
        `SELECT jsonb_array_length(e.content->'recommendations') AS n FROM edition e JOIN monitoring_cycle c ON c.id = e.cycle_id
         WHERE c.code = '2024'`,
      );
      expect(seeded.n).toBeGreaterThan(30);

      const trail = await sql(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [
        followUpId,
      ]);
      expect(trail.map((t: { action: string }) => t.action)).toEqual([
        'create',
        'update',
        'submit',
        'request_changes',
        'submit',
        'approve',
        'publish',
        'reopen_cycle',
        'reopen',
        'update',
      ]);
    });
  });

  describe('the comparison across countries', () => {
    it('counts bodies × countries by status and gives each recommendation its status per cycle and its trend', async () => {
      const data = await ok(
        `query($cycleId: ID) { recommendationComparison(cycleId: $cycleId) {
           cycles { code } cells { sourceBody countryCode recommendations withoutFollowUp counts { status count } }
           rows { recommendation { id country { code } } statuses { cycleId status } trend } } }`,
        { cycleId: cycle['2024'] },
        'reviewer',
      );
      const c = data.recommendationComparison;
      expect(c.cycles.map((x: any) => x.code)).toEqual(['2024', '2025']);
      const [expected] = await sql(
        `SELECT count(*)::int AS n FROM recommendation_follow_up f JOIN recommendation r ON r.id = f.recommendation_id
         WHERE f.cycle_id = $1 AND r.source_body = 'GRETA' AND r.country_code = 'BA' AND f.implementation_status = 'IMPLEMENTED'`,
        [cycle['2024']],
      );
      const cell = c.cells.find((x: any) => x.sourceBody === 'GRETA' && x.countryCode === 'BA');
      expect(cell.counts.find((x: any) => x.status === 'IMPLEMENTED').count).toBe(expected.n);
      const sum = cell.counts.reduce((s: number, x: any) => s + x.count, 0) + cell.withoutFollowUp;
      expect(sum).toBe(cell.recommendations);
      expect(c.rows.length).toBeGreaterThanOrEqual(60);
      const trends = new Set(c.rows.map((r: any) => r.trend));
      for (const t of ['IMPROVED', 'UNCHANGED', 'FIRST_FOLLOW_UP']) expect(trends).toContain(t);
      for (const row of c.rows) {
        const known = row.statuses.filter((s: any) => s.status);
        if (known.length === 0) expect(row.trend).toBe('NO_FOLLOW_UP');
        if (known.length === 1) expect(row.trend).toBe('FIRST_FOLLOW_UP');
      }
    });
  });
});
