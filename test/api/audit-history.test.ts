import { createTestDatabase, type TestDatabase } from '../support/database';
import { signIn, startTestServer, type TestServer } from '../support/server';

const SAVE = `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) {
  assessment { id version } userErrors { code } } }`;
const EVIDENCE = `mutation($input: EvidenceCreateInput!) { evidenceCreate(input: $input) { evidence { id } userErrors { code } } }`;
const SUBMIT = `mutation($input: AssessmentSubmitInput!) { assessmentSubmit(input: $input) { assessment { version } userErrors { code } } }`;
const REVIEW = `mutation($input: AssessmentReviewInput!) { assessmentReview(input: $input) { assessment { version } userErrors { code } } }`;
const TRANSITION = `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { userErrors { code } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { totalCount nodes { entityType action before after actor { displayName } } } }`;
const KEY = `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key userErrors { code } } }`;

/** What only the work before approval holds: a draft narrative, an earlier score, a review comment, evidence. */
const DRAFT_NARRATIVE = 'Draft: shelters are said to close in winter, to be checked.';
const REVIEW_COMMENT = 'Which ministry report says so? Please cite it.';
const INTERNAL_EVIDENCE = 'Interview notes with a shelter manager';

interface TrailNode {
  entityType: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actor: { displayName: string } | null;
}

/**
 * The history of an approved and then published assessment, per reader: the country's partner, the reviewer and
 * admins read all of it; another country's lead, API keys and anonymous readers at most the publication.
 */
describe('audit trail of work in progress', () => {
  let db: TestDatabase;
  let api: TestServer;
  let assessmentId: string;
  let cycleId: string;
  const as: Record<string, Record<string, string>> = { anonymous: {} };

  const ok = async (query: string, input: Record<string, unknown>, who: string) => {
    const res = await api.query(query, { input }, as[who]);
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data!)[0] as Record<string, any>;
    expect(payload.userErrors).toEqual([]);
    return payload;
  };
  const trail = (who: string) => api.query(TRAIL, { id: assessmentId }, as[who]);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const who of ['editor.rs', 'lead.rs', 'viewer.rs', 'reviewer', 'admin', 'lead.al'])
      as[who] = await signIn(api, `${who}@demo.example`);
    [{ id: cycleId }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
    const [{ id: integrator }] = await db.dataSource.query(
      `INSERT INTO organisation (name, short_name, kind) VALUES ('Open Data Lab', 'ODL', 'INTEGRATOR') RETURNING id`,
    );
    as.integratorKey = {
      authorization: `Bearer ${(await ok(KEY, { name: 'Data lab', organisationId: integrator }, 'admin')).key}`,
    };
    // A partner's own key reads its country's assessments, but the history of the work is for people.
    as.astraKey = { authorization: `Bearer ${(await ok(KEY, { name: 'ASTRA dashboard' }, 'lead.rs')).key}` };

    const [{ id: indicatorId }] = await db.dataSource.query(
      `SELECT i.id FROM indicator i WHERE i.answer_type = 'SCORE' AND NOT EXISTS (SELECT 1 FROM assessment a
         WHERE a.indicator_id = i.id AND a.country_code = 'RS' AND a.cycle_id = $1) ORDER BY i.position LIMIT 1`,
      [cycleId],
    );
    const draft = await ok(
      SAVE,
      {
        cycleId,
        countryCode: 'RS',
        indicatorId,
        score: 1,
        narrative: [{ locale: 'EN', text: DRAFT_NARRATIVE }],
      },
      'editor.rs',
    );
    assessmentId = draft.assessment.id;
    await ok(
      EVIDENCE,
      {
        assessmentId,
        kind: 'INTERVIEW',
        title: INTERNAL_EVIDENCE,
        language: 'sr-Latn',
        reliability: 'MEDIUM',
        confidentiality: 'INTERNAL',
      },
      'editor.rs',
    );
    let version = (await ok(SUBMIT, { id: assessmentId, expectedVersion: 1 }, 'lead.rs')).assessment.version;
    version = (
      await ok(
        REVIEW,
        { id: assessmentId, expectedVersion: version, decision: 'REQUEST_CHANGES', comment: REVIEW_COMMENT },
        'reviewer',
      )
    ).assessment.version;
    version = (
      await ok(
        SAVE,
        {
          cycleId,
          countryCode: 'RS',
          indicatorId,
          score: 2,
          narrative: [
            { locale: 'EN', text: 'Shelters are funded for the whole year (Ministry report 2025).' },
          ],
          expectedVersion: version,
        },
        'editor.rs',
      )
    ).assessment.version;
    version = (await ok(SUBMIT, { id: assessmentId, expectedVersion: version }, 'lead.rs')).assessment
      .version;
    await ok(REVIEW, { id: assessmentId, expectedVersion: version, decision: 'APPROVE' }, 'reviewer');
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const FULL = [
    'assessment:create',
    'evidence:create',
    'assessment:submit',
    'assessment:request_changes',
    'review_comment:create',
    'assessment:update',
    'assessment:submit',
    'assessment:approve',
  ];

  async function expectFullHistory(who: string, extra: string[] = []) {
    const res = await trail(who);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.auditTrail.nodes as TrailNode[];
    expect([who, nodes.map((n) => `${n.entityType}:${n.action}`)]).toEqual([who, [...FULL, ...extra]]);
    const text = JSON.stringify(nodes);
    for (const secret of [DRAFT_NARRATIVE, REVIEW_COMMENT, INTERNAL_EVIDENCE]) expect(text).toContain(secret);
    expect(nodes[0].after).toMatchObject({ score: 1 });
    expect(nodes[0].actor).toEqual({ displayName: expect.any(String) });
  }

  it('gives the country’s editor, lead and viewer, the reviewer and admins the whole history of an approved one', async () => {
    for (const who of ['editor.rs', 'lead.rs', 'viewer.rs', 'reviewer', 'admin'])
      await expectFullHistory(who);
  });

  it('gives another country’s lead no history of an approved one, and an API key none', async () => {
    for (const who of ['lead.al', 'astraKey']) {
      const res = await trail(who);
      expect(res.errors).toBeUndefined();
      expect([who, res.data!.auditTrail]).toEqual([who, { totalCount: 0, nodes: [] }]);
    }
    // The public and an integrator's key cannot read the approved assessment at all.
    for (const who of ['anonymous', 'integratorKey']) {
      const res = await trail(who);
      expect([who, res.errors?.[0].extensions?.code]).toEqual([who, 'FORBIDDEN']);
      expect(JSON.stringify(res)).not.toContain(DRAFT_NARRATIVE);
    }
  });

  describe('once published', () => {
    let published: { before: unknown; after: unknown };

    beforeAll(async () => {
      await ok(TRANSITION, { id: cycleId, to: 'CLOSED' }, 'admin');
      await ok(TRANSITION, { id: cycleId, to: 'PUBLISHED' }, 'admin');
      [published] = await db.dataSource.query(
        `SELECT before, after FROM audit_event WHERE entity_id = $1 AND action = 'publish'`,
        [assessmentId],
      );
    });

    it('still gives the country’s partner, the reviewer and admins the whole history', async () => {
      for (const who of ['editor.rs', 'lead.rs', 'reviewer', 'admin'])
        await expectFullHistory(who, ['assessment:publish']);
    });

    it('gives everyone else only the publication, without drafts, earlier scores, comments or names', async () => {
      expect(published).toEqual({
        before: { status: 'APPROVED', version: expect.any(Number) },
        after: { status: 'PUBLISHED', version: expect.any(Number) },
      });
      for (const who of ['lead.al', 'astraKey', 'integratorKey', 'anonymous']) {
        const res = await trail(who);
        expect(res.errors).toBeUndefined();
        expect([who, res.data!.auditTrail]).toEqual([
          who,
          {
            totalCount: 1,
            nodes: [{ entityType: 'assessment', action: 'publish', ...published, actor: null }],
          },
        ]);
      }
    });
  });
});
