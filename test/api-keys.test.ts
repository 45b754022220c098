import { createHash } from 'node:crypto';
import type { GraphQLInputType } from 'graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { buildTypeSchema } from '../src/graphql/schema';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const CREATE = `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) {
  apiKey { id name prefix createdAt lastUsedAt revokedAt createdBy { displayName } organisation { shortName } }
  key userErrors { code field message } } }`;
const REVOKE = `mutation($input: ApiKeyRevokeInput!) { apiKeyRevoke(input: $input) {
  apiKey { id revokedAt } userErrors { code field message } } }`;
const LIST = `query($organisationId: ID) { apiKeys(organisationId: $organisationId) {
  totalCount nodes { id name prefix revokedAt createdBy { displayName } } } }`;
const DRAFTS_RS = `{ assessments(countryCode: "RS", status: DRAFT) { totalCount nodes { country { code } status } } }`;

const KEY_RE = /^tia_[0-9a-f]{12}[A-Za-z0-9_-]{40,}$/;
const NO_ID = '00000000-0000-4000-8000-000000000000';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

/** A value of an input type that passes GraphQL validation, so that a call reaches the permission rules. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'ID':
        return NO_ID;
      case 'String':
        return 'x';
      case 'JSON':
      case 'JSONObject':
        return {};
      default:
        return '2025-01-01T00:00:00.000Z';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

describe('API keys', () => {
  let db: TestDatabase;
  let api: TestServer;
  let admin: Record<string, string>;
  let leadRs: Record<string, string>;
  let leadAl: Record<string, string>;
  const org: Record<string, string> = {};

  /** The key rows as a refusal must leave them; last use is left out, since every authenticated call moves it. */
  async function keyTables() {
    const [keys, audits] = await Promise.all([
      db.dataSource.query(
        `SELECT id, organisation_id, created_by, name, prefix, key_hash, created_at, revoked_at FROM api_key ORDER BY id`,
      ),
      db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`),
    ]);
    return { keys, audits: audits[0].n };
  }

  async function create(headers: Record<string, string>, input: Record<string, unknown>) {
    return api.query(CREATE, { input }, headers);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    admin = await signIn(api, 'admin@demo.example');
    leadRs = await signIn(api, 'lead.rs@demo.example');
    leadAl = await signIn(api, 'lead.al@demo.example');
    for (const row of await db.dataSource.query(`SELECT id, short_name FROM organisation`)) {
      org[row.short_name] = row.id;
    }
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('creates a key for the lead’s organisation, shown once and stored only as a hash', async () => {
    const res = await create(leadRs, { name: '  Annual report generator ' });
    expect(res.errors).toBeUndefined();
    const { apiKey, key, userErrors } = res.data!.apiKeyCreate;
    expect(userErrors).toEqual([]);
    expect(key).toMatch(KEY_RE);
    expect(apiKey).toMatchObject({
      name: 'Annual report generator',
      prefix: key.slice(4, 16),
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { displayName: 'Marija Jovanović' },
      organisation: { shortName: 'ASTRA' },
    });

    const [row] = await db.dataSource.query(
      `SELECT row_to_json(a)::text AS json, a.* FROM api_key a WHERE id = $1`,
      [apiKey.id],
    );
    expect(row.organisation_id).toBe(org.ASTRA);
    expect(row.key_hash).toBe(sha256(key));
    expect(row.json).not.toContain(key);
    expect(row.json).not.toContain(key.slice(16));

    const [audit] = await db.dataSource.query(
      `SELECT action, before, after, actor_organisation_id FROM audit_event WHERE entity_type = 'api_key' AND entity_id = $1`,
      [apiKey.id],
    );
    expect(audit).toMatchObject({
      action: 'create',
      after: { name: 'Annual report generator', prefix: apiKey.prefix, organisationId: org.ASTRA },
      actor_organisation_id: org.ASTRA,
    });
    expect(JSON.stringify(audit)).not.toContain(key.slice(16));
    expect(JSON.stringify(audit)).not.toContain(row.key_hash);

    const list = await api.query(LIST, {}, leadRs);
    expect(list.errors).toBeUndefined();
    expect(list.data!.apiKeys.nodes).toContainEqual({
      id: apiKey.id,
      name: 'Annual report generator',
      prefix: apiKey.prefix,
      revokedAt: null,
      createdBy: { displayName: 'Marija Jovanović' },
    });
    const hashField = await api.query(`{ apiKeys { nodes { keyHash } } }`, {}, leadRs);
    expect(hashField.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reads with the key as a bearer: its organisation’s drafts, never another’s, and no `me`', async () => {
    const astra = (await create(leadRs, { name: 'ASTRA dashboard' })).data!.apiKeyCreate.key;
    const nhcRes = await create(admin, { name: 'NHC comparison', organisationId: org.NHC });
    expect(nhcRes.data!.apiKeyCreate.apiKey.organisation.shortName).toBe('NHC');
    const nhc = nhcRes.data!.apiKeyCreate.key;

    const me = await api.query(`{ me { id } }`, {}, bearer(astra));
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toBeNull();

    const [{ n: drafts }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM assessment WHERE country_code = 'RS' AND status = 'DRAFT'`,
    );
    expect(drafts).toBeGreaterThan(0);
    const byAstra = await api.query(DRAFTS_RS, {}, bearer(astra));
    expect(byAstra.errors).toBeUndefined();
    expect(byAstra.data!.assessments.totalCount).toBe(drafts);
    for (const node of byAstra.data!.assessments.nodes)
      expect(node).toEqual({ country: { code: 'RS' }, status: 'DRAFT' });

    const byNhc = await api.query(DRAFTS_RS, {}, bearer(nhc));
    expect(byNhc.errors).toBeUndefined();
    expect(byNhc.data!.assessments.totalCount).toBe(0);

    const [used] = await db.dataSource.query(`SELECT last_used_at FROM api_key WHERE prefix = $1`, [
      astra.slice(4, 16),
    ]);
    expect(used.last_used_at).not.toBeNull();

    const keysByKey = await api.query(LIST, {}, bearer(astra));
    expect(keysByKey.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses every mutation to an API key, changing nothing', async () => {
    const key = (await create(leadRs, { name: 'Read-only probe' })).data!.apiKeyCreate.key;
    const adminKey = (await create(admin, { name: 'Platform probe' })).data!.apiKeyCreate.key;
    const mutation = buildTypeSchema().getMutationType()!;
    const before = await keyTables();
    const [{ users: usersBefore }] = await db.dataSource.query(
      `SELECT md5(string_agg(row_to_json(u)::text, ',' ORDER BY id)) AS users FROM app_user u`,
    );
    // Signing in writes nothing: it is the one mutation a key may send.
    const fields = Object.values(mutation.getFields()).filter((f) => f.name !== 'login');
    expect(fields.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'userInvite',
        'userSetPassword',
        'userDeactivate',
        'apiKeyCreate',
        'apiKeyRevoke',
      ]),
    );
    for (const field of fields) {
      const args = field.args.filter((a) => isNonNullType(a.type));
      const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
      const text = `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`;
      const variables = Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type)]));
      for (const credential of [key, adminKey]) {
        const res = await api.query(text, variables, bearer(credential));
        expect([field.name, res.errors?.[0]?.extensions?.code]).toEqual([field.name, 'FORBIDDEN']);
      }
    }
    expect(await keyTables()).toEqual(before);
    const [{ users: usersAfter }] = await db.dataSource.query(
      `SELECT md5(string_agg(row_to_json(u)::text, ',' ORDER BY id)) AS users FROM app_user u`,
    );
    expect(usersAfter).toBe(usersBefore);
  });

  it('stops a revoked key at once; revoking it again is INVALID_TRANSITION', async () => {
    const created = (await create(leadRs, { name: 'Short-lived' })).data!.apiKeyCreate;
    expect((await api.query(`{ me { id } }`, {}, bearer(created.key))).errors).toBeUndefined();

    const res = await api.query(REVOKE, { input: { id: created.apiKey.id } }, leadRs);
    expect(res.errors).toBeUndefined();
    expect(res.data!.apiKeyRevoke.userErrors).toEqual([]);
    expect(res.data!.apiKeyRevoke.apiKey.id).toBe(created.apiKey.id);
    expect(res.data!.apiKeyRevoke.apiKey.revokedAt).not.toBeNull();

    const refused = await api.query(DRAFTS_RS, {}, bearer(created.key));
    expect(refused.status).toBe(401);
    expect(refused.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const [audit] = await db.dataSource.query(
      `SELECT before, after FROM audit_event WHERE entity_type = 'api_key' AND entity_id = $1 AND action = 'revoke'`,
      [created.apiKey.id],
    );
    expect(audit.before).toEqual({ revokedAt: null });
    expect(audit.after.revokedAt).not.toBeNull();

    const before = await keyTables();
    const again = await api.query(REVOKE, { input: { id: created.apiKey.id } }, leadRs);
    expect(again.data!.apiKeyRevoke).toMatchObject({
      apiKey: null,
      userErrors: [{ code: 'INVALID_TRANSITION' }],
    });
    expect(await keyTables()).toEqual(before);
  });

  it('lets an admin revoke a key of any organisation', async () => {
    const created = (await create(leadAl, { name: 'CLCI export' })).data!.apiKeyCreate;
    const res = await api.query(REVOKE, { input: { id: created.apiKey.id } }, admin);
    expect(res.data!.apiKeyRevoke.userErrors).toEqual([]);
    const list = await api.query(LIST, { organisationId: org.CLCI }, admin);
    expect(
      list.data!.apiKeys.nodes.find((n: { id: string }) => n.id === created.apiKey.id).revokedAt,
    ).not.toBeNull();
  });

  it('refuses a lead listing another organisation’s keys with FORBIDDEN, and revoking one as an unknown key', async () => {
    const astraKey = (await create(leadRs, { name: 'ASTRA only' })).data!.apiKeyCreate;
    const before = await keyTables();

    const revoke = await api.query(REVOKE, { input: { id: astraKey.apiKey.id } }, leadAl);
    const unknown = await api.query(REVOKE, { input: { id: NO_ID } }, leadAl);
    expect(revoke.errors).toBeUndefined();
    expect(revoke.data).toEqual(unknown.data);
    expect(revoke.data!.apiKeyRevoke.userErrors).toMatchObject([
      { code: 'NOT_FOUND', field: ['input', 'id'] },
    ]);
    const listOther = await api.query(LIST, { organisationId: org.ASTRA }, leadAl);
    expect(listOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    const own = await api.query(LIST, {}, leadAl);
    expect(own.data!.apiKeys.nodes.map((n: { id: string }) => n.id)).not.toContain(astraKey.apiKey.id);
    const createOther = await create(leadAl, { name: 'Planted', organisationId: org.ASTRA });
    expect(createOther.errors![0].extensions!.code).toBe('FORBIDDEN');

    expect(await keyTables()).toEqual(before);
    expect((await api.query(`{ me { id } }`, {}, bearer(astraKey.key))).errors).toBeUndefined();
  });

  it('refuses key management to other roles and anonymous callers, and bad input', async () => {
    const before = await keyTables();
    for (const email of ['editor.rs@demo.example', 'viewer.rs@demo.example', 'reviewer@demo.example']) {
      const headers = await signIn(api, email);
      const res = await create(headers, { name: 'Not mine to make' });
      expect([email, res.errors![0].extensions!.code]).toEqual([email, 'FORBIDDEN']);
      const list = await api.query(LIST, {}, headers);
      expect([email, list.errors![0].extensions!.code]).toEqual([email, 'FORBIDDEN']);
    }
    const anonymous = await create({}, { name: 'Nobody' });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const anonymousRevoke = await api.query(REVOKE, { input: { id: NO_ID } });
    expect(anonymousRevoke.errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    for (const name of ['   ', 'x'.repeat(101)]) {
      const res = await create(leadRs, { name });
      expect(res.data!.apiKeyCreate).toMatchObject({
        apiKey: null,
        key: null,
        userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'name'] }],
      });
    }
    const unknownOrg = await create(admin, { name: 'Lost', organisationId: NO_ID });
    expect(unknownOrg.data!.apiKeyCreate.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const unknownKey = await api.query(REVOKE, { input: { id: NO_ID } }, leadRs);
    expect(unknownKey.data!.apiKeyRevoke.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const malformed = await api.query(REVOKE, { input: { id: 'tia_123' } }, leadRs);
    expect(malformed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await keyTables()).toEqual(before);
  });
});
