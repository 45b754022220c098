import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { resolveJwtSecret } from '../../src/modules/auth/token';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { DEMO_PASSWORD, signIn, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { email role } userErrors { code message field } } }`;
const ME = `{ me { displayName email role organisation { shortName } countries { code } } }`;

describe('sign-in', () => {
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

  it('signs in with e-mail (any case) and password, and `me` tells who, where and what role', async () => {
    const res = await api.query(LOGIN, {
      input: { email: ' Editor.RS@demo.example ', password: DEMO_PASSWORD },
    });
    expect(res.data!.login.userErrors).toEqual([]);
    expect(res.data!.login.user).toEqual({ email: 'editor.rs@demo.example', role: 'COUNTRY_EDITOR' });
    expect(new Date(res.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await api.query(ME, {}, { authorization: `Bearer ${res.data!.login.token}` });
    expect(me.data!.me).toEqual({
      displayName: 'Nikola Petrović',
      email: 'editor.rs@demo.example',
      role: 'COUNTRY_EDITOR',
      organisation: { shortName: 'ASTRA' },
      countries: [{ code: 'RS' }],
    });
    expect((await api.query(ME)).data!.me).toBeNull();
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const wrong = await api.query(LOGIN, {
      input: { email: 'editor.rs@demo.example', password: 'not-the-password' },
    });
    const unknown = await api.query(LOGIN, {
      input: { email: 'nobody@demo.example', password: DEMO_PASSWORD },
    });
    for (const res of [wrong, unknown]) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.login).toMatchObject({ token: null, user: null });
      expect(res.data!.login.userErrors).toEqual([
        { code: 'INVALID_CREDENTIALS', message: 'The e-mail address or the password is wrong.', field: null },
      ]);
    }
  });

  it.each([
    ['a malformed header', 'Token abc'],
    [
      'a token signed with another secret',
      `Bearer ${jwt.sign({ ver: 1 }, 'another-secret-of-at-least-32-chars!!', { subject: '00000000-0000-4000-8000-000000000000', issuer: 'trafficking-indicators-api' })}`,
    ],
    ['an expired token', 'EXPIRED'],
    ['garbage', 'Bearer not.a.jwt'],
  ])('refuses %s with UNAUTHENTICATED and HTTP 401', async (_label, header) => {
    let value = header;
    if (header === 'EXPIRED') {
      const [{ id }] = await db.dataSource.query(
        `SELECT id FROM app_user WHERE email = 'editor.rs@demo.example'`,
      );
      value = `Bearer ${jwt.sign({ ver: 1, exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, { subject: id, issuer: 'trafficking-indicators-api' })}`;
    }
    const res = await api.query(`{ countries { totalCount } }`, {}, { authorization: value });
    expect(res.status).toBe(401);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeUndefined();
  });

  it('refuses a correctly signed token that never expires', async () => {
    const [user] = await db.dataSource.query(
      `SELECT id, token_version FROM app_user WHERE email = 'editor.rs@demo.example'`,
    );
    const claims = { ver: user.token_version };
    const options = { subject: user.id, issuer: 'trafficking-indicators-api' };
    // The same token with an expiry signs in: only the missing expiry makes the difference.
    const expiring = jwt.sign(claims, TEST_JWT_SECRET, { ...options, expiresIn: 60 });
    const accepted = await api.query(ME, {}, { authorization: `Bearer ${expiring}` });
    expect(accepted.data!.me.email).toBe('editor.rs@demo.example');

    const forever = jwt.sign(claims, TEST_JWT_SECRET, options);
    const res = await api.query(ME, {}, { authorization: `Bearer ${forever}` });
    expect(res.status).toBe(401);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeUndefined();
  });

  it('makes older tokens fail after a password change, and issues a working new one', async () => {
    const old = await signIn(api, 'viewer.me@demo.example');
    const change = await api.query(
      `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code field } } }`,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'A-much-longer-password-2' } },
      old,
    );
    expect(change.data!.passwordChange.userErrors).toEqual([]);
    const refused = await api.query(ME, {}, old);
    expect(refused.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const fresh = await api.query(ME, {}, { authorization: `Bearer ${change.data!.passwordChange.token}` });
    expect(fresh.data!.me.email).toBe('viewer.me@demo.example');
    await expect(signIn(api, 'viewer.me@demo.example')).rejects.toThrow(/INVALID_CREDENTIALS/);
    await signIn(api, 'viewer.me@demo.example', 'A-much-longer-password-2');
  });

  it('refuses a password change with the wrong current password or a short new one, changing nothing', async () => {
    const headers = await signIn(api, 'viewer.mk@demo.example');
    const [before] = await db.dataSource.query(
      `SELECT password_hash, token_version FROM app_user WHERE email = 'viewer.mk@demo.example'`,
    );
    const mutation = `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code field } } }`;
    const wrong = await api.query(
      mutation,
      { input: { currentPassword: 'nope-nope-nope', newPassword: 'A-much-longer-password-2' } },
      headers,
    );
    expect(wrong.data!.passwordChange).toEqual({
      token: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'currentPassword'] }],
    });
    const short = await api.query(
      mutation,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'short' } },
      headers,
    );
    expect(short.data!.passwordChange.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'newPassword'] },
    ]);
    const [after] = await db.dataSource.query(
      `SELECT password_hash, token_version FROM app_user WHERE email = 'viewer.mk@demo.example'`,
    );
    expect(after).toEqual(before);
    expect((await api.query(ME, {}, headers)).data!.me.email).toBe('viewer.mk@demo.example');
  });

  it('makes a deactivated user’s token fail and refuses its sign-in', async () => {
    const headers = await signIn(api, 'viewer.ba@demo.example');
    await db.dataSource.query(
      `UPDATE app_user SET is_active = false, token_version = token_version + 1 WHERE email = 'viewer.ba@demo.example'`,
    );
    expect((await api.query(ME, {}, headers)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await expect(signIn(api, 'viewer.ba@demo.example')).rejects.toThrow(/INVALID_CREDENTIALS/);
  });
});

describe('token secret', () => {
  it('is made once in development and kept under the data directory', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-'));
    try {
      const first = resolveJwtSecret({ jwtSecret: null, dataDir, nodeEnv: 'development' });
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
      expect(resolveJwtSecret({ jwtSecret: null, dataDir, nodeEnv: 'development' })).toBe(first);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is required in production', () => {
    expect(() =>
      resolveJwtSecret({ jwtSecret: null, dataDir: '/nonexistent', nodeEnv: 'production' }),
    ).toThrow(/JWT_SECRET/);
  });
});
