import { createHash } from 'node:crypto';
import { parse, validate } from 'graphql';
import { loadConfig } from '../src/config';
import { buildTypeSchema } from '../src/graphql/schema';
import { queryLimitRules } from '../src/pipeline/limits/query-limits';
import { SENSITIVE_MUTATIONS, SensitiveMutationError } from '../src/pipeline/limits/sensitive-mutations';
import { createTestDatabase, type TestDatabase } from './support/database';
import { DEMO_PASSWORD, signIn, startTestServer, type TestServer } from './support/server';

const schema = buildTypeSchema();
const rules = queryLimitRules(loadConfig({}).graphql);

/** Every validation error of `query`, with the extensions of the rule's own. */
function refusals(query: string): Array<{ message: string; extensions: Record<string, unknown> | null }> {
  return validate(schema, parse(query), rules).map((e) => ({
    message: e.message,
    extensions: e instanceof SensitiveMutationError ? { ...e.extensions } : null,
  }));
}

const login = (alias: string, email = 'a@demo.example') =>
  `${alias}login(input: { email: "${email}", password: "guess" }) { token }`;
const change = (alias: string) =>
  `${alias}passwordChange(input: { currentPassword: "guess-guess-guess", newPassword: "A-new-password-1" }) { token }`;

describe('one sensitive mutation per request (validation)', () => {
  it('names only mutations the schema has', () => {
    const fields = Object.keys(schema.getMutationType()!.getFields());
    expect(SENSITIVE_MUTATIONS.filter((name) => !fields.includes(name))).toEqual([]);
    expect(SENSITIVE_MUTATIONS).toEqual(
      expect.arrayContaining([
        'login',
        'passwordChange',
        'userSetPassword',
        'apiKeyCreate',
        'userDeactivate',
      ]),
    );
  });

  it.each([
    ['two aliased logins', `mutation { ${login('a: ')} ${login('b: ')} }`, 2],
    ['a login beside a password change', `mutation { ${login('')} ${change('')} }`, 2],
    [
      'ten aliased password changes',
      `mutation { ${[...Array(10).keys()].map((i) => change(`c${i}: `)).join(' ')} }`,
      10,
    ],
    [
      'logins in two fragments',
      `mutation { ...A ...B } fragment A on Mutation { ${login('a: ')} } fragment B on Mutation { ${login('b: ')} }`,
      2,
    ],
    [
      'a login in an inline fragment beside a nested fragment',
      `mutation { ... on Mutation { ${login('a: ')} ...B } } fragment B on Mutation { ${change('b: ')} }`,
      2,
    ],
    [
      'logins that @skip and @include would split',
      `mutation($x: Boolean!) { ${login('a: ').replace(')', ') @skip(if: $x)')} ${login('b: ').replace(')', ') @include(if: $x)')} }`,
      2,
    ],
    [
      'two API keys and a deactivation',
      `mutation { a: apiKeyCreate(input: { name: "a" }) { key } b: apiKeyCreate(input: { name: "b" }) { key }
         userDeactivate(input: { userId: "00000000-0000-4000-8000-000000000000" }) { __typename } }`,
      3,
    ],
  ])('refuses %s with BAD_USER_INPUT naming the rule', (_label, query, actual) => {
    const found = refusals(query);
    expect(found).toHaveLength(1);
    expect(found[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      rule: 'ONE_SENSITIVE_MUTATION',
      maximum: 1,
      actual,
    });
    expect(found[0].message).toMatch(
      /at most one of login, passwordChange, .* \(rule ONE_SENSITIVE_MUTATION\)/,
    );
  });

  it.each([
    ['one login with __typename beside it', `mutation { __typename t: __typename ${login('')} }`],
    ['one login spread by two fragments', `mutation { ...A ...A } fragment A on Mutation { ${login('')} }`],
    [
      'the same login written twice under one key (it runs once)',
      `mutation { ${login('a: ')} ... on Mutation { ${login('a: ')} } }`,
    ],
    [
      'one login in each of two operations (one runs)',
      `mutation A { ${login('')} } mutation B { ${login('')} }`,
    ],
    [
      'a password change beside other mutations',
      `mutation { ${change('')} evidenceDelete(input: { id: "00000000-0000-4000-8000-000000000000" }) { __typename } }`,
    ],
  ])('lets %s through', (_label, query) => {
    expect(refusals(query)).toEqual([]);
  });
});

describe('one sensitive mutation per request (HTTP)', () => {
  let db: TestDatabase;
  let api: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db, { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const credentials = () =>
    db.dataSource.query(`SELECT email, password_hash, token_version FROM app_user ORDER BY email`);
  const keys = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM api_key`))[0].n;

  it('refuses aliased password changes of a stolen session before any runs, and counts none', async () => {
    const session = await signIn(api, 'viewer.rs@demo.example');
    const headers = { ...session, 'x-forwarded-for': '10.11.0.1' };
    const before = await credentials();
    const guesses = ['a', 'b', 'c', 'd', 'e']
      .map(
        (a) =>
          `${a}: passwordChange(input: { currentPassword: "guess-${a}", newPassword: "A-new-password-1" }) { token }`,
      )
      .join(' ');
    const refused = await api.query(`mutation { ${guesses} }`, {}, headers);
    expect(refused.status).toBe(400);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'ONE_SENSITIVE_MUTATION',
    });
    expect(refused.errors![0].message).toContain('a: passwordChange, b: passwordChange');
    // The one statement that checked the token, and nothing else.
    expect(refused.statements).toBe(1);
    expect(await credentials()).toEqual(before);
    // None was counted: the owner changes the password with the right one from the same address.
    const ok = await api.query(
      `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code } } }`,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'A-new-password-1' } },
      headers,
    );
    expect(ok.data!.passwordChange.userErrors).toEqual([]);
  });

  it('refuses two API keys in one request, making none', async () => {
    const lead = await signIn(api, 'lead.rs@demo.example');
    const before = await keys();
    const res = await api.query(
      `mutation { a: apiKeyCreate(input: { name: "a" }) { key } b: apiKeyCreate(input: { name: "b" }) { key } }`,
      {},
      lead,
    );
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'ONE_SENSITIVE_MUTATION',
    });
    expect(await keys()).toBe(before);
  });

  it('holds a persisted query to the rule too', async () => {
    const query = `mutation { ${login('a: ', 'lead.rs@demo.example')} ${login('b: ', 'lead.rs@demo.example')} }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    const send = (body: Record<string, unknown>) =>
      fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.11.0.2' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const registered = await send({ query, extensions: persisted });
    expect(registered.status).toBe(400);
    expect(registered.body.errors[0].extensions).toMatchObject({ rule: 'ONE_SENSITIVE_MUTATION' });
    const byHash = await send({ extensions: persisted });
    expect(byHash.body.data).toBeUndefined();
    // A refused document is never stored, so its hash alone names nothing.
    expect(byHash.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
