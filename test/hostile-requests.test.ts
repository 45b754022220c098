import { createTestDatabase, type TestDatabase } from './support/database';
import { databaseFingerprint } from './support/fingerprint';
import { DEMO_PASSWORD, signIn, startTestServer, type TestServer } from './support/server';

interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

const LIMITS = {
  TRUST_PROXY: '1',
  LOGIN_RATE_LIMIT: '3',
  LOGIN_RATE_LIMIT_ACCOUNT: '5',
  LOGIN_RATE_LIMIT_ADDRESS: '5',
  RATE_LIMIT_USER: '20',
  RATE_LIMIT_API_KEY: '5',
  RATE_LIMIT_IP: '60',
  RATE_LIMIT_WINDOW_SECONDS: '600',
};
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const EVIDENCE_CREATE = `mutation($input: EvidenceCreateInput!) {
  evidenceCreate(input: $input) { evidence { id } userErrors { field code message } } }`;
const ASSESSMENT_SAVE = `mutation($input: AssessmentSaveInput!) {
  assessmentSave(input: $input) { assessment { id version } userErrors { field code message } } }`;

/** A query whose fields nest `levels` deep without any list, so only the depth limit applies. */
function nestedQuery(levels: number): string {
  let inner = levels % 2 === 0 ? 'code' : 'label';
  // cycle > frameworkVersion > framework > latestVersion > framework > … > code
  for (let level = levels - 1; level >= 3; level--) {
    inner = `${level % 2 === 1 ? 'framework' : 'latestVersion'} { ${inner} }`;
  }
  return `{ cycle(code: "2024") { frameworkVersion { ${inner} } } }`;
}

describe('hostile and malformed GraphQL requests', () => {
  let db: TestDatabase;
  let api: TestServer;
  let editorRs: Record<string, string>;
  let editorMe: Record<string, string>;
  let leadMe: Record<string, string>;
  let apiKey: Record<string, string>;
  let evidenceInput: Record<string, unknown>;
  let meEvidenceInput: Record<string, unknown>;
  let saveInput: Record<string, unknown>;

  async function send(init: RequestInit & { path?: string }): Promise<RawResponse> {
    const response = await fetch(`${api.url}${init.path ?? ''}`, init);
    const text = await response.text();
    let body: RawResponse['body'] = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = {};
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  function post(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
    return send({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function unchanged(act: () => Promise<void>): Promise<void> {
    const before = await databaseFingerprint(db.dataSource);
    await act();
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
  }

  async function editableAssessment(country: string, headers: Record<string, string>) {
    const res = await api.query(
      `query($country: String!) { cycle(code: "2025") { id assessments(countryCode: $country, first: 100) {
        nodes { id version viewerCanEdit indicator { id answerType } } } } }`,
      { country },
      headers,
    );
    const assessment = res.data!.cycle.assessments.nodes.find(
      (a: { viewerCanEdit: boolean; indicator: { answerType: string } }) =>
        a.viewerCanEdit && a.indicator.answerType === 'SCORE',
    );
    expect(assessment).toBeDefined();
    return { cycleId: res.data!.cycle.id as string, assessment };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db, LIMITS);
    editorRs = await signIn(api, 'editor.rs@demo.example');
    editorMe = await signIn(api, 'editor.me@demo.example');
    const leadRs = await signIn(api, 'lead.rs@demo.example');
    const key = await api.query(
      `mutation { apiKeyCreate(input: { name: "Flood test" }) { key userErrors { code } } }`,
      {},
      leadRs,
    );
    apiKey = { authorization: `Bearer ${key.data!.apiKeyCreate.key}` };
    const rs = await editableAssessment('RS', editorRs);
    const base = { kind: 'LAW', title: 'Law on Social Protection', language: 'sr-Latn' };
    evidenceInput = {
      ...base,
      assessmentId: rs.assessment.id,
      reliability: 'HIGH',
      confidentiality: 'PUBLIC',
    };
    saveInput = {
      cycleId: rs.cycleId,
      countryCode: 'RS',
      indicatorId: rs.assessment.indicator.id,
      expectedVersion: rs.assessment.version,
    };
    leadMe = await signIn(api, 'lead.me@demo.example');
    const me = await editableAssessment('ME', leadMe);
    meEvidenceInput = { ...evidenceInput, assessmentId: me.assessment.id };
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  describe('query limits', () => {
    function expectLimit(res: RawResponse, setting: string) {
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', setting });
      expect(res.body.errors![0].message).toContain(setting);
    }

    it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH (12), and runs one at the limit', async () => {
      expectLimit(await post({ query: nestedQuery(13) }), 'GRAPHQL_MAX_DEPTH');
      const atLimit = await post({ query: nestedQuery(12) });
      expect(atLimit.status).toBe(200);
      expect(atLimit.body.errors).toBeUndefined();
      expect(atLimit.body.data!.cycle.frameworkVersion.framework).toBeDefined();
    });

    it('counts __typename aliases against GRAPHQL_MAX_ALIASES (30)', async () => {
      const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
      const refused = await post({ query: `{ ${aliases(31)} }` });
      expectLimit(refused, 'GRAPHQL_MAX_ALIASES');
      expect(refused.body.errors![0].message).toMatch(/31 aliases/);
      const allowed = await post({ query: `{ ${aliases(30)} }` });
      expect(allowed.status).toBe(200);
      expect(Object.keys(allowed.body.data!)).toHaveLength(30);
    });

    it('counts aliases in fragments once per spread', async () => {
      const fragment = `fragment F on Query { ${Array.from({ length: 8 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
      expectLimit(await post({ query: `{ ...F ...F ...F ...F } ${fragment}` }), 'GRAPHQL_MAX_ALIASES');
      expect((await post({ query: `{ ...F ...F ...F } ${fragment}` })).status).toBe(200);
    });

    it('refuses more directives than GRAPHQL_MAX_DIRECTIVES (20)', async () => {
      const fields = (n: number) =>
        Array.from({ length: n }, () => '__typename @include(if: true)').join(' ');
      expectLimit(await post({ query: `{ ${fields(21)} }` }), 'GRAPHQL_MAX_DIRECTIVES');
      expect((await post({ query: `{ ${fields(20)} }` })).body.data).toEqual({ __typename: 'Query' });
    });

    it('stops parsing after GRAPHQL_MAX_TOKENS (5000) tokens', async () => {
      const res = await post({ query: `{ ${'__typename '.repeat(5000)} }` });
      expectLimit(res, 'GRAPHQL_MAX_TOKENS');
      expect(res.body.errors![0].message).toMatch(/more than 5000 tokens/);
    });

    it('refuses a query whose lists multiply past GRAPHQL_MAX_COST', async () => {
      const query = `{ countries(first: 100) { nodes { organisations { members(first: 100) { nodes {
        countries { assessments(first: 100) { nodes { id score } } } } } } } } }`;
      const res = await post({ query });
      expectLimit(res, 'GRAPHQL_MAX_COST');
      expect(res.body.errors![0].extensions!.actual).toBeGreaterThan(20_000_000);
    });

    it('answers a body over GRAPHQL_MAX_BODY_BYTES (100 KiB) with 413 and a GraphQL error in JSON', async () => {
      await unchanged(async () => {
        const res = await post(
          {
            query: EVIDENCE_CREATE,
            variables: { input: { ...evidenceInput, citation: 'x'.repeat(110_000) } },
          },
          editorRs,
        );
        expect(res.status).toBe(413);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        expect(res.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
        expect(res.body.errors![0].message).toMatch(/GRAPHQL_MAX_BODY_BYTES/);
      });
    });
  });

  describe('HTTP', () => {
    it('refuses a batch of operations', async () => {
      const res = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/batching/i);
      expect(api.server.apollo['internals'].allowBatchedHttpRequests).toBe(false);
    });

    it('never runs a mutation sent with GET', async () => {
      await unchanged(async () => {
        const params = new URLSearchParams({
          query: EVIDENCE_CREATE,
          variables: JSON.stringify({ input: evidenceInput }),
        });
        const res = await send({
          path: `?${params}`,
          method: 'GET',
          headers: { ...editorRs, 'apollo-require-preflight': 'true' },
        });
        expect(res.status).toBe(405);
        expect(res.headers.get('allow')).toBe('POST');
        expect(res.body.errors![0].extensions!.code).toBe('BAD_REQUEST');
        expect(res.body.data).toBeUndefined();
      });
    });

    it('refuses a text/plain POST, which a browser sends cross-site without a preflight (CSRF)', async () => {
      await unchanged(async () => {
        const res = await send({
          method: 'POST',
          headers: { 'content-type': 'text/plain', ...editorRs },
          body: JSON.stringify({ query: EVIDENCE_CREATE, variables: { input: evidenceInput } }),
        });
        expect(res.status).toBe(400);
        expect(res.body.errors![0].extensions!.code).toBe('BAD_REQUEST');
        expect(res.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
      });
    });

    it('answers malformed JSON with 400 and a GraphQL error in JSON, not an HTML page', async () => {
      await unchanged(async () => {
        const res = await post(`{"query": "mutation { evidenceCreate(`, editorRs);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        expect(res.text).not.toMatch(/<html|<pre|at \w+ \(/i);
        expect(res.body.errors).toEqual([
          {
            message: expect.stringMatching(/^The request body is not a JSON object/),
            extensions: { code: 'BAD_REQUEST' },
          },
        ]);
      });
    });

    it('refuses a body of another content type with 415 and a clear message', async () => {
      const res = await send({
        method: 'POST',
        headers: { 'content-type': 'application/xml', 'apollo-require-preflight': 'true' },
        body: '<query>{ __typename }</query>',
      });
      expect(res.status).toBe(415);
      expect(res.body.errors).toEqual([
        {
          message: 'Send GraphQL requests as application/json, not "application/xml".',
          extensions: { code: 'BAD_REQUEST' },
        },
      ]);
    });
  });

  describe('input validation', () => {
    it('refuses an overlong evidence title with INVALID_INPUT', async () => {
      await unchanged(async () => {
        const res = await api.query(
          EVIDENCE_CREATE,
          { input: { ...evidenceInput, title: 'T'.repeat(501) } },
          editorRs,
        );
        expect(res.data!.evidenceCreate).toEqual({
          evidence: null,
          userErrors: [
            { field: ['input', 'title'], code: 'INVALID_INPUT', message: 'A title has 1 to 500 characters.' },
          ],
        });
      });
    });

    it('refuses a `javascript:` URL', async () => {
      await unchanged(async () => {
        const res = await api.query(
          EVIDENCE_CREATE,
          { input: { ...evidenceInput, url: 'javascript:alert(document.cookie)' } },
          editorRs,
        );
        expect(res.data!.evidenceCreate.userErrors).toEqual([
          expect.objectContaining({ field: ['input', 'url'], code: 'INVALID_INPUT' }),
        ]);
      });
    });

    it('refuses a date that does not exist (2023-02-30)', async () => {
      await unchanged(async () => {
        const res = await api.query(
          EVIDENCE_CREATE,
          { input: { ...evidenceInput, documentDate: '2023-02-30' } },
          editorRs,
        );
        expect(res.data!.evidenceCreate.userErrors).toEqual([
          expect.objectContaining({ field: ['input', 'documentDate'], code: 'INVALID_INPUT' }),
        ]);
      });
    });

    it('refuses an enum value that does not exist, inline and in variables', async () => {
      await unchanged(async () => {
        const inline = await post(
          {
            query: `mutation { evidenceCreate(input: { assessmentId: "${evidenceInput.assessmentId}", kind: RUMOUR,
            title: "x", language: "en", reliability: HIGH, confidentiality: PUBLIC }) { userErrors { code } } }`,
          },
          editorRs,
        );
        expect(inline.status).toBe(400);
        expect(inline.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
        const variable = await post(
          { query: EVIDENCE_CREATE, variables: { input: { ...evidenceInput, kind: 'RUMOUR' } } },
          editorRs,
        );
        expect(variable.status).toBe(400);
        expect(variable.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
        expect(variable.body.data).toBeUndefined();
      });
    });

    it('refuses score 7 with SCORE_OUT_OF_RANGE', async () => {
      await unchanged(async () => {
        const res = await api.query(ASSESSMENT_SAVE, { input: { ...saveInput, score: 7 } }, editorRs);
        expect(res.data!.assessmentSave.assessment).toBeNull();
        expect(res.data!.assessmentSave.userErrors).toEqual([
          expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }),
        ]);
      });
    });
  });

  describe('rate limits', () => {
    function expectRateLimited(res: RawResponse, setting: string, maxRetryAfter: number) {
      expect(res.status).toBe(429);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].extensions!.code).toBe('RATE_LIMITED');
      expect(res.body.errors![0].message).toContain(setting);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(maxRetryAfter);
      expect(res.body.errors![0].extensions!.retryAfter).toBe(retryAfter);
    }

    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const attempt = (email: string, password: string, ip: string) =>
      post({ query: LOGIN, variables: { input: { email, password } } }, from(ip));

    it('holds one account to LOGIN_RATE_LIMIT_ACCOUNT failed sign-ins from all addresses together', async () => {
      await unchanged(async () => {
        for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5']) {
          const res = await attempt('viewer.al@demo.example', 'guess', ip);
          expect(res.body.data!.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
        }
        expectRateLimited(
          await attempt('viewer.al@demo.example', 'guess', '10.0.0.6'),
          'LOGIN_RATE_LIMIT_ACCOUNT',
          900,
        );
        // Guesses spread over many addresses hold even the right password back until the window ends …
        expectRateLimited(
          await attempt('VIEWER.AL@demo.example ', DEMO_PASSWORD, '10.0.0.7'),
          'LOGIN_RATE_LIMIT_ACCOUNT',
          900,
        );
        // … while other accounts sign in as usual.
        expect(
          (await attempt('viewer.ba@demo.example', DEMO_PASSWORD, '10.0.0.6')).body.data!.login.token,
        ).toEqual(expect.any(String));
      });
    });

    it('holds one address to LOGIN_RATE_LIMIT_ADDRESS failed sign-ins, whatever the e-mail address', async () => {
      for (const email of ['a', 'b', 'c', 'd', 'e'].map((a) => `${a}@demo.example`)) {
        expect((await attempt(email, 'guess', '10.0.0.9')).body.data!.login.userErrors).toHaveLength(1);
      }
      expectRateLimited(
        await attempt('f@demo.example', 'guess', '10.0.0.9'),
        'LOGIN_RATE_LIMIT_ADDRESS',
        900,
      );
    });

    it('refuses aliased logins in one request before any of them runs or counts', async () => {
      const logins = ['a', 'b', 'c', 'd']
        .map((a) => `${a}: login(input: { email: "${a}.flood@demo.example", password: "guess" }) { token }`)
        .join(' ');
      const refused = await post({ query: `mutation { ${logins} }` }, from('10.0.0.20'));
      expect(refused.status).toBe(400);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule: 'ONE_SENSITIVE_MUTATION',
      });
      // Nothing ran, so nothing was attempted: the account has its three attempts from this address.
      for (let i = 0; i < 3; i++) {
        const res = await attempt('a.flood@demo.example', 'guess', '10.0.0.20');
        expect(res.body.data!.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
      }
      expectRateLimited(await attempt('a.flood@demo.example', 'guess', '10.0.0.20'), 'LOGIN_RATE_LIMIT', 900);
    });

    it('does not count sign-ins that succeed', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await attempt('viewer.rs@demo.example', DEMO_PASSWORD, '10.0.0.30');
        expect(res.body.data!.login.token).toEqual(expect.any(String));
      }
      // A sign-in that selects no token is known to have succeeded all the same.
      const bare = await post(
        {
          query: `mutation { login(input: { email: "viewer.rs@demo.example", password: "${DEMO_PASSWORD}" }) { __typename } }`,
        },
        from('10.0.0.30'),
      );
      expect(bare.body.data!.login).toEqual({ __typename: 'LoginPayload' });
      for (let i = 0; i < 3; i++) {
        const res = await attempt('viewer.rs@demo.example', 'guess', '10.0.0.30');
        expect(res.body.data!.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
      }
      expectRateLimited(
        await attempt('viewer.rs@demo.example', 'guess', '10.0.0.30'),
        'LOGIN_RATE_LIMIT',
        900,
      );
    });

    it('holds a signed-in user to RATE_LIMIT_USER requests a window; the refused request changes nothing', async () => {
      for (let i = 0; i < 20; i++) {
        const res = await post({ query: '{ me { role } }' }, editorMe);
        expect(res.status).toBe(200);
      }
      await unchanged(async () => {
        const refused = await post(
          { query: EVIDENCE_CREATE, variables: { input: meEvidenceInput } },
          editorMe,
        );
        expectRateLimited(refused, 'RATE_LIMIT_USER', 600);
      });
      // Other users are not held back by it, and the same request from one of them writes.
      const written = await post({ query: EVIDENCE_CREATE, variables: { input: meEvidenceInput } }, leadMe);
      expect(written.status).toBe(200);
      expect(written.body.data!.evidenceCreate.userErrors).toEqual([]);
    });

    it('holds an API key to RATE_LIMIT_API_KEY requests a window', async () => {
      for (let i = 0; i < 5; i++) {
        expect((await post({ query: '{ countries { totalCount } }' }, apiKey)).status).toBe(200);
      }
      expectRateLimited(
        await post({ query: '{ countries { totalCount } }' }, apiKey),
        'RATE_LIMIT_API_KEY',
        600,
      );
    });

    it('holds an anonymous address to RATE_LIMIT_IP requests a window, forged tokens included', async () => {
      for (let i = 0; i < 59; i++) {
        expect((await post({ query: '{ __typename }' }, from('10.0.1.1'))).status).toBe(200);
      }
      const forged = await post(
        { query: '{ __typename }' },
        { ...from('10.0.1.1'), authorization: 'Bearer forged' },
      );
      expect(forged.status).toBe(401);
      expectRateLimited(await post({ query: '{ __typename }' }, from('10.0.1.1')), 'RATE_LIMIT_IP', 600);
      expect((await post({ query: '{ __typename }' }, from('10.0.1.2'))).status).toBe(200);
    });
  });
});
