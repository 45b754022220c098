import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { listening, liveClient, subscribe, type LiveClient } from '../support/live';
import { TEST_REDIS_URL } from '../support/redis';
import { signIn, startTestServer, type TestServer } from '../support/server';

const SAVE = `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) {
  assessment { id version status } userErrors { code message } } }`;
const ASSESSMENT_CHANGED = `subscription { assessmentChanged { id status version country { code } } }`;

/**
 * Two instances behind a load balancer, one database and one Redis: a change saved through one instance reaches
 * the subscribers of the other, each as its own sign-in may read it.
 */
describe('live updates across two instances through Redis', () => {
  const settings = {
    REDIS_URL: TEST_REDIS_URL,
    SUBSCRIPTIONS_REDIS_CHANNEL: `test:live:${randomUUID()}`,
    RATE_LIMIT_REDIS_PREFIX: `test:live-rate:${randomUUID()}:`,
  };
  let db: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  let cycleId: string;
  const as: Record<string, Record<string, string>> = {};
  const clients: LiveClient[] = [];
  const open = (api: TestServer, who: string | null) => {
    const live = liveClient(api, who ? as[who].authorization : undefined);
    clients.push(live);
    return live;
  };

  async function saveDraft(api: TestServer, who: string, countryCode: string) {
    const [{ id: indicatorId }] = await db.dataSource.query(
      `SELECT i.id FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.id = $1 AND i.answer_type = 'SCORE' AND NOT EXISTS (SELECT 1 FROM assessment x
         WHERE x.indicator_id = i.id AND x.country_code = $2 AND x.cycle_id = $1) ORDER BY i.position LIMIT 1`,
      [cycleId, countryCode],
    );
    const res = await api.query(SAVE, { input: { cycleId, countryCode, indicatorId, score: 1 } }, as[who]);
    expect(res.data!.assessmentSave.userErrors).toEqual([]);
    return res.data!.assessmentSave.assessment as { id: string };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestServer(db, settings);
    b = await startTestServer(db, settings);
    for (const who of ['editor.me', 'lead.me', 'viewer.mk', 'editor.mk'])
      as[who] = await signIn(a, `${who}@demo.example`);
    [{ id: cycleId }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
  });
  afterAll(async () => {
    await Promise.all(clients.map((live) => live.dispose()));
    await a?.close();
    await b?.close();
    await db.drop();
  });

  it('sends a draft saved on one instance to its lead on the other, and to no one else', async () => {
    const lead = subscribe(open(b, 'lead.me'), ASSESSMENT_CHANGED);
    const otherCountry = subscribe(open(b, 'viewer.mk'), ASSESSMENT_CHANGED);
    const anonymous = subscribe(open(b, null), ASSESSMENT_CHANGED);
    await listening(b, 3);

    const draft = await saveDraft(a, 'editor.me', 'ME');
    expect(await lead.nth(0)).toEqual({
      data: { assessmentChanged: { id: draft.id, status: 'DRAFT', version: 1, country: { code: 'ME' } } },
    });
    // North Macedonia's own draft, saved on A too, is the first thing its viewer on B hears.
    const macedonian = await saveDraft(a, 'editor.mk', 'MK');
    expect((await otherCountry.nth(0)).data!.assessmentChanged).toMatchObject({ id: macedonian.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(otherCountry.received).toHaveLength(1);
    expect(anonymous.received).toEqual([]);
  });

  it('closes a socket with a bad token with 4401 on either instance', async () => {
    for (const api of [a, b]) {
      const bad = liveClient(api, 'Bearer forged.token.value');
      clients.push(bad);
      expect((await bad.closed).code).toBe(4401);
    }
  });
});
