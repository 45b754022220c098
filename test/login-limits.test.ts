import { createTestDatabase, type TestDatabase } from './support/database';
import { DEMO_PASSWORD, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

const WINDOW = 900;
// The ratio of the defaults (10, 100, 100), made small so that a test reaches each limit quickly.
const LIMITS = {
  TRUST_PROXY: '1',
  LOGIN_RATE_LIMIT: '3',
  LOGIN_RATE_LIMIT_ACCOUNT: '30',
  LOGIN_RATE_LIMIT_ADDRESS: '30',
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW),
};
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const CHANGE = `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code } } }`;
const SET_PASSWORD = `mutation($input: UserSetPasswordInput!) { userSetPassword(input: $input) { userErrors { code } } }`;
const NEW_PASSWORD = 'A-much-longer-password-9';

/** Failed checks of one account's password, and of setup tokens, are limited; the owner is not locked out. */
describe('limits on password and setup token checks', () => {
  let db: TestDatabase;
  let api: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db, LIMITS);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const from = (ip: string, headers: Record<string, string> = {}) => ({ ...headers, 'x-forwarded-for': ip });
  const login = (email: string, password: string, ip: string) =>
    api.query(LOGIN, { input: { email, password } }, from(ip));
  const signedIn = async (email: string, ip: string) => {
    const res = await login(email, DEMO_PASSWORD, ip);
    expect(res.data?.login.token).toEqual(expect.any(String));
    return { authorization: `Bearer ${res.data!.login.token}` };
  };
  const passwordOf = async (email: string) =>
    (
      await db.dataSource.query(`SELECT password_hash, token_version FROM app_user WHERE email = $1`, [email])
    )[0];

  function expectRateLimited(res: GraphQLResponse, setting: string) {
    expect(res.status).toBe(429);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].message).toContain(`setting ${setting}`);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW);
    expect(res.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', setting, retryAfter });
  }

  it('counts the current password of a password change with the sign-ins of its account: a stolen session cannot guess on', async () => {
    const email = 'viewer.rs@demo.example';
    const stolen = await signedIn(email, '10.20.0.1');
    const before = await passwordOf(email);
    // Two failed sign-ins and one failed password change fill the account's three attempts from this address.
    for (let i = 0; i < 2; i++) {
      expect((await login(email, `guess-${i}`, '10.20.0.1')).data!.login.userErrors).toEqual([
        { code: 'INVALID_CREDENTIALS' },
      ]);
    }
    const guess = (currentPassword: string) =>
      api.query(CHANGE, { input: { currentPassword, newPassword: NEW_PASSWORD } }, from('10.20.0.1', stolen));
    expect((await guess('guess-2')).data!.passwordChange.userErrors).toEqual([
      { code: 'INVALID_CREDENTIALS' },
    ]);
    expectRateLimited(await guess('guess-3'), 'LOGIN_RATE_LIMIT');
    // Refused before it is checked, so a refusal tells nothing, not even for the right password.
    expectRateLimited(await guess(DEMO_PASSWORD), 'LOGIN_RATE_LIMIT');
    expectRateLimited(await login(email, 'guess-4', '10.20.0.1'), 'LOGIN_RATE_LIMIT');
    expect(await passwordOf(email)).toEqual(before);
    // The owner, elsewhere, signs in and changes the password.
    const owner = await signedIn(email, '10.20.0.2');
    const changed = await api.query(
      CHANGE,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD } },
      from('10.20.0.2', owner),
    );
    expect(changed.data!.passwordChange).toEqual({ token: expect.any(String), userErrors: [] });
  });

  it('does not let failures from one address lock the account’s owner out from another', async () => {
    const email = 'admin@demo.example';
    const attacker = '10.21.0.1';
    for (let i = 0; i < 3; i++) {
      expect((await login(email, `guess-${i}`, attacker)).data!.login.userErrors).toEqual([
        { code: 'INVALID_CREDENTIALS' },
      ]);
    }
    for (let i = 3; i < 25; i++)
      expectRateLimited(await login(email, `guess-${i}`, attacker), 'LOGIN_RATE_LIMIT');
    // One request with ten aliased guesses is refused before any runs.
    const aliased = [...Array(10).keys()]
      .map((i) => `g${i}: login(input: { email: "${email}", password: "guess-g${i}" }) { token }`)
      .join(' ');
    const flood = await api.query(`mutation { ${aliased} }`, {}, from(attacker));
    expect(flood.status).toBe(400);
    expect(flood.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'ONE_SENSITIVE_MUTATION',
    });

    await signedIn(email, '10.21.0.2');
    // The attacker is still held back, right password or not.
    expectRateLimited(await login(email, 'guess-last', attacker), 'LOGIN_RATE_LIMIT');
    expectRateLimited(await login(email, DEMO_PASSWORD, attacker), 'LOGIN_RATE_LIMIT');
  });

  it('does not let failures for one account lock the other users of the same address out', async () => {
    const office = '10.22.0.1';
    for (let i = 0; i < 3; i++) {
      const res = await login('lead.rs@demo.example', `guess-${i}`, office);
      expect(res.data!.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    }
    for (let i = 3; i < 25; i++) {
      expectRateLimited(await login('lead.rs@demo.example', `guess-${i}`, office), 'LOGIN_RATE_LIMIT');
    }
    await signedIn('viewer.mk@demo.example', office);
    await signedIn('editor.rs@demo.example', office);
    expectRateLimited(await login('lead.rs@demo.example', 'guess-last', office), 'LOGIN_RATE_LIMIT');
  });

  it('holds one account to LOGIN_RATE_LIMIT_ACCOUNT failures from all addresses together', async () => {
    const email = 'reviewer@demo.example';
    for (let i = 0; i < 30; i++) {
      const res = await login(email, `guess-${i}`, `10.23.${Math.floor(i / 3)}.1`);
      expect(res.data!.login.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    }
    expectRateLimited(await login(email, 'guess-30', '10.23.100.1'), 'LOGIN_RATE_LIMIT_ACCOUNT');
  });

  it('counts failed setup tokens against the address, with the sign-ins from it', async () => {
    const ip = '10.24.0.1';
    const setPassword = (setupToken: string) =>
      api.query(SET_PASSWORD, { input: { setupToken, password: NEW_PASSWORD } }, from(ip));
    for (let i = 0; i < 28; i++) {
      expect((await setPassword(`made-up-token-${i}`)).data!.userSetPassword.userErrors).toEqual([
        { code: 'INVALID_TOKEN' },
      ]);
    }
    for (const email of ['x@demo.example', 'y@demo.example']) {
      expect((await login(email, 'guess', ip)).data!.login.userErrors).toEqual([
        { code: 'INVALID_CREDENTIALS' },
      ]);
    }
    expectRateLimited(await setPassword('made-up-token-28'), 'LOGIN_RATE_LIMIT_ADDRESS');
    expectRateLimited(await login('z@demo.example', 'guess', ip), 'LOGIN_RATE_LIMIT_ADDRESS');
    const elsewhere = await api.query(
      SET_PASSWORD,
      { input: { setupToken: 'made-up-token-29', password: NEW_PASSWORD } },
      from('10.24.0.2'),
    );
    expect(elsewhere.data!.userSetPassword.userErrors).toEqual([{ code: 'INVALID_TOKEN' }]);
  });
});
