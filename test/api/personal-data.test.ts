import { createTestDatabase, type TestDatabase } from '../support/database';
import { signIn, startTestServer, type GraphQLResponse, type TestServer } from '../support/server';

const KEY = `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key userErrors { code } } }`;

/**
 * Every field that names a person (who works where, who edited, who wrote, who made a change, who registered an
 * endpoint), for every kind of reader: people signed in as themselves read them where they work together; API
 * keys and anonymous readers never do.
 */
describe('personal data per reader', () => {
  let db: TestDatabase;
  let api: TestServer;
  const ids: Record<string, string> = {};
  const as: Record<string, Record<string, string>> = { anonymous: {} };
  const one = async (text: string, params: unknown[] = []) => (await db.dataSource.query(text, params))[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const who of ['viewer.rs', 'lead.rs', 'lead.al', 'reviewer', 'admin'])
      as[who] = await signIn(api, `${who}@demo.example`);
    ids.astra = (await one(`SELECT id FROM organisation WHERE short_name = 'ASTRA'`)).id;
    ids.integrator = (
      await one(
        `INSERT INTO organisation (name, short_name, kind) VALUES ('Open Data Lab', 'ODL', 'INTEGRATOR') RETURNING id`,
      )
    ).id;
    const key = async (input: Record<string, unknown>, who: string) => {
      const res = await api.query(KEY, { input }, as[who]);
      return { authorization: `Bearer ${res.data!.apiKeyCreate.key}` };
    };
    as.integratorKey = await key({ name: 'Data lab', organisationId: ids.integrator }, 'admin');
    as.astraKey = await key({ name: 'ASTRA dashboard' }, 'lead.rs');
    ids.editor = (await one(`SELECT id FROM app_user WHERE email = 'editor.rs@demo.example'`)).id;
    ids.adminUser = (await one(`SELECT id FROM app_user WHERE email = 'admin@demo.example'`)).id;
    // A published RS assessment last changed by an RS editor, with a comment and its publication in its history.
    ids.assessment = (
      await one(
        `SELECT a.id FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
         WHERE c.code = '2024' AND a.country_code = 'RS' ORDER BY a.id LIMIT 1`,
      )
    ).id;
    await db.dataSource.query(`UPDATE assessment SET updated_by = $2 WHERE id = $1`, [
      ids.assessment,
      ids.editor,
    ]);
    await db.dataSource.query(
      `INSERT INTO review_comment (assessment_id, country_code, author_id, body)
       SELECT $1, 'RS', id, 'Source checked.' FROM app_user WHERE email = 'reviewer@demo.example'`,
      [ids.assessment],
    );
    await db.dataSource.query(
      `INSERT INTO audit_event (actor_user_id, entity_type, entity_id, assessment_id, country_code, action, before, after)
       VALUES ($1, 'assessment', $2, $2, 'RS', 'publish', '{"status":"APPROVED"}', '{"status":"PUBLISHED"}')`,
      [ids.adminUser, ids.assessment],
    );
    // The integrator's endpoint, registered by an admin; its key reads the endpoint.
    await db.dataSource.query(
      `INSERT INTO webhook_subscription (organisation_id, url, events, secret, created_by)
       VALUES ($1, 'https://hooks.example.org/in', '{cycle.published}', $2, $3)`,
      [ids.integrator, 'x'.repeat(40), ids.adminUser],
    );
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const READERS = ['anonymous', 'integratorKey', 'astraKey', 'lead.al', 'viewer.rs', 'reviewer', 'admin'];
  /** What a reader gets: a name or names, null/empty, or the code of the top-level error. */
  type Got = string | null | string[];

  function outcome(res: GraphQLResponse, pick: (data: any) => Got): Got {
    if (res.errors?.length) return String(res.errors[0].extensions?.code);
    return pick(res.data);
  }

  async function expectPerReader(
    query: string,
    variables: Record<string, unknown>,
    pick: (data: any) => Got,
    expected: Record<string, 'NAMED' | 'NONE' | 'UNAUTHENTICATED' | 'FORBIDDEN'>,
  ) {
    for (const who of READERS) {
      const got = outcome(await api.query(query, variables, as[who]), pick);
      const kind =
        got === 'UNAUTHENTICATED' || got === 'FORBIDDEN'
          ? got
          : got === null || (Array.isArray(got) && got.length === 0)
            ? 'NONE'
            : 'NAMED';
      expect([who, kind]).toEqual([who, expected[who]]);
    }
  }

  const refusedToMachines = {
    anonymous: 'UNAUTHENTICATED',
    integratorKey: 'FORBIDDEN',
    astraKey: 'FORBIDDEN',
  } as const;

  it('lists an organisation’s members to its own users, the reviewer and admins only', async () => {
    await expectPerReader(
      `query($id: ID!) { organisation(id: $id) { members { nodes { displayName } } } }`,
      { id: ids.astra },
      (d) => d.organisation.members.nodes.map((n: { displayName: string }) => n.displayName),
      { ...refusedToMachines, 'lead.al': 'NONE', 'viewer.rs': 'NAMED', reviewer: 'NAMED', admin: 'NAMED' },
    );
  });

  it('says who last changed an assessment to its country’s users, the reviewer and admins only', async () => {
    await expectPerReader(
      `query($id: ID!) { assessment(id: $id) { updatedBy { displayName } } }`,
      { id: ids.assessment },
      (d) => d.assessment.updatedBy?.displayName ?? null,
      { ...refusedToMachines, 'lead.al': 'NONE', 'viewer.rs': 'NAMED', reviewer: 'NAMED', admin: 'NAMED' },
    );
  });

  it('shows comments and their authors to its country’s users, the reviewer and admins only', async () => {
    await expectPerReader(
      `query($id: ID!) { assessment(id: $id) { comments { nodes { author { displayName } } } } }`,
      { id: ids.assessment },
      (d) =>
        d.assessment.comments.nodes.map((n: { author: { displayName: string } }) => n.author.displayName),
      { ...refusedToMachines, 'lead.al': 'NONE', 'viewer.rs': 'NAMED', reviewer: 'NAMED', admin: 'NAMED' },
    );
  });

  it('names who made a change in the history to its country’s users, the reviewer and admins only', async () => {
    await expectPerReader(
      `query($id: ID!) { auditTrail(entityId: $id) { nodes { action actor { displayName } } } }`,
      { id: ids.assessment },
      (d) =>
        d.auditTrail.nodes
          .map((n: { actor: { displayName: string } | null }) => n.actor?.displayName)
          .filter(Boolean),
      {
        anonymous: 'NONE',
        integratorKey: 'NONE',
        astraKey: 'NONE',
        'lead.al': 'NONE',
        'viewer.rs': 'NAMED',
        reviewer: 'NAMED',
        admin: 'NAMED',
      },
    );
    for (const who of ['anonymous', 'integratorKey', 'astraKey', 'lead.al']) {
      const res = await api.query(
        `query($id: ID!) { auditTrail(entityId: $id) { nodes { action actor { displayName } } } }`,
        { id: ids.assessment },
        as[who],
      );
      expect([who, res.errors, res.data!.auditTrail.nodes]).toEqual([
        who,
        undefined,
        [{ action: 'publish', actor: null }],
      ]);
    }
  });

  it('keeps who registered a webhook from the organisation’s API key', async () => {
    const query = `{ webhooks { nodes { url createdBy { displayName } } } }`;
    const byKey = await api.query(query, {}, as.integratorKey);
    expect(byKey.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['webhooks', 'nodes', 0, 'createdBy'], 'FORBIDDEN'],
    ]);
    expect(byKey.data!.webhooks.nodes).toEqual([{ url: 'https://hooks.example.org/in', createdBy: null }]);
    const byAdmin = await api.query(
      `query($o: ID) { webhooks(organisationId: $o) { nodes { createdBy { displayName } } } }`,
      { o: ids.integrator },
      as.admin,
    );
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.webhooks.nodes[0].createdBy.displayName).toEqual(expect.any(String));
  });
});
