import { createTestDatabase, type TestDatabase } from '../support/database';
import { signIn, startTestServer, type TestServer } from '../support/server';

const SAVE = `mutation($input: AssessmentSaveInput!) { assessmentSave(input: $input) {
  assessment { id version status score narrative { text } confidence viewerCanEdit viewerCanSubmit allowedTransitions }
  currentVersion userErrors { field code message } } }`;
const EVIDENCE = `mutation($input: EvidenceCreateInput!) { evidenceCreate(input: $input) { evidence { id title confidentiality } userErrors { code field } } }`;
const SUBMIT = `mutation($input: AssessmentSubmitInput!) { assessmentSubmit(input: $input) { assessment { status version } userErrors { code } } }`;
const REVIEW = `mutation($input: AssessmentReviewInput!) { assessmentReview(input: $input) { assessment { status version } userErrors { code field } } }`;
const TRANSITION = `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) { cycle { status publishedAt } publishedAssessments userErrors { code } } }`;

/** The review workflow of the README, end to end over HTTP: save, evidence, submit, request changes, approve, publish. */
describe('review workflow', () => {
  let db: TestDatabase;
  let api: TestServer;
  let cycleId: string;
  let indicatorId: string;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const who of ['editor.rs', 'lead.rs', 'reviewer', 'admin', 'viewer.al'])
      as[who] = await signIn(api, `${who}@demo.example`);
    [{ id: cycleId }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
    [{ id: indicatorId }] = await db.dataSource.query(
      `SELECT i.id FROM indicator i WHERE i.answer_type = 'SCORE' AND NOT EXISTS (SELECT 1 FROM assessment a
         WHERE a.indicator_id = i.id AND a.country_code = 'RS' AND a.cycle_id = $1) ORDER BY i.position LIMIT 1`,
      [cycleId],
    );
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('walks an assessment from draft to publication', async () => {
    const created = await api.query(
      SAVE,
      {
        input: {
          cycleId,
          countryCode: 'RS',
          indicatorId,
          score: 1,
          confidence: 'MEDIUM',
          narrative: [
            { locale: 'EN', text: 'Shelters exist but are not funded for the whole year.' },
            { locale: 'SR_LATN', text: 'Skloništa postoje, ali nisu finansirana cele godine.' },
          ],
        },
      },
      as['editor.rs'],
    );
    const draft = created.data!.assessmentSave;
    expect(draft.userErrors).toEqual([]);
    expect(draft.assessment).toMatchObject({
      version: 1,
      status: 'DRAFT',
      score: 1,
      viewerCanEdit: true,
      viewerCanSubmit: false,
      allowedTransitions: [],
    });
    const id = draft.assessment.id;

    const evidence = await api.query(
      EVIDENCE,
      {
        input: {
          assessmentId: id,
          kind: 'LAW',
          title: 'Law on Social Protection',
          citation: 'Official Gazette of RS 24/2011, Art. 57',
          url: 'https://www.paragraf.rs/propisi/zakon_o_socijalnoj_zastiti.html',
          documentDate: '2011-04-12',
          language: 'sr-Latn',
          reliability: 'HIGH',
          confidentiality: 'PUBLIC',
        },
      },
      as['editor.rs'],
    );
    expect(evidence.data!.evidenceCreate.userErrors).toEqual([]);

    const leadView = await api.query(
      `query($id: ID!) { assessment(id: $id) { viewerCanSubmit allowedTransitions } }`,
      { id },
      as['lead.rs'],
    );
    expect(leadView.data!.assessment).toEqual({ viewerCanSubmit: true, allowedTransitions: ['SUBMITTED'] });
    const submitted = await api.query(SUBMIT, { input: { id, expectedVersion: 1 } }, as['lead.rs']);
    expect(submitted.data!.assessmentSubmit).toEqual({
      assessment: { status: 'SUBMITTED', version: 2 },
      userErrors: [],
    });

    const noComment = await api.query(
      REVIEW,
      { input: { id, expectedVersion: 2, decision: 'REQUEST_CHANGES' } },
      as.reviewer,
    );
    expect(noComment.data!.assessmentReview.userErrors).toEqual([
      { code: 'COMMENT_REQUIRED', field: ['input', 'comment'] },
    ]);
    const changes = await api.query(
      REVIEW,
      {
        input: {
          id,
          expectedVersion: 2,
          decision: 'REQUEST_CHANGES',
          comment: 'Please cite the 2025 budget line.',
        },
      },
      as.reviewer,
    );
    expect(changes.data!.assessmentReview.assessment).toEqual({ status: 'CHANGES_REQUESTED', version: 3 });

    const edited = await api.query(
      SAVE,
      { input: { cycleId, countryCode: 'RS', indicatorId, score: 2, expectedVersion: 3 } },
      as['editor.rs'],
    );
    expect(edited.data!.assessmentSave.assessment).toMatchObject({
      version: 4,
      score: 2,
      status: 'CHANGES_REQUESTED',
      confidence: 'MEDIUM',
    });
    expect(edited.data!.assessmentSave.assessment.narrative.text).toBe(
      'Shelters exist but are not funded for the whole year.',
    );

    expect(
      (await api.query(SUBMIT, { input: { id, expectedVersion: 4 } }, as['lead.rs'])).data!.assessmentSubmit
        .assessment.status,
    ).toBe('SUBMITTED');
    // Another partner sees a submitted assessment of another country only once approved: until then, for it,
    // there is no such assessment.
    const hidden = await api.query(`query($id: ID!) { assessment(id: $id) { id } }`, { id }, as['viewer.al']);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.assessment).toBeNull();

    const approved = await api.query(
      REVIEW,
      { input: { id, expectedVersion: 5, decision: 'APPROVE' } },
      as.reviewer,
    );
    expect(approved.data!.assessmentReview.assessment).toEqual({ status: 'APPROVED', version: 6 });
    const seen = await api.query(
      `query($id: ID!) { assessment(id: $id) { status evidence { totalCount } } }`,
      { id },
      as['viewer.al'],
    );
    expect(seen.data!.assessment).toEqual({ status: 'APPROVED', evidence: { totalCount: 1 } });

    const anonymousBefore = await api.query(`query($id: ID!) { assessment(id: $id) { id } }`, { id });
    expect(anonymousBefore.errors).toBeUndefined();
    expect(anonymousBefore.data!.assessment).toBeNull();

    const early = await api.query(TRANSITION, { input: { id: cycleId, to: 'PUBLISHED' } }, as.admin);
    expect(early.data!.cycleTransition.userErrors).toEqual([{ code: 'INVALID_TRANSITION' }]);
    expect(
      (await api.query(TRANSITION, { input: { id: cycleId, to: 'CLOSED' } }, as.admin)).data!.cycleTransition
        .cycle.status,
    ).toBe('CLOSED');
    const [{ approved: approvedCount }] = await db.dataSource.query(
      `SELECT count(*)::int AS approved FROM assessment WHERE cycle_id = $1 AND status = 'APPROVED'`,
      [cycleId],
    );
    const published = await api.query(TRANSITION, { input: { id: cycleId, to: 'PUBLISHED' } }, as.admin);
    expect(published.data!.cycleTransition).toMatchObject({
      cycle: { status: 'PUBLISHED' },
      publishedAssessments: approvedCount,
      userErrors: [],
    });
    const [{ left }] = await db.dataSource.query(
      `SELECT count(*)::int AS left FROM assessment WHERE cycle_id = $1 AND status = 'APPROVED'`,
      [cycleId],
    );
    expect(left).toBe(0);

    const publicView = await api.query(
      `query($id: ID!) { assessment(id: $id) { status score evidence { nodes { title } } } }`,
      { id },
    );
    expect(publicView.data!.assessment).toEqual({
      status: 'PUBLISHED',
      score: 2,
      evidence: { nodes: [{ title: 'Law on Social Protection' }] },
    });

    // The cycle is frozen.
    const frozen = await api.query(
      SAVE,
      { input: { cycleId, countryCode: 'RS', indicatorId, score: 3, expectedVersion: 7 } },
      as['editor.rs'],
    );
    expect(frozen.data!.assessmentSave.userErrors[0].code).toBe('CYCLE_NOT_OPEN');
    const backToClosed = await api.query(TRANSITION, { input: { id: cycleId, to: 'CLOSED' } }, as.admin);
    expect(backToClosed.data!.cycleTransition.userErrors).toEqual([{ code: 'INVALID_TRANSITION' }]);

    const trail = await api.query(
      `query($id: ID!) { auditTrail(entityId: $id) { totalCount nodes { entityType action actor { displayName } after } } }`,
      { id },
      as['lead.rs'],
    );
    expect(
      trail.data!.auditTrail.nodes.map(
        (e: { entityType: string; action: string }) => `${e.entityType}:${e.action}`,
      ),
    ).toEqual([
      'assessment:create',
      'evidence:create',
      'assessment:submit',
      'assessment:request_changes',
      'review_comment:create',
      'assessment:update',
      'assessment:submit',
      'assessment:approve',
      'assessment:publish',
    ]);
    expect(trail.data!.auditTrail.nodes[5]).toMatchObject({
      actor: { displayName: 'Nikola Petrović' },
      after: { score: 2, version: 4 },
    });
    // The public reads only the publication, without names: the work before it is the country's.
    const publicTrail = await api.query(
      `query($id: ID!) { auditTrail(entityId: $id) { nodes { entityType action actor { id } } } }`,
      { id },
    );
    expect(publicTrail.data!.auditTrail.nodes).toEqual([
      { entityType: 'assessment', action: 'publish', actor: null },
    ]);
  });
});
