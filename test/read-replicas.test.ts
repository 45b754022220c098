import { loadConfig } from '../src/config';
import { appUrlOf } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { DEMO_PASSWORD, signIn, startTestServer, type TestServer } from './support/server';

/**
 * With DATABASE_REPLICA_URLS set, anonymous queries read from a replica and everything else from the primary. The
 * "replica" here is a second copy of the demo database that has been made to differ, so every answer shows
 * which database it came from.
 */
describe('read replicas', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let api: TestServer;
  const NAME = `query { country(code: "RS") { name(locale: EN) { text } } }`;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await replica.dataSource.query(
      `UPDATE country SET name = jsonb_set(name, '{en}', '"Serbia (replica)"') WHERE code = 'RS'`,
    );
    // The replica's copy of the editor is deactivated: a sign-in, and a token, that work were checked on the primary.
    await replica.dataSource.query(
      `UPDATE app_user SET is_active = false WHERE email = 'editor.rs@demo.example'`,
    );
    api = await startTestServer(primary, { DATABASE_REPLICA_URLS: appUrlOf(replica.url) });
  });
  afterAll(async () => {
    await api.close();
    await Promise.all([primary.drop(), replica.drop()]);
  });

  it('reads anonymous queries from the replica, sent with POST or GET', async () => {
    expect((await api.query(NAME)).data!.country.name.text).toBe('Serbia (replica)');
    const url = `${api.url}?query=${encodeURIComponent(NAME)}`;
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await res.json()) as any).data.country.name.text).toBe('Serbia (replica)');
  });

  it('reads a signed-in caller’s queries and runs every mutation on the primary', async () => {
    const headers = await signIn(api, 'editor.rs@demo.example', DEMO_PASSWORD);
    expect((await api.query(NAME, {}, headers)).data!.country.name.text).toBe('Serbia');
    const save = await api.query(
      `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code } } }`,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'Another-Password-2' } },
      headers,
    );
    expect(save.data!.passwordChange.userErrors).toEqual([]);
    const [row] = await primary.dataSource.query(
      `SELECT token_version FROM app_user WHERE email = 'editor.rs@demo.example'`,
    );
    expect(row.token_version).toBeGreaterThan(0);
  });

  it('refuses a replica URL that is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://a/b, mysql://c/d' })).toThrow(
      /DATABASE_REPLICA_URLS must be comma-separated postgres/,
    );
  });
});
