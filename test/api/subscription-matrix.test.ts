import { createHash, randomBytes } from 'node:crypto';
import { buildTypeSchema } from '../../src/graphql/schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { listening, liveClient, subscribe, type LiveClient, type LiveSubscription } from '../support/live';
import { signIn, startTestServer, type TestServer } from '../support/server';

/**
 * Every actor through every subscription: each subscribes to all of them, three changes are made (a Serbian
 * draft saved, a review comment on a Serbian assessment, a cycle moved), and each actor must receive exactly what
 * the matching query shows it: the assessment when `assessment(id:)` answers it, the comment when the
 * assessment's `comments` list it, the cycle always; and a refusal where a query would be refused.
 */

const COUNTRIES = ['AL', 'BA', 'ME', 'MK', 'RS'];
const ACTORS = [
  'anonymous',
  'apiKey(ASTRA)',
  ...COUNTRIES.flatMap((c) => ['lead', 'editor', 'viewer'].map((role) => `${role}.${c.toLowerCase()}`)),
  'reviewer',
  'framework',
  'admin',
];

const SUBSCRIPTIONS: Record<string, string> = {
  assessmentChanged: `subscription { assessmentChanged(countryCode: "RS") { id status version } }`,
  reviewCommentChanged: `subscription { reviewCommentChanged(countryCode: "RS") { action comment { id body } } }`,
  cycleChanged: `subscription { cycleChanged { id status } }`,
};

describe('subscription matrix', () => {
  let db: TestDatabase;
  let api: TestServer;
  const headers: Record<string, Record<string, string>> = { anonymous: {} };
  const clients: LiveClient[] = [];
  const heard: Record<string, Record<string, LiveSubscription>> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db, { SUBSCRIPTIONS_MAX_CONNECTIONS_PER_IP: '50' });
    for (const actor of ACTORS.filter((a) => a !== 'anonymous' && a !== 'apiKey(ASTRA)'))
      headers[actor] = await signIn(api, `${actor}@demo.example`);
    const prefix = randomBytes(6).toString('hex');
    const key = `tia_${prefix}${randomBytes(24).toString('base64url')}`;
    await db.dataSource.query(
      `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash)
       SELECT o.id, u.id, 'Matrix', $1, $2 FROM organisation o, app_user u WHERE o.short_name = 'ASTRA' AND u.email = 'lead.rs@demo.example'`,
      [prefix, createHash('sha256').update(key).digest('hex')],
    );
    headers['apiKey(ASTRA)'] = { authorization: `Bearer ${key}` };
  });
  afterAll(async () => {
    await Promise.all(clients.map((live) => live.dispose()));
    await api.close();
    await db.drop();
  });

  it('covers every subscription of the schema', () => {
    const fields = Object.keys(buildTypeSchema().getSubscriptionType()!.getFields()).sort();
    expect(fields).toEqual(Object.keys(SUBSCRIPTIONS).sort());
  });

  it('sends each actor what its queries show it, and refuses what they refuse', async () => {
    for (const actor of ACTORS) {
      const live = liveClient(api, headers[actor].authorization);
      clients.push(live);
      heard[actor] = {};
      for (const [field, query] of Object.entries(SUBSCRIPTIONS))
        heard[actor][field] = subscribe(live, query);
    }
    // Anonymous readers and API keys are refused comments when subscribing; everyone else listens.
    await listening(api, ACTORS.length * 3 - 2);

    // Whether comments may be read at all, asked before anything changes of a published assessment, which
    // every actor reads.
    const [old] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2024'`);
    const refusal: Record<string, unknown> = {};
    for (const actor of ACTORS) {
      const probe = await api.query(
        `query($cycleId: ID!) { assessments(cycleId: $cycleId, first: 1) { nodes { comments { totalCount } } } }`,
        { cycleId: old.id },
        headers[actor],
      );
      refusal[actor] = probe.errors?.[0]?.extensions?.code;
    }
    const [cycle] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
    const [{ id: indicatorId }] = await db.dataSource.query(
      `SELECT i.id FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.id = $1 AND i.answer_type = 'SCORE' AND NOT EXISTS (SELECT 1 FROM assessment a
         WHERE a.indicator_id = i.id AND a.country_code = 'RS' AND a.cycle_id = $1) ORDER BY i.position LIMIT 1`,
      [cycle.id],
    );
    const saved = await api.query(
      `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) { assessment { id } userErrors { code } } }`,
      { input: { cycleId: cycle.id, countryCode: 'RS', indicatorId, score: 1 } },
      headers['editor.rs'],
    );
    const draftId = saved.data!.assessmentSave.assessment.id as string;
    const [submitted] = await db.dataSource.query(
      `SELECT id FROM assessment WHERE cycle_id = $1 AND country_code = 'RS' AND status = 'SUBMITTED' LIMIT 1`,
      [cycle.id],
    );
    const commented = await api.query(
      `mutation($input: ReviewCommentCreateInput!) { reviewCommentCreate(input: $input) { comment { id } userErrors { code } } }`,
      { input: { assessmentId: submitted.id, body: 'Which year do these figures cover?' } },
      headers.reviewer,
    );
    const commentId = commented.data!.reviewCommentCreate.comment.id as string;
    const moved = await api.query(
      `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { userErrors { code } } }`,
      { input: { id: old.id, to: 'OPEN' } },
      headers.admin,
    );
    expect(moved.data!.cycleTransition.userErrors).toEqual([]);

    // What each actor's queries show it, asked now (after the changes), over HTTP.
    const expected: Record<string, Record<string, unknown>> = {};
    for (const actor of ACTORS) {
      const draft = await api.query(
        `query($id: ID!) { assessment(id: $id) { id } }`,
        { id: draftId },
        headers[actor],
      );
      const comments = await api.query(
        `query($id: ID!) { assessment(id: $id) { comments { nodes { id } } } }`,
        { id: submitted.id },
        headers[actor],
      );
      const commentCode = refusal[actor] ?? comments.errors?.[0]?.extensions?.code;
      const listed = comments.data?.assessment?.comments?.nodes?.some(
        (n: { id: string }) => n.id === commentId,
      );
      expected[actor] = {
        assessmentChanged: draft.data?.assessment ? 'RECEIVED' : 'NOTHING',
        reviewCommentChanged: commentCode ?? (listed ? 'RECEIVED' : 'NOTHING'),
        cycleChanged: 'RECEIVED',
      };
    }
    // Spot checks of the rules themselves, so that the comparison above cannot pass by refusing everyone.
    expect(expected['lead.rs']).toEqual({
      assessmentChanged: 'RECEIVED',
      reviewCommentChanged: 'RECEIVED',
      cycleChanged: 'RECEIVED',
    });
    expect(expected['viewer.al'].assessmentChanged).toBe('NOTHING');
    expect(expected['viewer.al'].reviewCommentChanged).toBe('NOTHING');
    expect(expected.anonymous.reviewCommentChanged).toBe('UNAUTHENTICATED');
    expect(expected['apiKey(ASTRA)'].reviewCommentChanged).toBe('FORBIDDEN');

    for (const actor of ACTORS)
      for (const field of Object.keys(SUBSCRIPTIONS))
        if (expected[actor][field] !== 'NOTHING') await heard[actor][field].nth(0);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const got: Record<string, Record<string, unknown>> = {};
    for (const actor of ACTORS) {
      got[actor] = {};
      for (const field of Object.keys(SUBSCRIPTIONS)) {
        const received = heard[actor][field].received;
        const code = received[0]?.errors?.[0]?.extensions?.code;
        got[actor][field] = code ?? (received.length > 0 ? 'RECEIVED' : 'NOTHING');
        if (code === undefined) expect(received.length).toBeLessThanOrEqual(1);
      }
    }
    expect(got).toEqual(expected);
    expect(heard['lead.rs'].assessmentChanged.received[0].data).toEqual({
      assessmentChanged: { id: draftId, status: 'DRAFT', version: 1 },
    });
  });
});
