import { sha256 } from '../src/modules/auth/authenticate';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const INVITE = `mutation($input: UserInviteInput!) { userInvite(input: $input) {
  user { id email displayName role isActive organisation { shortName } }
  setupToken setupTokenExpiresAt userErrors { code field message } } }`;
const SET_PASSWORD = `mutation($input: UserSetPasswordInput!) { userSetPassword(input: $input) {
  user { id displayName role } userErrors { code field message } } }`;
const DEACTIVATE = `mutation($input: UserDeactivateInput!) { userDeactivate(input: $input) {
  user { id isActive } userErrors { code field message } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const ME = `{ me { id email role organisation { shortName } } }`;

const NEW_PASSWORD = 'A-long-enough-password-9';

describe('user management', () => {
  let db: TestDatabase;
  let api: TestServer;
  let admin: Record<string, string>;
  let leadRs: Record<string, string>;
  const org: Record<string, string> = {};

  /** Everything an invitation or a deactivation could change, to show that a refusal changed nothing. */
  async function userTables() {
    const [users, memberships, audits] = await Promise.all([
      db.dataSource.query(
        `SELECT id, email, display_name, is_active, token_version, password_hash, setup_token_hash,
           setup_token_expires_at, updated_at FROM app_user ORDER BY id`,
      ),
      db.dataSource.query(`SELECT id, user_id, organisation_id, role FROM membership ORDER BY id`),
      db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`),
    ]);
    return { users, memberships, audits: audits[0].n };
  }

  async function userRow(email: string) {
    const [row] = await db.dataSource.query(
      `SELECT u.*, m.role, m.organisation_id FROM app_user u JOIN membership m ON m.user_id = u.id
       WHERE lower(u.email) = lower($1)`,
      [email],
    );
    return row;
  }

  async function invite(headers: Record<string, string>, input: Record<string, unknown>) {
    return api.query(INVITE, { input }, headers);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    admin = await signIn(api, 'admin@demo.example');
    leadRs = await signIn(api, 'lead.rs@demo.example');
    for (const row of await db.dataSource.query(`SELECT id, short_name FROM organisation`)) {
      org[row.short_name] = row.id;
    }
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('lets an admin invite a reviewer, who sets a password once with the setup token and signs in', async () => {
    const res = await invite(admin, {
      email: '  New.Reviewer@Example.org ',
      displayName: 'Nora Reviewer',
      role: 'REVIEWER',
      organisationId: org.NHC,
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.userInvite;
    expect(payload.userErrors).toEqual([]);
    expect(payload.user).toMatchObject({
      email: 'new.reviewer@example.org',
      displayName: 'Nora Reviewer',
      role: 'REVIEWER',
      isActive: true,
      organisation: { shortName: 'NHC' },
    });
    const token: string = payload.setupToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expiresIn = new Date(payload.setupTokenExpiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);

    const stored = await userRow('new.reviewer@example.org');
    expect(stored).toMatchObject({ role: 'REVIEWER', organisation_id: org.NHC, password_hash: null });
    expect(stored.setup_token_hash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    // No password yet: signing in fails like any wrong password.
    const early = await api.query(LOGIN, {
      input: { email: 'new.reviewer@example.org', password: NEW_PASSWORD },
    });
    expect(early.data!.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);

    const set = await api.query(SET_PASSWORD, { input: { setupToken: token, password: NEW_PASSWORD } });
    expect(set.errors).toBeUndefined();
    expect(set.data!.userSetPassword).toEqual({
      user: { id: payload.user.id, displayName: 'Nora Reviewer', role: 'REVIEWER' },
      userErrors: [],
    });
    const afterSet = await userRow('new.reviewer@example.org');
    expect(afterSet.password_hash).toMatch(/^\$argon2id\$/);
    expect(afterSet.setup_token_hash).toBeNull();
    expect(afterSet.setup_token_expires_at).toBeNull();
    expect(afterSet.token_version).toBe(stored.token_version + 1);

    const before = await userTables();
    const again = await api.query(SET_PASSWORD, {
      input: { setupToken: token, password: 'Another-password-12' },
    });
    expect(again.data!.userSetPassword.user).toBeNull();
    expect(again.data!.userSetPassword.userErrors).toMatchObject([
      { code: 'INVALID_TOKEN', field: ['input', 'setupToken'] },
    ]);
    expect(await userTables()).toEqual(before);

    const login = await api.query(LOGIN, {
      input: { email: 'NEW.reviewer@example.org', password: NEW_PASSWORD },
    });
    expect(login.data!.login.userErrors).toEqual([]);
    const me = await api.query(ME, {}, { authorization: `Bearer ${login.data!.login.token}` });
    expect(me.data!.me).toMatchObject({ role: 'REVIEWER', organisation: { shortName: 'NHC' } });

    const audits = await db.dataSource.query(
      `SELECT action, before, after FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 ORDER BY occurred_at`,
      [payload.user.id],
    );
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['invite', 'password_set']);
    const trail = JSON.stringify(audits);
    expect(trail).not.toContain(token);
    expect(trail).not.toContain(sha256(token));
    expect(trail).not.toContain(NEW_PASSWORD);
    expect(trail).not.toContain(afterSet.password_hash);
  });

  it('lets a country lead invite into its own organisation, with the organisation omitted or named', async () => {
    const implicit = await invite(leadRs, {
      email: 'new.editor@astra.example',
      displayName: 'Novi Urednik',
      role: 'COUNTRY_EDITOR',
    });
    expect(implicit.data!.userInvite.userErrors).toEqual([]);
    expect(implicit.data!.userInvite.user).toMatchObject({
      email: 'new.editor@astra.example',
      role: 'COUNTRY_EDITOR',
      organisation: { shortName: 'ASTRA' },
    });
    const explicit = await invite(leadRs, {
      email: 'new.lead@astra.example',
      displayName: 'Nova Koordinatorka',
      role: 'COUNTRY_LEAD',
      organisationId: org.ASTRA,
    });
    expect(explicit.data!.userInvite.userErrors).toEqual([]);
    expect(explicit.data!.userInvite.user.role).toBe('COUNTRY_LEAD');

    const set = await api.query(SET_PASSWORD, {
      input: { setupToken: implicit.data!.userInvite.setupToken, password: NEW_PASSWORD },
    });
    expect(set.data!.userSetPassword.userErrors).toEqual([]);
    const editor = await signIn(api, 'new.editor@astra.example', NEW_PASSWORD);
    const me = await api.query(ME, {}, editor);
    expect(me.data!.me).toMatchObject({ role: 'COUNTRY_EDITOR', organisation: { shortName: 'ASTRA' } });
  });

  it('refuses a country lead inviting into another organisation with FORBIDDEN, creating no user', async () => {
    const before = await userTables();
    const res = await invite(leadRs, {
      email: 'intruder@example.org',
      displayName: 'Intruder',
      role: 'COUNTRY_VIEWER',
      organisationId: org.CLCI,
    });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(res.data?.userInvite ?? null).toBeNull();
    expect(await userTables()).toEqual(before);
    expect(await userRow('intruder@example.org')).toBeUndefined();
  });

  it('refuses a country lead granting a role above the country roles with ROLE_NOT_ALLOWED', async () => {
    const before = await userTables();
    for (const role of ['ADMIN', 'REVIEWER', 'FRAMEWORK_EDITOR']) {
      const res = await invite(leadRs, {
        email: `climber.${role}@example.org`,
        displayName: 'Climber',
        role,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.userInvite).toMatchObject({
        user: null,
        setupToken: null,
        userErrors: [{ code: 'ROLE_NOT_ALLOWED', field: ['input', 'role'] }],
      });
    }
    expect(await userTables()).toEqual(before);
  });

  it('refuses userInvite to editors, viewers, reviewers, framework editors, API keys and anonymous callers', async () => {
    const keyRes = await api.query(
      `mutation { apiKeyCreate(input: { name: "Invite probe" }) { key userErrors { code } } }`,
      {},
      leadRs,
    );
    const apiKey = { authorization: `Bearer ${keyRes.data!.apiKeyCreate.key}` };
    const before = await userTables();
    const input = { email: 'sneaky@example.org', displayName: 'Sneaky', role: 'COUNTRY_VIEWER' };
    for (const email of [
      'editor.rs@demo.example',
      'viewer.rs@demo.example',
      'reviewer@demo.example',
      'framework@demo.example',
    ]) {
      const res = await invite(await signIn(api, email), input);
      expect([email, res.errors![0].extensions!.code]).toEqual([email, 'FORBIDDEN']);
      expect(res.data?.userInvite ?? null).toBeNull();
    }
    const byKey = await invite(apiKey, input);
    expect(byKey.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await invite({}, input);
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await userTables()).toEqual(before);
  });

  it('refuses an e-mail address that is taken in another case with DUPLICATE', async () => {
    const before = await userTables();
    const res = await invite(admin, {
      email: 'LEAD.RS@Demo.Example',
      displayName: 'Twin',
      role: 'COUNTRY_VIEWER',
      organisationId: org.ASTRA,
    });
    expect(res.data!.userInvite).toMatchObject({
      user: null,
      setupToken: null,
      userErrors: [{ code: 'DUPLICATE', field: ['input', 'email'] }],
    });
    expect(await userTables()).toEqual(before);
  });

  it('refuses malformed input, roles that do not fit the organisation and unknown organisations', async () => {
    const before = await userTables();
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
      [
        { email: 'not-an-address', displayName: 'X', role: 'COUNTRY_VIEWER' },
        'INVALID_INPUT',
        ['input', 'email'],
      ],
      [
        { email: `${'a'.repeat(250)}@example.org`, displayName: 'X', role: 'COUNTRY_VIEWER' },
        'INVALID_INPUT',
        ['input', 'email'],
      ],
      [
        { email: 'blank@example.org', displayName: '   ', role: 'COUNTRY_VIEWER' },
        'INVALID_INPUT',
        ['input', 'displayName'],
      ],
      [
        { email: 'misfit1@example.org', displayName: 'X', role: 'REVIEWER', organisationId: org.ASTRA },
        'INVALID_INPUT',
        ['input', 'role'],
      ],
      [
        {
          email: 'misfit2@example.org',
          displayName: 'X',
          role: 'COUNTRY_LEAD',
          organisationId: org.Platform,
        },
        'INVALID_INPUT',
        ['input', 'role'],
      ],
      [
        { email: 'misfit3@example.org', displayName: 'X', role: 'ADMIN', organisationId: org.NHC },
        'INVALID_INPUT',
        ['input', 'role'],
      ],
      [
        {
          email: 'nowhere@example.org',
          displayName: 'X',
          role: 'ADMIN',
          organisationId: '00000000-0000-4000-8000-000000000000',
        },
        'NOT_FOUND',
        ['input', 'organisationId'],
      ],
    ];
    for (const [input, code, field] of cases) {
      const res = await invite(admin, { role: 'COUNTRY_VIEWER', organisationId: org.ASTRA, ...input });
      expect(res.errors).toBeUndefined();
      expect(res.data!.userInvite.user).toBeNull();
      expect(res.data!.userInvite.userErrors).toMatchObject([{ code, field }]);
    }
    const malformed = await invite(admin, {
      email: 'x@example.org',
      displayName: 'X',
      role: 'ADMIN',
      organisationId: 'Platform',
    });
    expect(malformed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await userTables()).toEqual(before);
  });

  it('keeps the setup token when the password is refused, and refuses expired and unknown tokens', async () => {
    const res = await invite(admin, {
      email: 'late.viewer@example.org',
      displayName: 'Late Viewer',
      role: 'COUNTRY_VIEWER',
      organisationId: org.WRC,
    });
    const token: string = res.data!.userInvite.setupToken;

    const before = await userTables();
    const short = await api.query(SET_PASSWORD, { input: { setupToken: token, password: 'short' } });
    expect(short.data!.userSetPassword.userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: ['input', 'password'] },
    ]);
    const unknown = await api.query(SET_PASSWORD, {
      // Another last character: a token that differs from the real one only at its end.
      input: {
        setupToken: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
        password: NEW_PASSWORD,
      },
    });
    expect(unknown.data!.userSetPassword.userErrors).toMatchObject([{ code: 'INVALID_TOKEN' }]);
    const empty = await api.query(SET_PASSWORD, { input: { setupToken: '', password: NEW_PASSWORD } });
    expect(empty.data!.userSetPassword.userErrors).toMatchObject([{ code: 'INVALID_TOKEN' }]);
    expect(await userTables()).toEqual(before);

    await db.dataSource.query(
      `UPDATE app_user SET setup_token_expires_at = now() - interval '1 minute' WHERE lower(email) = $1`,
      ['late.viewer@example.org'],
    );
    const expiredBefore = await userTables();
    const expired = await api.query(SET_PASSWORD, { input: { setupToken: token, password: NEW_PASSWORD } });
    expect(expired.data!.userSetPassword).toMatchObject({
      user: null,
      userErrors: [{ code: 'INVALID_TOKEN' }],
    });
    expect(await userTables()).toEqual(expiredBefore);
  });

  it('refuses userSetPassword to an API key, which stays read-only', async () => {
    const res = await invite(admin, {
      email: 'key.target@example.org',
      displayName: 'Key Target',
      role: 'COUNTRY_VIEWER',
      organisationId: org.ASTRA,
    });
    const token: string = res.data!.userInvite.setupToken;
    const keyRes = await api.query(
      `mutation { apiKeyCreate(input: { name: "Setter" }) { key } }`,
      {},
      leadRs,
    );
    const before = await userTables();
    const byKey = await api.query(
      SET_PASSWORD,
      { input: { setupToken: token, password: NEW_PASSWORD } },
      { authorization: `Bearer ${keyRes.data!.apiKeyCreate.key}` },
    );
    expect(byKey.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await userTables()).toEqual(before);
  });

  it('deactivates a user: its existing token stops working at once and it can no longer sign in', async () => {
    const viewer = await signIn(api, 'viewer.rs@demo.example');
    expect((await api.query(ME, {}, viewer)).data!.me.role).toBe('COUNTRY_VIEWER');
    const target = await userRow('viewer.rs@demo.example');

    const res = await api.query(DEACTIVATE, { input: { userId: target.id } }, leadRs);
    expect(res.errors).toBeUndefined();
    expect(res.data!.userDeactivate).toEqual({ user: { id: target.id, isActive: false }, userErrors: [] });
    const stored = await userRow('viewer.rs@demo.example');
    expect(stored.is_active).toBe(false);
    expect(stored.token_version).toBe(target.token_version + 1);

    const stale = await api.query(ME, {}, viewer);
    expect(stale.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const login = await api.query(LOGIN, {
      input: { email: 'viewer.rs@demo.example', password: 'Demo-Password-1' },
    });
    expect(login.data!.login).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });

    const [audit] = await db.dataSource.query(
      `SELECT actor_user_id, before, after FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 AND action = 'deactivate'`,
      [target.id],
    );
    expect(audit).toMatchObject({ before: { isActive: true }, after: { isActive: false } });

    const before = await userTables();
    const twice = await api.query(DEACTIVATE, { input: { userId: target.id } }, leadRs);
    expect(twice.data!.userDeactivate.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
    expect(await userTables()).toEqual(before);
  });

  it('lets an admin deactivate a user of any organisation', async () => {
    const target = await userRow('editor.al@demo.example');
    const res = await api.query(DEACTIVATE, { input: { userId: target.id } }, admin);
    expect(res.data!.userDeactivate).toEqual({ user: { id: target.id, isActive: false }, userErrors: [] });
    expect((await userRow('editor.al@demo.example')).is_active).toBe(false);
  });

  it('refuses deactivation across organisations, of oneself and by other roles, leaving users active', async () => {
    const other = await userRow('editor.ba@demo.example');
    const self = await userRow('lead.rs@demo.example');
    const adminRow = await userRow('admin@demo.example');
    const before = await userTables();

    // Users of another organisation are answered to a lead as users that do not exist.
    const noUser = {
      userDeactivate: {
        user: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'userId'], message: 'There is no such user.' }],
      },
    };
    const acrossOrg = await api.query(DEACTIVATE, { input: { userId: other.id } }, leadRs);
    expect(acrossOrg.errors).toBeUndefined();
    expect(acrossOrg.data).toEqual(noUser);
    const ofAdmin = await api.query(DEACTIVATE, { input: { userId: adminRow.id } }, leadRs);
    expect(ofAdmin.data).toEqual(noUser);
    const ofSelf = await api.query(DEACTIVATE, { input: { userId: self.id } }, leadRs);
    expect(ofSelf.data!.userDeactivate.userErrors).toMatchObject([{ code: 'INVALID_INPUT' }]);
    const adminSelf = await api.query(DEACTIVATE, { input: { userId: adminRow.id } }, admin);
    expect(adminSelf.data!.userDeactivate.userErrors).toMatchObject([{ code: 'INVALID_INPUT' }]);
    const byEditor = await api.query(
      DEACTIVATE,
      { input: { userId: other.id } },
      await signIn(api, 'editor.rs@demo.example'),
    );
    expect(byEditor.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await api.query(DEACTIVATE, { input: { userId: other.id } });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const unknown = await api.query(
      DEACTIVATE,
      { input: { userId: '00000000-0000-4000-8000-000000000000' } },
      admin,
    );
    expect(unknown.data!.userDeactivate.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const malformed = await api.query(DEACTIVATE, { input: { userId: 'editor.ba' } }, admin);
    expect(malformed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    expect(await userTables()).toEqual(before);
    expect((await userRow('editor.ba@demo.example')).is_active).toBe(true);
    expect((await api.query(ME, {}, leadRs)).data!.me.role).toBe('COUNTRY_LEAD');
  });
});
