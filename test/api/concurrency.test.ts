import { createTestDatabase, type TestDatabase } from '../support/database';
import { signIn, startTestServer, type TestServer } from '../support/server';

const SAVE = `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) {
  assessment { version score } currentVersion userErrors { code } } }`;

describe('optimistic concurrency', () => {
  let db: TestDatabase;
  let api: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('lets exactly one of 20 parallel saves from the same version win', async () => {
    const editor = await signIn(api, 'editor.rs@demo.example');
    const lead = await signIn(api, 'lead.rs@demo.example');
    const [target] = await db.dataSource.query(
      `SELECT a.id, a.cycle_id, a.indicator_id, a.version FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE a.country_code = 'RS' AND c.code = '2025' AND a.status = 'DRAFT' AND i.answer_type = 'SCORE' ORDER BY a.id LIMIT 1`,
    );
    const [{ events: eventsBefore }] = await db.dataSource.query(
      `SELECT count(*)::int AS events FROM audit_event WHERE entity_id = $1`,
      [target.id],
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.query(
          SAVE,
          {
            input: {
              cycleId: target.cycle_id,
              countryCode: 'RS',
              indicatorId: target.indicator_id,
              score: i % 4,
              expectedVersion: target.version,
            },
          },
          i % 2 ? editor : lead,
        ),
      ),
    );
    const payloads = results.map((r) => r.data!.assessmentSave);
    const winners = payloads.filter((p) => p.userErrors.length === 0);
    const losers = payloads.filter((p) => p.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.userErrors).toEqual([{ code: 'STALE_VERSION' }]);
      expect(loser.currentVersion).toBe(target.version + 1);
      expect(loser.assessment).toBeNull();
    }
    const [stored] = await db.dataSource.query(`SELECT version, score FROM assessment WHERE id = $1`, [
      target.id,
    ]);
    expect(stored).toEqual({ version: target.version + 1, score: winners[0].assessment.score });
    const [{ events }] = await db.dataSource.query(
      `SELECT count(*)::int AS events FROM audit_event WHERE entity_id = $1`,
      [target.id],
    );
    expect(events).toBe(eventsBefore + 1);
  });

  it('lets exactly one of parallel creations of the same assessment win', async () => {
    const editor = await signIn(api, 'editor.al@demo.example');
    const [free] = await db.dataSource.query(
      `SELECT c.id AS cycle_id, i.id AS indicator_id FROM monitoring_cycle c JOIN indicator i ON i.framework_version_id = c.framework_version_id
       WHERE c.code = '2025' AND i.answer_type = 'SCORE' AND NOT EXISTS
         (SELECT 1 FROM assessment a WHERE a.cycle_id = c.id AND a.indicator_id = i.id AND a.country_code = 'AL')
       ORDER BY i.position LIMIT 1`,
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.query(
          SAVE,
          { input: { cycleId: free.cycle_id, countryCode: 'AL', indicatorId: free.indicator_id, score: 2 } },
          editor,
        ),
      ),
    );
    const codes = results.map(
      (r) => r.data!.assessmentSave.userErrors.map((e: { code: string }) => e.code).join() || 'OK',
    );
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'STALE_VERSION')).toHaveLength(9);
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM assessment WHERE cycle_id = $1 AND indicator_id = $2 AND country_code = 'AL'`,
      [free.cycle_id, free.indicator_id],
    );
    expect(n).toBe(1);
  });
});
