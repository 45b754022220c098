import { signToken, verifyToken } from '../src/modules/auth/token';

const SECRET = 'a-secret-of-at-least-thirty-two-characters-long';

/**
 * A token's signature is checked once and the token remembered, but what can change with time or with the
 * setting still decides each use: its expiry, and the secret it is checked against.
 */
describe('verifying sign-in tokens', () => {
  afterEach(() => jest.restoreAllMocks());

  it('accepts a valid token again and again with the same claims', () => {
    const { token } = signToken(SECRET, { sub: 'user-1', ver: 3 }, 60);
    expect(verifyToken(SECRET, token)).toEqual({ sub: 'user-1', ver: 3 });
    const again = verifyToken(SECRET, token)!;
    expect(again).toEqual({ sub: 'user-1', ver: 3 });
    // Each caller gets claims of its own: changing them changes nothing for the next.
    again.ver = 99;
    expect(verifyToken(SECRET, token)).toEqual({ sub: 'user-1', ver: 3 });
  });

  it('refuses a remembered token once it has expired', () => {
    const { token, expiresAt } = signToken(SECRET, { sub: 'user-2', ver: 1 }, 60);
    expect(verifyToken(SECRET, token)).not.toBeNull();
    jest.spyOn(Date, 'now').mockReturnValue(expiresAt.getTime() + 1000);
    expect(verifyToken(SECRET, token)).toBeNull();
    expect(verifyToken(SECRET, token)).toBeNull();
  });

  it('refuses a remembered token checked against another secret', () => {
    const { token } = signToken(SECRET, { sub: 'user-3', ver: 1 }, 60);
    expect(verifyToken(SECRET, token)).not.toBeNull();
    expect(verifyToken(`${SECRET}-rotated`, token)).toBeNull();
  });

  it('refuses a token whose payload or signature was changed', () => {
    const { token } = signToken(SECRET, { sub: 'user-4', ver: 1 }, 60);
    expect(verifyToken(SECRET, token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ver: 2 }),
    ).toString('base64url');
    expect(verifyToken(SECRET, `${header}.${forged}.${signature}`)).toBeNull();
    expect(verifyToken(SECRET, `${header}.${payload}.${signature.slice(0, -2)}AA`)).toBeNull();
  });
});
