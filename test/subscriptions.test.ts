import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from './support/database';
import { listening, liveClient, liveUrl, subscribe, upgradeStatus, type LiveClient } from './support/live';
import { signIn, startTestServer, type TestServer } from './support/server';

const SAVE = `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) {
  assessment { id version status } userErrors { code message } } }`;
const COMMENT = `mutation($input: ReviewCommentCreateInput!) { reviewCommentCreate(input: $input) {
  comment { id } userErrors { code message } } }`;
const RESOLVE = `mutation($input: ReviewCommentResolveInput!) { reviewCommentResolve(input: $input) {
  comment { id status } userErrors { code message } } }`;
const TRANSITION = `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) {
  cycle { status } userErrors { code } } }`;
const ASSESSMENT_CHANGED = `subscription($countryCode: String) {
  assessmentChanged(countryCode: $countryCode) { id countryCode: country { code } status version value } }`;
const COMMENT_CHANGED = `subscription($assessmentId: ID) {
  reviewCommentChanged(assessmentId: $assessmentId) { action comment { id body status author { displayName } } } }`;
const CYCLE_CHANGED = `subscription($cycleId: ID) { cycleChanged(cycleId: $cycleId) { id code status } }`;

/** Subscriptions over WebSocket on one instance: who hears what, sign-in, origins and bounds. */
describe('live updates over graphql-ws', () => {
  let db: TestDatabase;
  let api: TestServer;
  let cycleId: string;
  const as: Record<string, Record<string, string>> = {};
  const clients: LiveClient[] = [];
  // Each connection comes from an address of its own (TRUST_PROXY=1), so the per-address bound is tested alone.
  let lastAddress = 0;
  const open = (who: string | null) => {
    const live = liveClient(api, who ? as[who].authorization : undefined, {
      'x-forwarded-for': `10.9.0.${++lastAddress}`,
    });
    clients.push(live);
    return live;
  };

  /** A SCORE indicator that `country` has not assessed in the 2025 cycle yet. */
  async function freeIndicator(country: string, skip = 0): Promise<string> {
    const rows = await db.dataSource.query(
      `SELECT i.id FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.id = $1 AND i.answer_type = 'SCORE' AND NOT EXISTS (SELECT 1 FROM assessment a
         WHERE a.indicator_id = i.id AND a.country_code = $2 AND a.cycle_id = $1) ORDER BY i.position`,
      [cycleId, country],
    );
    return rows[skip].id;
  }

  async function saveDraft(who: string, countryCode: string, skip = 0) {
    const indicatorId = await freeIndicator(countryCode, skip);
    const res = await api.query(SAVE, { input: { cycleId, countryCode, indicatorId, score: 2 } }, as[who]);
    expect(res.data!.assessmentSave.userErrors).toEqual([]);
    return res.data!.assessmentSave.assessment as { id: string; version: number; status: string };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db, {
      CORS_ORIGINS: 'http://front.example:5173',
      SUBSCRIPTIONS_MAX_PER_CONNECTION: '3',
      SUBSCRIPTIONS_MAX_CONNECTIONS_PER_IP: '2',
      RATE_LIMIT_IP: '20',
      TRUST_PROXY: '1',
    });
    for (const who of ['editor.al', 'lead.al', 'viewer.rs', 'editor.rs', 'reviewer', 'admin'])
      as[who] = await signIn(api, `${who}@demo.example`);
    [{ id: cycleId }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((live) => live.dispose()));
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('sends a saved draft to its country’s lead, and not to another country’s viewer or the public', async () => {
    const lead = subscribe(open('lead.al'), ASSESSMENT_CHANGED);
    const otherCountry = subscribe(open('viewer.rs'), ASSESSMENT_CHANGED);
    const anonymous = subscribe(open(null), ASSESSMENT_CHANGED);
    await listening(api, 3);

    const draft = await saveDraft('editor.al', 'AL');
    const heard = await lead.nth(0);
    expect(heard).toEqual({
      data: {
        assessmentChanged: {
          id: draft.id,
          countryCode: { code: 'AL' },
          status: 'DRAFT',
          version: 1,
          value: '2',
        },
      },
    });

    // Serbia's own draft is the first thing its viewer hears: Albania's was not sent to it.
    const serbian = await saveDraft('editor.rs', 'RS');
    const first = await otherCountry.nth(0);
    expect(first.data!.assessmentChanged).toMatchObject({ id: serbian.id, countryCode: { code: 'RS' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(otherCountry.received).toHaveLength(1);
    expect(anonymous.received).toEqual([]);
    expect(lead.received).toHaveLength(1);
  });

  it('sends each new version, narrowed by the arguments', async () => {
    const draft = await saveDraft('editor.al', 'AL', 1);
    const onlyThis = subscribe(
      open('lead.al'),
      `subscription($id: ID) { assessmentChanged(assessmentId: $id) { id version } }`,
      { id: draft.id },
    );
    await listening(api, 1);
    await saveDraft('editor.al', 'AL', 2);
    const resaved = await api.query(
      `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) { assessment { version } userErrors { code } } }`,
      {
        input: {
          cycleId,
          countryCode: 'AL',
          indicatorId: (
            await db.dataSource.query(`SELECT indicator_id FROM assessment WHERE id = $1`, [draft.id])
          )[0].indicator_id,
          expectedVersion: 1,
          score: 3,
        },
      },
      as['editor.al'],
    );
    expect(resaved.data!.assessmentSave.userErrors).toEqual([]);
    expect(await onlyThis.nth(0)).toEqual({ data: { assessmentChanged: { id: draft.id, version: 2 } } });
  });

  it('sends review comments to the people of the country, not to others; the public may not subscribe', async () => {
    const [submitted] = await db.dataSource.query(
      `SELECT id, country_code FROM assessment WHERE cycle_id = $1 AND status = 'SUBMITTED' AND country_code = 'AL' LIMIT 1`,
      [cycleId],
    );
    expect(submitted).toBeDefined();
    const [reviewer] = await db.dataSource.query(
      `SELECT display_name FROM app_user WHERE email = 'reviewer@demo.example'`,
    );
    const editor = subscribe(open('editor.al'), COMMENT_CHANGED, { assessmentId: submitted.id });
    const otherCountry = subscribe(open('viewer.rs'), COMMENT_CHANGED);
    const anonymous = subscribe(open(null), COMMENT_CHANGED);
    // Refused when subscribing, once, as a query's field would be: one result with the error, then the end.
    expect(await anonymous.nth(0)).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })],
    });
    await listening(api, 2);

    const created = await api.query(
      COMMENT,
      { input: { assessmentId: submitted.id, body: 'Please add the 2025 shelter funding figures.' } },
      as['reviewer'],
    );
    expect(created.data!.reviewCommentCreate.userErrors).toEqual([]);
    const id = created.data!.reviewCommentCreate.comment.id;
    expect(await editor.nth(0)).toEqual({
      data: {
        reviewCommentChanged: {
          action: 'CREATED',
          comment: {
            id,
            body: 'Please add the 2025 shelter funding figures.',
            status: 'OPEN',
            author: { displayName: reviewer.display_name },
          },
        },
      },
    });
    const resolved = await api.query(RESOLVE, { input: { id } }, as['editor.al']);
    expect(resolved.data!.reviewCommentResolve.userErrors).toEqual([]);
    expect((await editor.nth(1)).data!.reviewCommentChanged).toMatchObject({
      action: 'RESOLVED',
      comment: { id, status: 'RESOLVED' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(otherCountry.received).toEqual([]);
  });

  it('sends a cycle’s change of status to anyone', async () => {
    const [{ id }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2024'`);
    const anonymous = subscribe(open(null), CYCLE_CHANGED, { cycleId: id });
    await listening(api, 1);
    const moved = await api.query(TRANSITION, { input: { id, to: 'OPEN' } }, as['admin']);
    expect(moved.data!.cycleTransition.userErrors).toEqual([]);
    expect(await anonymous.nth(0)).toEqual({ data: { cycleChanged: { id, code: '2024', status: 'OPEN' } } });
  });

  it('closes the socket with 4401 for a bad or malformed token', async () => {
    const bad = liveClient(api, 'Bearer not-a-token', { 'x-forwarded-for': '10.9.1.1' });
    clients.push(bad);
    const closed = await bad.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/not valid or has expired/);

    const malformed = liveClient(api, 'Token abc', { 'x-forwarded-for': '10.9.1.2' });
    clients.push(malformed);
    expect((await malformed.closed).code).toBe(4401);
  });

  it('closes the socket with 4401 at the next event once the token is revoked', async () => {
    const token = await signIn(api, 'viewer.al@demo.example');
    const live = liveClient(api, token.authorization, { 'x-forwarded-for': '10.9.1.3' });
    clients.push(live);
    subscribe(live, CYCLE_CHANGED);
    await listening(api, 1);
    await db.dataSource.query(
      `UPDATE app_user SET token_version = token_version + 1 WHERE email = 'viewer.al@demo.example'`,
    );
    const [{ id }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2024'`);
    await api.query(TRANSITION, { input: { id, to: 'CLOSED' } }, as['admin']);
    expect((await live.closed).code).toBe(4401);
  });

  it('applies CORS_ORIGINS to the upgrade: listed and own origins pass, others get 403', async () => {
    const from = (origin: string | null, address: string) =>
      upgradeStatus(api, { ...(origin ? { origin } : {}), 'x-forwarded-for': address });
    expect(await from('http://front.example:5173', '10.9.2.1')).toBe(101);
    expect(await from(new URL(api.url).origin, '10.9.2.2')).toBe(101);
    expect(await from(null, '10.9.2.3')).toBe(101);
    expect(await from('http://elsewhere.example', '10.9.2.4')).toBe(403);
    expect(await upgradeStatus(api, { 'x-forwarded-for': '10.9.2.5' }, '/other')).toBe(404);
  });

  it('counts each upgrade as a request of its address', async () => {
    const headers = { 'x-forwarded-for': '10.9.4.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push(await upgradeStatus(api, headers));
    expect(statuses).toEqual([...Array<number>(20).fill(101), 429]);
  });

  it('bounds sockets per address and subscriptions per socket', async () => {
    const headers = { 'x-forwarded-for': '10.9.3.1' };
    const first = new WebSocket(liveUrl(api), 'graphql-transport-ws', { headers });
    const second = new WebSocket(liveUrl(api), 'graphql-transport-ws', { headers });
    await Promise.all([first, second].map((s) => new Promise((resolve) => s.once('open', resolve))));
    expect(await upgradeStatus(api, headers)).toBe(429);
    first.close();
    second.close();

    const live = open('lead.al');
    const held = [1, 2, 3].map(() => subscribe(live, CYCLE_CHANGED));
    await listening(api, 3);
    const fourth = subscribe(live, CYCLE_CHANGED);
    expect(await fourth.failure()).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) }),
    ]);
    held[0].stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    subscribe(live, CYCLE_CHANGED);
    await listening(api, 3);
  });

  it('serves only subscriptions over WebSocket, and refuses a subscription over HTTP', async () => {
    const live = open('lead.al');
    const query = subscribe(live, '{ me { email } }');
    expect(await query.failure()).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) }),
    ]);
    const overHttp = await api.query(CYCLE_CHANGED);
    expect(overHttp.status).toBe(400);
    expect(overHttp.errors![0].message).toMatch(/Subscriptions are served over WebSocket/);
    const tooDeep = subscribe(
      live,
      `subscription { reviewCommentChanged { comment { assessment { cycle { assessments { nodes { comments { nodes { assessment { cycle { assessments { nodes { id } } } } } } } } } } } } }`,
    );
    expect(await tooDeep.failure()).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', setting: 'GRAPHQL_MAX_DEPTH' }),
      }),
    ]);
  });
});

describe('live updates under CORS_ORIGINS=*, and at shutdown', () => {
  it('lets any origin subscribe anonymously only, then closes every socket with 1001 when the server stops', async () => {
    const db = await createTestDatabase();
    const api = await startTestServer(db, { CORS_ORIGINS: '*' });
    try {
      const origin = { origin: 'http://anywhere.example' };
      const signedIn = liveClient(api, (await signIn(api, 'viewer.rs@demo.example')).authorization, origin);
      const closed = await signedIn.closed;
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/only subscribe anonymously/);
      const anonymous = liveClient(api, undefined, origin);
      subscribe(anonymous, CYCLE_CHANGED);
      await listening(api, 1);

      await api.close();
      expect((await anonymous.closed).code).toBe(1001);
      expect(api.server.liveSubscriptions()).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
