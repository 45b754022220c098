import { createTestDatabase, type TestDatabase } from '../support/database';
import { signIn, startTestServer, type TestServer } from '../support/server';

/** The coordinators' weekly view of a cycle, checked against the database for each kind of reader. */
describe('cycleProgress', () => {
  let db: TestDatabase;
  let api: TestServer;
  let cycleId: string;
  const as: Record<string, Record<string, string>> = {};
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);
  const QUERY = `query($cycleId: ID!) { cycleProgress(cycleId: $cycleId) { cycle { code } countries {
    country { code } assessments { status count } followUps { status count } waitingForReview waitingSince
    longestWaitDays openComments } } }`;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const name of ['lead.rs', 'editor.rs', 'reviewer'])
      as[name] = await signIn(api, `${name}@demo.example`);
    as.public = {};
    cycleId = (await sql(`SELECT id FROM monitoring_cycle WHERE code = '2025'`))[0].id;
    // A submission that has waited for a while, to read how long.
    await sql(
      `UPDATE recommendation_follow_up SET updated_at = now() - interval '9 days 3 hours'
       WHERE id = (SELECT id FROM recommendation_follow_up WHERE country_code = 'ME' AND cycle_id = $1 AND status = 'SUBMITTED' ORDER BY id LIMIT 1)`,
      [cycleId],
    );
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const count = async (text: string, params: unknown[]) => Number((await sql(text, params))[0].n);

  it('gives the reviewer every country: its work by status (no drafts), what waits since when, open comments', async () => {
    const res = await api.query(QUERY, { cycleId }, as.reviewer);
    expect(res.errors).toBeUndefined();
    const progress = res.data!.cycleProgress;
    expect(progress.cycle.code).toBe('2025');
    expect(progress.countries.map((c: any) => c.country.code)).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
    for (const c of progress.countries) {
      const code = c.country.code;
      const byStatus = (list: any[]) => Object.fromEntries(list.map((x: any) => [x.status, x.count]));
      const assessments = byStatus(c.assessments);
      expect(assessments.DRAFT).toBe(0);
      expect(assessments.SUBMITTED).toBe(
        await count(
          `SELECT count(*) AS n FROM assessment WHERE cycle_id = $1 AND country_code = $2 AND status = 'SUBMITTED'`,
          [cycleId, code],
        ),
      );
      expect(byStatus(c.followUps).APPROVED).toBe(
        await count(
          `SELECT count(*) AS n FROM recommendation_follow_up WHERE cycle_id = $1 AND country_code = $2 AND status = 'APPROVED'`,
          [cycleId, code],
        ),
      );
      expect(c.waitingForReview).toBe(assessments.SUBMITTED + byStatus(c.followUps).SUBMITTED);
      expect(c.openComments).toBe(
        await count(
          `SELECT count(*) AS n FROM review_comment rc JOIN assessment a ON a.id = rc.assessment_id
           WHERE a.cycle_id = $1 AND rc.country_code = $2 AND rc.status = 'OPEN'`,
          [cycleId, code],
        ),
      );
    }
    const me = progress.countries.find((c: any) => c.country.code === 'ME');
    expect(me.waitingForReview).toBeGreaterThan(0);
    expect(me.longestWaitDays).toBeGreaterThanOrEqual(9);
    expect(new Date(me.waitingSince).getTime()).toBeLessThan(Date.now() - 9 * 24 * 3600 * 1000);
  });

  it('gives a lead its own country with its drafts, and refuses editors and the public', async () => {
    const lead = await api.query(QUERY, { cycleId }, as['lead.rs']);
    expect(lead.errors).toBeUndefined();
    const [rs] = lead.data!.cycleProgress.countries;
    expect(lead.data!.cycleProgress.countries).toHaveLength(1);
    expect(rs.country.code).toBe('RS');
    expect(rs.followUps.find((x: any) => x.status === 'DRAFT').count).toBe(
      await count(
        `SELECT count(*) AS n FROM recommendation_follow_up WHERE cycle_id = $1 AND country_code = 'RS' AND status = 'DRAFT'`,
        [cycleId],
      ),
    );
    expect(rs.assessments.find((x: any) => x.status === 'DRAFT').count).toBeGreaterThan(0);
    const editor = await api.query(QUERY, { cycleId }, as['editor.rs']);
    expect(editor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.query(QUERY, { cycleId }, as.public);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
