import http from 'node:http';
import type { DataSource } from 'typeorm';
import { loadConfig, type WebhookSettings } from '../src/config';
import { WebhookWorker, backoffMs } from '../src/modules/webhook/webhook.worker';
import { verifySignature } from '../src/modules/webhook/webhook.signing';
import { isNonPublicAddress, urlProblem, useTargetPolicy } from '../src/modules/webhook/webhook.targets';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { freePort } from './support/net';
import { signIn, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server';

const CREATE = `mutation($input: WebhookCreateInput!) { webhookCreate(input: $input) {
  webhook { id url events enabled description organisation { shortName } createdBy { displayName } }
  secret userErrors { code field message } } }`;
const UPDATE = `mutation($input: WebhookUpdateInput!) { webhookUpdate(input: $input) {
  webhook { id url events enabled } userErrors { code field message } } }`;
const DELETE = `mutation($input: WebhookDeleteInput!) { webhookDelete(input: $input) {
  deletedWebhookId userErrors { code field } } }`;
const ROTATE = `mutation($input: WebhookSecretRotateInput!) { webhookSecretRotate(input: $input) {
  webhook { id previousSecretExpiresAt } secret userErrors { code field } } }`;
const LIST = `query($organisationId: ID) { webhooks(organisationId: $organisationId) {
  totalCount nodes { id url organisation { shortName } } } }`;
const LOG = `query($webhookId: ID!, $status: WebhookDeliveryStatus) {
  webhookDeliveries(webhookId: $webhookId, status: $status) { totalCount nodes {
    id event status attempts lastResponseCode lastError nextAttemptAt deliveredAt payload
    attemptLog { attempt startedAt durationMs responseCode error } } } }`;
const SUBMIT = `mutation($input: AssessmentSubmitInput!) { assessmentSubmit(input: $input) {
  assessment { status version } userErrors { code } } }`;
const REVIEW = `mutation($input: AssessmentReviewInput!) { assessmentReview(input: $input) {
  assessment { status version } userErrors { code field } } }`;
const TRANSITION = `mutation($input: CycleTransitionInput!) { cycleTransition(input: $input) {
  cycle { status } publishedAssessments userErrors { code } } }`;

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback: records every request, and answers what `answer` says for its path. */
async function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, () => number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = answers.get(path)?.() ?? 200;
      res.end('ok');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    answers,
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('webhooks', () => {
  let db: TestDatabase;
  let appDs: DataSource;
  let api: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let settings: WebhookSettings;
  const workers: WebhookWorker[] = [];
  const as: Record<string, Record<string, string>> = {};
  const org: Record<string, string> = {};
  let integratorKey: Record<string, string>;
  const used = new Set<string>();

  const one = async (sql: string, params: unknown[] = []) => (await db.dataSource.query(sql, params))[0];

  function startWorker(overrides: Partial<WebhookSettings> = {}): WebhookWorker {
    const worker = new WebhookWorker(appDs, { ...settings, ...overrides });
    worker.start();
    workers.push(worker);
    return worker;
  }

  async function stopWorkers() {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  }

  async function register(who: string, input: Record<string, unknown>) {
    const res = await api.query(CREATE, { input }, as[who]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.webhookCreate.userErrors).toEqual([]);
    return res.data!.webhookCreate as { webhook: { id: string }; secret: string };
  }

  /** An RS assessment of the open cycle that its lead may submit, not used by another test. */
  async function editableRs(): Promise<{ id: string; version: number; status: string }> {
    const row = await one(
      `SELECT a.id, a.version, a.status FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.code = '2025' AND a.country_code = 'RS' AND a.status IN ('DRAFT', 'CHANGES_REQUESTED')
         AND NOT (a.id = ANY ($1::uuid[])) ORDER BY a.id LIMIT 1`,
      [[...used]],
    );
    used.add(row.id);
    return row;
  }

  async function submitRs() {
    const assessment = await editableRs();
    const res = await api.query(
      SUBMIT,
      { input: { id: assessment.id, expectedVersion: assessment.version } },
      as['lead.rs'],
    );
    expect(res.data!.assessmentSubmit.userErrors).toEqual([]);
    return { ...assessment, version: res.data!.assessmentSubmit.assessment.version as number };
  }

  const deliveriesOf = (webhookId: string) =>
    db.dataSource.query(`SELECT * FROM webhook_delivery WHERE subscription_id = $1 ORDER BY created_at`, [
      webhookId,
    ]);

  beforeAll(async () => {
    db = await createTestDatabase();
    appDs = await appDataSourceFor(db.url);
    settings = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      WEBHOOK_POLL_INTERVAL_MS: '20',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_BACKOFF_BASE_MS: '100',
      WEBHOOK_BACKOFF_MAX_MS: '400',
      // The receiver of these tests listens on loopback, which no environment allows by default.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    }).webhook;
    useTargetPolicy(settings);
    api = await startTestServer(db);
    receiver = await startReceiver();
    for (const who of ['lead.rs', 'lead.al', 'editor.rs', 'reviewer', 'admin'])
      as[who] = await signIn(api, `${who}@demo.example`);
    org.astra = (
      await one(`SELECT organisation_id AS id FROM organisation_country WHERE country_code = 'RS'`)
    ).id;
    org.al = (
      await one(`SELECT organisation_id AS id FROM organisation_country WHERE country_code = 'AL'`)
    ).id;
    org.reviewer = (await one(`SELECT id FROM organisation WHERE kind = 'REVIEWER'`)).id;
    org.integrator = (
      await one(
        `INSERT INTO organisation (name, short_name, kind) VALUES ('Open Data Lab', 'ODL', 'INTEGRATOR') RETURNING id`,
      )
    ).id;
    const key = await api.query(
      `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key userErrors { code } } }`,
      { input: { name: 'Data lab sync', organisationId: org.integrator } },
      as.admin,
    );
    integratorKey = { authorization: `Bearer ${key.data!.apiKeyCreate.key}` };
  });

  afterEach(stopWorkers);

  afterAll(async () => {
    await stopWorkers();
    useTargetPolicy({ allowHttp: false, allowHttpLoopback: false, allowPrivateTargets: false });
    await receiver.close();
    await api.close();
    await appDs.destroy();
    await db.drop();
  });

  it('lets managers register webhooks for their own organisation only', async () => {
    const created = await register('lead.rs', {
      url: `${receiver.base}/astra`,
      events: ['ASSESSMENT_SUBMITTED', 'ASSESSMENT_SUBMITTED', 'ASSESSMENT_APPROVED'],
      description: 'Case management sync',
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.webhook).toMatchObject({
      events: ['ASSESSMENT_SUBMITTED', 'ASSESSMENT_APPROVED'],
      enabled: true,
      organisation: { shortName: 'ASTRA' },
      createdBy: { displayName: expect.any(String) },
    });

    const otherOrg = await api.query(
      CREATE,
      { input: { url: `${receiver.base}/x`, events: ['CYCLE_PUBLISHED'], organisationId: org.al } },
      as['lead.rs'],
    );
    expect(otherOrg.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const editor = await api.query(
      CREATE,
      { input: { url: `${receiver.base}/x`, events: ['CYCLE_PUBLISHED'] } },
      as['editor.rs'],
    );
    expect(editor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byKey = await api.query(
      CREATE,
      { input: { url: `${receiver.base}/x`, events: ['CYCLE_PUBLISHED'] } },
      integratorKey,
    );
    expect(byKey.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const refused = async (input: Record<string, unknown>, who = 'lead.rs') =>
      (await api.query(CREATE, { input }, as[who])).data!.webhookCreate.userErrors;
    expect(await refused({ url: 'http://hooks.example.org/in', events: ['CYCLE_PUBLISHED'] })).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'url'], message: 'The URL must use https.' },
    ]);
    expect(await refused({ url: `${receiver.base}/x`, events: [] })).toMatchObject([
      { code: 'INVALID_INPUT', field: ['input', 'events'] },
    ]);
    expect(
      await refused(
        {
          url: 'https://hooks.example.org/in',
          events: ['ASSESSMENT_SUBMITTED'],
          organisationId: org.integrator,
        },
        'admin',
      ),
    ).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'events'] }]);

    // The integrator's endpoint is registered by an admin; its key then reads it, and nothing else.
    const integrator = await register('admin', {
      url: 'https://hooks.example.org/in',
      events: ['CYCLE_PUBLISHED'],
      organisationId: org.integrator,
    });
    const own = await api.query(LIST, {}, integratorKey);
    expect(own.data!.webhooks).toEqual({
      totalCount: 1,
      nodes: [
        {
          id: integrator.webhook.id,
          url: 'https://hooks.example.org/in',
          organisation: { shortName: 'ODL' },
        },
      ],
    });
    const others = await api.query(LIST, { organisationId: org.astra }, integratorKey);
    expect(others.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const othersLog = await api.query(LOG, { webhookId: created.webhook.id }, integratorKey);
    expect(othersLog.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const alList = await api.query(LIST, {}, as['lead.al']);
    expect(alList.data!.webhooks.totalCount).toBe(0);
    const alUpdate = await api.query(
      UPDATE,
      { input: { id: created.webhook.id, enabled: false } },
      as['lead.al'],
    );
    // Another organisation's webhook is answered as one that does not exist.
    expect(alUpdate.errors).toBeUndefined();
    expect(alUpdate.data!.webhookUpdate.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'id'], message: 'There is no such webhook.' },
    ]);

    const anonymous = await api.query(LIST, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const deleted = await api.query(DELETE, { input: { id: integrator.webhook.id } }, as.admin);
    expect(deleted.data!.webhookDelete).toEqual({ deletedWebhookId: integrator.webhook.id, userErrors: [] });
    const gone = await api.query(DELETE, { input: { id: created.webhook.id } }, as['lead.rs']);
    expect(gone.data!.webhookDelete.userErrors).toEqual([]);
  });

  it('allows loopback and private targets only when WEBHOOK_ALLOW_PRIVATE_TARGETS says so', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const env = {
        NODE_ENV,
        DATABASE_URL: 'postgres://x/y',
        DATABASE_APP_PASSWORD: 'y'.repeat(16),
        JWT_SECRET: TEST_JWT_SECRET,
      };
      const byDefault = loadConfig(env).webhook;
      expect([NODE_ENV, byDefault.allowPrivateTargets]).toEqual([NODE_ENV, false]);
      for (const url of ['https://127.0.0.1/in', 'https://localhost/in', 'https://10.1.2.3/in']) {
        expect([NODE_ENV, url, urlProblem(url, byDefault)]).toEqual([
          NODE_ENV,
          url,
          expect.stringMatching(/public address/),
        ]);
      }
      const allowed = loadConfig({ ...env, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).webhook;
      expect(urlProblem('https://10.1.2.3/in', allowed)).toBeNull();
    }
    expect(urlProblem('http://127.0.0.1:8080/in', settings)).toBeNull();
  });

  it('refuses non-public and plain-http targets where the settings say so', async () => {
    const production = { allowHttp: false, allowHttpLoopback: false, allowPrivateTargets: false };
    expect(urlProblem('https://hooks.example.org/in', production)).toBeNull();
    for (const url of [
      'http://127.0.0.1:8080/in',
      'https://127.0.0.1/in',
      'https://localhost/in',
      'https://10.1.2.3/in',
      'https://[::1]/in',
      'https://[::ffff:192.168.1.1]/in',
      'https://169.254.169.254/latest/meta-data',
      'https://2130706433/in',
    ]) {
      expect([url, urlProblem(url, production)]).toEqual([url, expect.any(String)]);
    }
    expect(urlProblem('https://user:pw@hooks.example.org/', production)).toMatch(/user name/);
    expect(urlProblem('ftp://hooks.example.org/', production)).toMatch(/https/);
    expect(urlProblem('http://127.0.0.1:8080/in', settings)).toBeNull();
    expect(urlProblem('http://hooks.example.org/in', { ...production, allowHttp: true })).toBeNull();
    expect(isNonPublicAddress('93.184.216.34')).toBe(false);
    expect(isNonPublicAddress('fd00::1')).toBe(true);

    // The same rule holds when registering: with production's settings a loopback receiver is refused …
    useTargetPolicy(production);
    try {
      const res = await api.query(
        CREATE,
        { input: { url: `${receiver.base}/x`, events: ['CYCLE_PUBLISHED'] } },
        as['lead.rs'],
      );
      expect(res.data!.webhookCreate.userErrors).toMatchObject([
        { code: 'INVALID_INPUT', field: ['input', 'url'] },
      ]);
    } finally {
      useTargetPolicy(settings);
    }

    // … and when delivering: an endpoint the settings no longer allow is not called.
    const hook = await register('lead.rs', {
      url: `${receiver.base}/blocked`,
      events: ['ASSESSMENT_SUBMITTED'],
    });
    await submitRs();
    startWorker({ ...production, maxAttempts: 1 });
    const [failed] = await waitFor('the blocked delivery to fail', async () => {
      const rows = await deliveriesOf(hook.webhook.id);
      return rows.length === 1 && rows[0].status === 'FAILED' && rows;
    });
    expect(failed.last_error).toMatch(/not allowed/);
    expect(receiver.at('/blocked')).toEqual([]);
    await api.query(DELETE, { input: { id: hook.webhook.id } }, as['lead.rs']);
  });

  it('delivers a submission, signed, to the organisations that may read it', async () => {
    const astra = await register('lead.rs', {
      url: `${receiver.base}/astra`,
      events: ['ASSESSMENT_SUBMITTED', 'ASSESSMENT_APPROVED'],
    });
    const reviewer = await register('reviewer', {
      url: `${receiver.base}/reviewer`,
      events: ['ASSESSMENT_SUBMITTED', 'ASSESSMENT_APPROVED', 'ASSESSMENT_CHANGES_REQUESTED'],
    });
    const al = await register('lead.al', {
      url: `${receiver.base}/al`,
      events: ['ASSESSMENT_SUBMITTED', 'ASSESSMENT_APPROVED', 'ASSESSMENT_CHANGES_REQUESTED'],
    });
    // Registration refuses these events to an integrator; written here directly, they must still not reach it.
    const [integrator] = await db.dataSource.query(
      `INSERT INTO webhook_subscription (organisation_id, url, events, secret)
       VALUES ($1, $2, '{assessment.submitted,assessment.approved,cycle.published}', $3) RETURNING id`,
      [org.integrator, `${receiver.base}/integrator`, `whsec_${'x'.repeat(43)}`],
    );

    const submitted = await submitRs();
    expect((await deliveriesOf(astra.webhook.id)).length).toBe(1);
    expect((await deliveriesOf(reviewer.webhook.id)).length).toBe(1);
    expect(await deliveriesOf(al.webhook.id)).toEqual([]);
    expect(await deliveriesOf(integrator.id)).toEqual([]);

    startWorker();
    const [request] = await waitFor(
      'the submission at ASTRA',
      () => receiver.at('/astra').length > 0 && receiver.at('/astra'),
    );
    const [delivery] = await deliveriesOf(astra.webhook.id);
    expect(request.headers['x-webhook-event']).toBe('assessment.submitted');
    expect(request.headers['x-webhook-id']).toBe(delivery.id);
    expect(request.headers['x-webhook-attempt']).toBe('1');
    expect(request.headers['content-type']).toBe('application/json');
    const signature = String(request.headers['x-webhook-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(signature, request.body, astra.secret)).toBe(true);
    expect(verifySignature(signature, request.body, reviewer.secret)).toBe(false);
    expect(verifySignature(signature, `${request.body} `, astra.secret)).toBe(false);

    const indicator = await one(
      `SELECT i.id, i.code, c.id AS cycle_id FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE a.id = $1`,
      [submitted.id],
    );
    const body = JSON.parse(request.body);
    expect(body).toEqual({
      id: delivery.id,
      event: 'assessment.submitted',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      data: {
        assessment: {
          id: submitted.id,
          countryCode: 'RS',
          cycleId: indicator.cycle_id,
          cycleCode: '2025',
          indicatorId: indicator.id,
          indicatorCode: indicator.code,
          status: 'SUBMITTED',
          previousStatus: submitted.status,
          version: submitted.version,
        },
      },
    });

    await waitFor('the reviewer’s copy', () => receiver.at('/reviewer').length === 1);
    const log = await waitFor('the log to show the delivery', async () => {
      const res = await api.query(LOG, { webhookId: astra.webhook.id }, as['lead.rs']);
      const nodes = res.data!.webhookDeliveries.nodes;
      return nodes[0]?.status === 'DELIVERED' && nodes;
    });
    expect(log[0]).toMatchObject({
      id: delivery.id,
      event: 'ASSESSMENT_SUBMITTED',
      attempts: 1,
      lastResponseCode: 200,
      lastError: null,
      nextAttemptAt: null,
      payload: body.data,
      attemptLog: [{ attempt: 1, responseCode: 200, error: null, durationMs: expect.any(Number) }],
    });

    // Partners read other countries' approved assessments, so ALCI hears of the approval.
    const approved = await api.query(
      REVIEW,
      { input: { id: submitted.id, expectedVersion: submitted.version, decision: 'APPROVE' } },
      as.reviewer,
    );
    expect(approved.data!.assessmentReview.userErrors).toEqual([]);
    const [alRequest] = await waitFor(
      'the approval at ALCI',
      () => receiver.at('/al').length > 0 && receiver.at('/al'),
    );
    expect(alRequest.headers['x-webhook-event']).toBe('assessment.approved');
    expect(verifySignature(String(alRequest.headers['x-webhook-signature']), alRequest.body, al.secret)).toBe(
      true,
    );
    expect(await deliveriesOf(integrator.id)).toEqual([]);
    expect(receiver.at('/integrator')).toEqual([]);

    for (const [who, id] of [
      ['lead.rs', astra.webhook.id],
      ['reviewer', reviewer.webhook.id],
      ['lead.al', al.webhook.id],
      ['admin', integrator.id],
    ]) {
      await api.query(DELETE, { input: { id } }, as[who]);
    }
  });

  it('retries a failing endpoint with growing waits until it recovers', async () => {
    const hook = await register('lead.rs', {
      url: `${receiver.base}/flaky`,
      events: ['ASSESSMENT_SUBMITTED'],
    });
    let calls = 0;
    receiver.answers.set('/flaky', () => (++calls <= 2 ? 500 : 204));
    await submitRs();
    startWorker();
    const [delivery] = await waitFor('the delivery to succeed', async () => {
      const rows = await deliveriesOf(hook.webhook.id);
      return rows[0]?.status === 'DELIVERED' && rows;
    });
    expect(delivery).toMatchObject({ attempts: 3, last_response_code: 204, last_error: null });
    const res = await api.query(LOG, { webhookId: hook.webhook.id }, as['lead.rs']);
    const tries = res.data!.webhookDeliveries.nodes[0].attemptLog;
    expect(tries.map((t: { responseCode: number }) => t.responseCode)).toEqual([500, 500, 204]);
    expect(tries[0].error).toBe('The endpoint answered HTTP 500.');
    // Each wait is at least half its doubled base: 50 ms, then 100 ms.
    const gaps = [1, 2].map((i) => Date.parse(tries[i].startedAt) - Date.parse(tries[i - 1].startedAt));
    expect(gaps[0]).toBeGreaterThanOrEqual(50);
    expect(gaps[1]).toBeGreaterThanOrEqual(100);
    const ids = new Set(receiver.at('/flaky').map((r) => r.headers['x-webhook-id']));
    expect([...ids]).toEqual([delivery.id]);
    await api.query(DELETE, { input: { id: hook.webhook.id } }, as['lead.rs']);
  });

  it('marks a delivery FAILED after the last try, visible in the log', async () => {
    const hook = await register('reviewer', {
      url: `${receiver.base}/down`,
      events: ['ASSESSMENT_SUBMITTED'],
    });
    receiver.answers.set('/down', () => 503);
    await submitRs();
    startWorker();
    await waitFor(
      'the delivery to fail',
      async () => (await deliveriesOf(hook.webhook.id))[0]?.status === 'FAILED',
    );
    expect(receiver.at('/down')).toHaveLength(settings.maxAttempts);
    const failed = await api.query(LOG, { webhookId: hook.webhook.id, status: 'FAILED' }, as.reviewer);
    expect(failed.data!.webhookDeliveries.totalCount).toBe(1);
    expect(failed.data!.webhookDeliveries.nodes[0]).toMatchObject({
      status: 'FAILED',
      attempts: settings.maxAttempts,
      lastResponseCode: 503,
      lastError: 'The endpoint answered HTTP 503.',
      nextAttemptAt: null,
      deliveredAt: null,
    });
    expect(failed.data!.webhookDeliveries.nodes[0].attemptLog).toHaveLength(settings.maxAttempts);
    const pending = await api.query(LOG, { webhookId: hook.webhook.id, status: 'PENDING' }, as.reviewer);
    expect(pending.data!.webhookDeliveries.totalCount).toBe(0);
    await api.query(DELETE, { input: { id: hook.webhook.id } }, as.reviewer);
  });

  it('queues nothing for a change that rolls back', async () => {
    const hook = await register('reviewer', {
      url: `${receiver.base}/rollback`,
      events: ['ASSESSMENT_SUBMITTED', 'ASSESSMENT_CHANGES_REQUESTED'],
    });
    const submitted = await submitRs();
    await db.dataSource.query(`DELETE FROM webhook_delivery WHERE subscription_id = $1`, [hook.webhook.id]);
    // The comment is written after the status change and its event; failing it rolls the whole change back.
    await db.dataSource.query(`
      CREATE FUNCTION refuse_marked_comment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.body = 'refuse me' THEN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$`);
    await db.dataSource.query(`CREATE TRIGGER refuse_marked_comment BEFORE INSERT ON review_comment
      FOR EACH ROW EXECUTE FUNCTION refuse_marked_comment()`);
    try {
      const res = await api.query(
        REVIEW,
        {
          input: {
            id: submitted.id,
            expectedVersion: submitted.version,
            decision: 'REQUEST_CHANGES',
            comment: 'refuse me',
          },
        },
        as.reviewer,
      );
      expect(res.data!.assessmentReview.userErrors).toMatchObject([{ code: 'INVALID_INPUT' }]);
    } finally {
      await db.dataSource.query(`DROP TRIGGER refuse_marked_comment ON review_comment`);
      await db.dataSource.query(`DROP FUNCTION refuse_marked_comment()`);
    }
    expect((await one(`SELECT status FROM assessment WHERE id = $1`, [submitted.id])).status).toBe(
      'SUBMITTED',
    );
    expect(await deliveriesOf(hook.webhook.id)).toEqual([]);

    const res = await api.query(
      REVIEW,
      {
        input: {
          id: submitted.id,
          expectedVersion: submitted.version,
          decision: 'REQUEST_CHANGES',
          comment: 'Cite the source.',
        },
      },
      as.reviewer,
    );
    expect(res.data!.assessmentReview.userErrors).toEqual([]);
    const [queued] = await deliveriesOf(hook.webhook.id);
    expect(queued).toMatchObject({ event: 'assessment.changes_requested', status: 'PENDING' });
    expect(JSON.stringify(queued.payload)).not.toContain('Cite the source');
    await api.query(DELETE, { input: { id: hook.webhook.id } }, as.reviewer);
  });

  it('delivers what was queued while no worker ran, once one starts', async () => {
    const hook = await register('lead.rs', {
      url: `${receiver.base}/later`,
      events: ['ASSESSMENT_SUBMITTED'],
    });
    await submitRs();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.at('/later')).toEqual([]);
    expect((await deliveriesOf(hook.webhook.id))[0]).toMatchObject({ status: 'PENDING', attempts: 0 });

    // A fresh pool, as after a restart of the service.
    const restarted = await appDataSourceFor(db.url);
    try {
      const worker = new WebhookWorker(restarted, settings);
      worker.start();
      await waitFor('the late delivery', () => receiver.at('/later').length === 1);
      await waitFor(
        'its record',
        async () => (await deliveriesOf(hook.webhook.id))[0].status === 'DELIVERED',
      );
      await worker.stop();
    } finally {
      await restarted.destroy();
    }
    await api.query(DELETE, { input: { id: hook.webhook.id } }, as['lead.rs']);
  });

  it('shares the queue between workers: each delivery is sent once', async () => {
    const hook = await register('lead.rs', {
      url: `${receiver.base}/shared`,
      events: ['ASSESSMENT_SUBMITTED'],
    });
    await db.dataSource.query(
      `INSERT INTO webhook_delivery (organisation_id, subscription_id, event, payload)
       SELECT $1, $2, 'assessment.submitted', jsonb_build_object('n', n) FROM generate_series(1, 40) n`,
      [org.astra, hook.webhook.id],
    );
    startWorker({ batchSize: 3 });
    startWorker({ batchSize: 3 });
    startWorker({ batchSize: 3 });
    await waitFor('every delivery', async () => {
      const [{ count }] = await db.dataSource.query(
        `SELECT count(*)::int FROM webhook_delivery WHERE subscription_id = $1 AND status = 'DELIVERED'`,
        [hook.webhook.id],
      );
      return count === 40;
    });
    const ids = receiver.at('/shared').map((r) => r.headers['x-webhook-id']);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    await api.query(DELETE, { input: { id: hook.webhook.id } }, as['lead.rs']);
  });

  it('signs with the old and the new secret while a rotation settles, and pauses while disabled', async () => {
    const hook = await register('lead.rs', {
      url: `${receiver.base}/rotated`,
      events: ['ASSESSMENT_SUBMITTED'],
    });
    const rotated = await api.query(ROTATE, { input: { id: hook.webhook.id } }, as['lead.rs']);
    const { secret, webhook } = rotated.data!.webhookSecretRotate;
    expect(secret).not.toBe(hook.secret);
    expect(Date.parse(webhook.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);

    const disabled = await api.query(
      UPDATE,
      { input: { id: hook.webhook.id, enabled: false } },
      as['lead.rs'],
    );
    expect(disabled.data!.webhookUpdate.webhook.enabled).toBe(false);
    await submitRs();
    expect(await deliveriesOf(hook.webhook.id)).toEqual([]);
    await api.query(UPDATE, { input: { id: hook.webhook.id, enabled: true } }, as['lead.rs']);
    await submitRs();

    startWorker();
    const [request] = await waitFor(
      'the signed delivery',
      () => receiver.at('/rotated').length > 0 && receiver.at('/rotated'),
    );
    const header = String(request.headers['x-webhook-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, request.body, secret)).toBe(true);
    expect(verifySignature(header, request.body, hook.secret)).toBe(true);
    const now = Number(/t=(\d+)/.exec(header)![1]);
    expect(verifySignature(header, request.body, secret, 300, now + 301)).toBe(false);

    const leaked = await api.query(
      ROTATE,
      { input: { id: hook.webhook.id, previousSecretHours: 0 } },
      as['lead.rs'],
    );
    expect(leaked.data!.webhookSecretRotate.webhook.previousSecretExpiresAt).toBeNull();
    await api.query(DELETE, { input: { id: hook.webhook.id } }, as['lead.rs']);
  });

  it('tells every subscriber, integrators included, of a publication', async () => {
    const integrator = await register('admin', {
      url: `${receiver.base}/published`,
      events: ['CYCLE_PUBLISHED'],
      organisationId: org.integrator,
    });
    const cycle = await one(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
    for (const to of ['CLOSED', 'PUBLISHED']) {
      const res = await api.query(TRANSITION, { input: { id: cycle.id, to } }, as.admin);
      expect(res.data!.cycleTransition.userErrors).toEqual([]);
    }
    const edition = await one(`SELECT id, number, content_sha256 FROM edition WHERE cycle_id = $1`, [
      cycle.id,
    ]);
    startWorker();
    const [request] = await waitFor(
      'the publication',
      () => receiver.at('/published').length > 0 && receiver.at('/published'),
    );
    expect(
      verifySignature(String(request.headers['x-webhook-signature']), request.body, integrator.secret),
    ).toBe(true);
    const body = JSON.parse(request.body);
    expect(body.event).toBe('cycle.published');
    expect(body.data).toEqual({
      cycle: { id: cycle.id, code: '2025', year: 2025, status: 'PUBLISHED', publishedAt: expect.any(String) },
      edition: { id: edition.id, number: edition.number, contentSha256: edition.content_sha256 },
      publishedAssessments: expect.any(Number),
    });
    const log = await api.query(LOG, { webhookId: integrator.webhook.id }, integratorKey);
    expect(log.data!.webhookDeliveries.totalCount).toBe(1);
  });

  it('waits with exponential backoff, jittered and capped', () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('prunes finished deliveries past the retention period', async () => {
    const hook = await register('lead.rs', { url: `${receiver.base}/old`, events: ['ASSESSMENT_SUBMITTED'] });
    await db.dataSource.query(
      `INSERT INTO webhook_delivery (organisation_id, subscription_id, event, payload, status, delivered_at, created_at)
       VALUES ($1, $2, 'assessment.submitted', '{}', 'DELIVERED', now(), now() - interval '40 days'),
              ($1, $2, 'assessment.submitted', '{}', 'PENDING', NULL, now() - interval '40 days'),
              ($1, $2, 'assessment.submitted', '{}', 'FAILED', NULL, now() - interval '1 day')`,
      [org.astra, hook.webhook.id],
    );
    const worker = new WebhookWorker(appDs, settings);
    expect(await worker.prune()).toBe(1);
    expect((await deliveriesOf(hook.webhook.id)).map((d: { status: string }) => d.status).sort()).toEqual([
      'FAILED',
      'PENDING',
    ]);
  });
});
