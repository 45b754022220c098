import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { databaseFingerprint } from '../support/fingerprint';
import { signIn, startTestServer, type TestServer } from '../support/server';

/**
 * A mutation given the id of a row the caller may not see answers exactly as for an id that does not exist: the
 * same bytes, errors and data alike, so that no one learns which ids exist by trying them. Nothing changes.
 */
describe('mutations on hidden rows answer as on missing ones', () => {
  let db: TestDatabase;
  let api: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};
  const one = async (text: string, params: unknown[] = []) => (await db.dataSource.query(text, params))[0];

  /** The answer's body as sent, byte for byte. */
  async function answer(query: string, input: Record<string, unknown>, who: string): Promise<string> {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as[who] },
      body: JSON.stringify({ query, variables: { input } }),
    });
    return response.text();
  }

  /** Every row of the tables a refused change could touch, webhooks included. */
  async function everything() {
    const webhooks = await db.dataSource.query(
      `SELECT s.*, (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id) AS deliveries
       FROM webhook_subscription s ORDER BY s.id`,
    );
    return { ...(await databaseFingerprint(db.dataSource)), webhooks: JSON.stringify(webhooks) };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const who of ['editor.al', 'lead.al', 'lead.rs', 'reviewer'])
      as[who] = await signIn(api, `${who}@demo.example`);
    const draft = await one(
      `SELECT a.id, a.version FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.code = '2025' AND a.country_code = 'RS' AND a.status = 'DRAFT' ORDER BY a.id LIMIT 1`,
    );
    ids.draft = draft.id;
    ids.draftVersion = String(draft.version);
    // Evidence other partners may read in general (PARTNERS), but on a draft they may not see.
    ids.evidence = (
      await one(
        `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
         VALUES ($1, 'RS', 'REPORT', 'Draft source', 'en', 'MEDIUM', 'PARTNERS') RETURNING id`,
        [ids.draft],
      )
    ).id;
    ids.comment = (
      await one(
        `INSERT INTO review_comment (assessment_id, country_code, author_id, body)
         SELECT $1, 'RS', id, 'Note to self.' FROM app_user WHERE email = 'editor.rs@demo.example' RETURNING id`,
        [ids.draft],
      )
    ).id;
    const key = await api.query(
      `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { apiKey { id } userErrors { code } } }`,
      { input: { name: 'ASTRA dashboard' } },
      as['lead.rs'],
    );
    ids.apiKey = key.data!.apiKeyCreate.apiKey.id;
    ids.astraUser = (await one(`SELECT id FROM app_user WHERE email = 'editor.rs@demo.example'`)).id;
    ids.webhook = (
      await one(
        `INSERT INTO webhook_subscription (organisation_id, url, events, secret)
         SELECT id, 'https://hooks.example.org/in', '{cycle.published}', $1 FROM organisation WHERE short_name = 'ASTRA'
         RETURNING id`,
        [randomBytes(24).toString('hex')],
      )
    ).id;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const m = (name: string, fields: string) =>
    `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} userErrors { field code message } } }`;

  /** [mutation, who asks, the input around the id, the hidden row's id] */
  const cases: Array<[string, string, string, (id: string) => Record<string, unknown>, () => string]> = [
    [
      'evidenceUpdate',
      'editor.al',
      'evidence { id }',
      (id) => ({ id, title: 'Renamed' }),
      () => ids.evidence,
    ],
    ['evidenceDelete', 'editor.al', 'deletedEvidenceId', (id) => ({ id }), () => ids.evidence],
    ['reviewCommentResolve', 'reviewer', 'comment { id }', (id) => ({ id }), () => ids.comment],
    ['apiKeyRevoke', 'lead.al', 'apiKey { id }', (id) => ({ id }), () => ids.apiKey],
    ['userDeactivate', 'lead.al', 'user { id }', (userId) => ({ userId }), () => ids.astraUser],
    ['webhookUpdate', 'lead.al', 'webhook { id }', (id) => ({ id, enabled: false }), () => ids.webhook],
    ['webhookDelete', 'lead.al', 'deletedWebhookId', (id) => ({ id }), () => ids.webhook],
    ['webhookSecretRotate', 'lead.al', 'secret', (id) => ({ id }), () => ids.webhook],
    // These answered alike already; they stay in the table so that they keep doing so.
    [
      'evidenceCreate',
      'editor.al',
      'evidence { id }',
      (assessmentId) => ({
        assessmentId,
        kind: 'REPORT',
        title: 'Planted',
        language: 'en',
        reliability: 'LOW',
        confidentiality: 'PUBLIC',
      }),
      () => ids.draft,
    ],
    [
      'assessmentSubmit',
      'lead.al',
      'assessment { id }',
      (id) => ({ id, expectedVersion: Number(ids.draftVersion) }),
      () => ids.draft,
    ],
    [
      'assessmentReview',
      'reviewer',
      'assessment { id }',
      (id) => ({ id, expectedVersion: Number(ids.draftVersion), decision: 'APPROVE' }),
      () => ids.draft,
    ],
    [
      'reviewCommentCreate',
      'editor.al',
      'comment { id }',
      (assessmentId) => ({ assessmentId, body: 'Planted' }),
      () => ids.draft,
    ],
  ];

  it.each(cases)('%s as %s', async (name, who, fields, input, hiddenId) => {
    const before = await everything();
    const missing = await answer(m(name, fields), input(randomUUID()), who);
    const hidden = await answer(m(name, fields), input(hiddenId()), who);
    expect(hidden).toBe(missing);
    const parsed = JSON.parse(hidden);
    expect(parsed.errors).toBeUndefined();
    expect(parsed.data[name].userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect(await everything()).toEqual(before);
  });
});
