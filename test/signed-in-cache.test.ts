import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { COMPARISON_QUERY, SAVE_MUTATION } from '../scripts/bench/scenarios';
import { ResponseStore } from '../src/pipeline/response-cache/response-cache-store';
import { DataChangePruner, UNNOTED_TABLES } from '../src/pipeline/response-cache/data-changes';
import { loadConfig } from '../src/config';
import { createTestDatabase, type TestDatabase } from './support/database';
import {
  sendRaw as send,
  signIn,
  startTestServer,
  type RawAnswer as Answer,
  type TestServer,
} from './support/server';

const cells = (answer: Answer): any[] => answer.json.data.comparison.rows.flatMap((r: any) => r.cells);

describe('answers kept for signed-in callers', () => {
  let db: TestDatabase;
  let api: TestServer;
  let reviewer: Record<string, string>;
  let cycleId: string;
  // An assessment of the open cycle that the reviewer sees, and its score, put back after each test.
  let seen: { id: string; indicator_id: string; score: number };

  const read = (headers = reviewer, variables: Record<string, unknown> = {}) =>
    send(api, COMPARISON_QUERY, { cycleId, ...variables }, headers);
  // The same read from a server that keeps nothing: what the answer must be.
  let reference: TestServer;
  const fresh = (headers = reviewer, variables: Record<string, unknown> = {}) =>
    send(reference, COMPARISON_QUERY, { cycleId, ...variables }, headers);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    reference = await startTestServer(db, { RESPONSE_CACHE_SIGNED_IN_MAX_BYTES: '0' });
    reviewer = await signIn(api, 'reviewer@demo.example');
    [{ id: cycleId }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
    [seen] = await db.dataSource.query(
      `SELECT a.id, a.indicator_id, a.score FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND a.status IN ('IN_REVIEW', 'APPROVED')
         AND i.answer_type = 'SCORE' AND a.score BETWEEN 0 AND 2
       ORDER BY i.position LIMIT 1`,
      [cycleId],
    );
  });
  afterEach(async () => {
    await db.dataSource.query(`UPDATE assessment SET score = $2 WHERE id = $1`, [seen.id, seen.score]);
  });
  afterAll(async () => {
    await reference?.close();
    await api?.close();
    await db?.drop();
  });

  const scoreSeen = (answer: Answer) =>
    answer.json.data.comparison.rows
      .find((r: any) => r.indicator.id === seen.indicator_id)
      .cells.find((c: any) => c.countryCode === 'RS').score;

  it('answers the same caller’s same read again with the same bytes, in one round trip', async () => {
    const first = await read();
    expect(first.json.errors).toBeUndefined();
    expect(scoreSeen(first)).toBe(seen.score);
    expect(first.headers.get('x-cache')).toBe('miss');
    const again = await read();
    expect(again.status).toBe(200);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(again.text).toBe(first.text);
    expect(again.headers.get('cache-control')).toBe('private, no-store');
    expect(again.headers.get('etag')).toBeNull();
    expect(again.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // The sign-in and the check that nothing was written since, together.
    expect([again.statements, again.roundTrips]).toEqual([2, 1]);
    expect(first.statements).toBeGreaterThan(again.statements);
  });

  it('sends a kept answer again to a persisted query that names it by its hash alone', async () => {
    const first = await read();
    const sha256Hash = createHash('sha256').update(COMPARISON_QUERY).digest('hex');
    const byHash = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...reviewer },
      body: JSON.stringify({
        variables: { cycleId },
        extensions: { persistedQuery: { version: 1, sha256Hash } },
      }),
    });
    expect(byHash.headers.get('x-cache')).toBe('hit');
    expect(await byHash.text()).toBe(first.text);
  });

  it('counts a new caller’s sign-in, sent before Apollo when answers are kept, with the request’s statements', async () => {
    await read();
    // A caller neither server has seen: here its sign-in is sent by the step in front of Apollo, which looks for
    // a kept answer; there, with nothing kept, by Apollo's own context.
    const here = await read(await signIn(api, 'editor.me@demo.example'));
    const there = await fresh(await signIn(reference, 'editor.me@demo.example'));
    expect(here.headers.get('x-cache')).toBe('miss');
    expect(here.text).toBe(there.text);
    expect([here.statements, here.roundTrips]).toEqual([there.statements, there.roundTrips]);
  });

  it('reads again after a write straight into the database, and shows it', async () => {
    const before = await read();
    expect(scoreSeen(before)).toBe(seen.score);
    await db.dataSource.query(`UPDATE assessment SET score = score + 1 WHERE id = $1`, [seen.id]);
    const after = await read();
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(scoreSeen(after)).toBe(seen.score + 1);
    expect(after.text).toBe((await fresh()).text);
    expect((await read()).headers.get('x-cache')).toBe('hit');
  });

  it('reads again after a save through the API, whoever saved what', async () => {
    expect((await read()).headers.get('x-cache')).toMatch(/hit|miss/);
    expect((await read()).headers.get('x-cache')).toBe('hit');
    const editor = await signIn(api, 'editor.rs@demo.example');
    const [draft] = await db.dataSource.query(
      `SELECT indicator_id, version, confidence FROM assessment
       WHERE cycle_id = $1 AND country_code = 'RS' AND status = 'DRAFT' LIMIT 1`,
      [cycleId],
    );
    const saved = await send(
      api,
      SAVE_MUTATION,
      {
        input: {
          cycleId,
          indicatorId: draft.indicator_id,
          countryCode: 'RS',
          confidence: draft.confidence === 'HIGH' ? 'LOW' : 'HIGH',
          expectedVersion: draft.version,
        },
      },
      editor,
    );
    expect(saved.json.data.assessmentSave.userErrors).toEqual([]);
    expect(saved.headers.get('x-cache')).toBeNull();
    expect((await read()).headers.get('x-cache')).toBe('miss');
  });

  it('never keeps an answer read under a snapshot that missed a transaction committed later', async () => {
    const writer = new Client({ connectionString: db.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE assessment SET score = score + 1 WHERE id = $1`, [seen.id]);
      // Read while the write is running: the answer does not have it, and is kept.
      const during = await read({ ...reviewer, 'accept-language': 'sr-Latn' });
      expect(scoreSeen(during)).toBe(seen.score);
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    // A counter or a timestamp read before the commit would call the kept answer current.
    const after = await read({ ...reviewer, 'accept-language': 'sr-Latn' });
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(scoreSeen(after)).toBe(seen.score + 1);
    expect(after.text).toBe((await fresh({ ...reviewer, 'accept-language': 'sr-Latn' })).text);
  });

  it('keeps each caller’s answer apart, and each language’s', async () => {
    const mine = await read();
    const editor = await signIn(api, 'editor.rs@demo.example');
    const theirs = await read(editor);
    expect(theirs.headers.get('x-cache')).toBe('miss');
    expect(theirs.text).not.toBe(mine.text);
    const hidden = (a: Answer) => cells(a).filter((c) => c.state === 'HIDDEN').length;
    expect(hidden(theirs)).toBeGreaterThan(hidden(mine));
    expect((await read(editor)).text).toBe(theirs.text);
    const serbian = await read({ ...reviewer, 'accept-language': 'sr-Cyrl' });
    expect(serbian.headers.get('x-cache')).toBe('miss');
    // The variables are part of the key too.
    const two = await read(reviewer, { countryCodes: ['RS', 'AL'] });
    expect(two.headers.get('x-cache')).toBe('miss');
    expect(two.json.data.comparison.countries).toEqual([{ code: 'AL' }, { code: 'RS' }]);
  });

  it('refuses a revoked token and a deactivated user, kept answer or not', async () => {
    const lead = await signIn(api, 'lead.rs@demo.example');
    await read(lead);
    expect((await read(lead)).headers.get('x-cache')).toBe('hit');
    await db.dataSource.query(`UPDATE app_user SET is_active = false WHERE email = 'lead.rs@demo.example'`);
    try {
      const refused = await read(lead);
      expect(refused.status).toBe(401);
      expect(refused.json.data).toBeUndefined();
      expect(refused.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await db.dataSource.query(`UPDATE app_user SET is_active = true WHERE email = 'lead.rs@demo.example'`);
    }
    const viewer = await signIn(api, 'viewer.rs@demo.example');
    await read(viewer);
    expect((await read(viewer)).headers.get('x-cache')).toBe('hit');
    await db.dataSource.query(
      `UPDATE app_user SET token_version = token_version + 1 WHERE email = 'viewer.rs@demo.example'`,
    );
    const revoked = await read(viewer);
    expect(revoked.status).toBe(401);
    expect(revoked.json.data).toBeUndefined();
  });

  it('reads as the new role once a caller’s role has changed', async () => {
    const editor = await signIn(api, 'editor.ba@demo.example');
    await read(editor);
    expect((await read(editor)).headers.get('x-cache')).toBe('hit');
    const setRole = `UPDATE membership m SET role = $1 FROM app_user u
      WHERE u.id = m.user_id AND u.email = 'editor.ba@demo.example'`;
    const [{ role }] = await db.dataSource.query(
      `SELECT m.role FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = 'editor.ba@demo.example'`,
    );
    await db.dataSource.query(setRole, ['COUNTRY_VIEWER']);
    try {
      // The role is part of the key, and the kept answer's sign-in no longer matches: read afresh, as a viewer.
      const after = await read(editor);
      expect(after.json.errors).toBeUndefined();
      expect(after.headers.get('x-cache')).toBe('miss');
      expect(after.text).toBe((await fresh(editor)).text);
      expect((await send(api, `{ me { role } }`, {}, editor)).json.data).toEqual({
        me: { role: 'COUNTRY_VIEWER' },
      });
    } finally {
      await db.dataSource.query(setRole, [role]);
    }
  });

  it('keeps no mutation, no read beyond the comparison, the profile and the editions, and no error', async () => {
    const reads = [
      `query($c: ID!) { comparison(cycleId: $c) { rows { cells { score } } } me { id } }`,
      `query($c: ID!) { assessments(cycleId: $c, first: 1) { totalCount } }`,
      `{ me { email } }`,
    ];
    for (const query of reads)
      for (let i = 0; i < 2; i++) {
        const answer = await send(api, query, { c: cycleId }, reviewer);
        expect(answer.json.errors).toBeUndefined();
        expect(answer.headers.get('x-cache')).toBeNull();
      }
    for (let i = 0; i < 2; i++) {
      const broken = await send(api, COMPARISON_QUERY, { cycleId: 'not-an-id' }, reviewer);
      expect(broken.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(broken.headers.get('x-cache')).toBeNull();
    }
  });

  it('notes the writes of every table, or says why not', async () => {
    const rows: Array<{ table: string; noted: boolean }> = await db.dataSource.query(
      `SELECT c.relname AS table, (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = c.oid
         AND t.tgname IN ('data_change_insert', 'data_change_update', 'data_change_delete', 'data_change_truncate')
         AND t.tgfoid = 'data_change_note'::regproc) = 4 AS noted
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')`,
    );
    const unnoted = rows.filter((r) => !r.noted).map((r) => r.table);
    expect(unnoted.sort()).toEqual(Object.keys(UNNOTED_TABLES).sort());
    expect(rows.filter((r) => r.noted).length).toBeGreaterThan(20);
  });

  it('computes again an answer read under a snapshot older than the notes kept', async () => {
    await read();
    expect((await read()).headers.get('x-cache')).toBe('hit');
    const [{ before }] = await db.dataSource.query(`SELECT horizon::text AS before FROM data_change_horizon`);
    // As a prune would, had it found no transaction running: every snapshot taken before this transaction (which
    // writes nothing) is older.
    await db.dataSource.query(`SELECT pg_current_xact_id()`);
    await db.dataSource.query(
      `UPDATE data_change_horizon SET horizon = pg_snapshot_xmax(pg_current_snapshot())`,
    );
    try {
      expect((await read()).headers.get('x-cache')).toBe('miss');
    } finally {
      await db.dataSource.query(`UPDATE data_change_horizon SET horizon = $1::xid8`, [before]);
    }
    // Kept again as it was computed. (Under the horizon set above, a transaction of another database running
    // on the same server could have held the new snapshot below it too: a real prune never passes one.)
    expect((await read()).headers.get('x-cache')).toBe('hit');
  });

  it('checks a snapshot by the index alone, however many notes are kept', async () => {
    // Old notes, below every snapshot: the check must not read them.
    await db.dataSource.query(
      `INSERT INTO data_change (xact) SELECT n::text::xid8 FROM generate_series(3, 20002) n ON CONFLICT DO NOTHING`,
    );
    await db.dataSource.query(`ANALYZE data_change`);
    const [{ body }] = await db.dataSource.query(
      `SELECT prosrc AS body FROM pg_proc WHERE proname = 'data_unchanged_since'`,
    );
    // The function's own statement, planned as a function's statement is: for any snapshot.
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.query(`SET plan_cache_mode = force_generic_plan`);
      await runner.query(`PREPARE unchanged_check(pg_snapshot) AS ${body.replace(/\bsince\b/g, '$1')}`);
      const [{ 'QUERY PLAN': plan }] = await runner.query(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE unchanged_check(pg_current_snapshot())`,
      );
      const nodes: any[] = [];
      const walk = (node: any) => {
        nodes.push(node);
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(plan[0].Plan);
      const onNotes = nodes.filter((n) => n['Relation Name'] === 'data_change');
      expect(onNotes.map((n) => n['Node Type']).sort()).toEqual(['Index Only Scan', 'Index Only Scan']);
      expect(Math.max(...onNotes.map((n) => n['Actual Rows']))).toBeLessThanOrEqual(1);
    } finally {
      await runner.query(`DEALLOCATE ALL`).catch(() => undefined);
      await runner.release();
      await db.dataSource.query(`DELETE FROM data_change WHERE xact <= '20002'::xid8`);
    }
  });

  it('prunes the notes below the horizon, never past a transaction still running', async () => {
    const writer = new Client({ connectionString: db.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE country SET name = name WHERE code = 'RS'`);
      const [{ xact }] = (await writer.query(`SELECT pg_current_xact_id()::text AS xact`)).rows;
      const pruner = new DataChangePruner(db.dataSource, 0);
      // The first run learns where the next one may cut; the second cuts there.
      await pruner.maybePrune();
      await db.dataSource.query(`UPDATE country SET name = name WHERE code = 'AL'`);
      await pruner.maybePrune();
      const [state] = await db.dataSource.query(
        `SELECT h.horizon <= $1::xid8 AS behind_writer, h.horizon > '0'::xid8 AS moved,
           (SELECT count(*) FROM data_change c WHERE c.xact < h.horizon)::int AS below
         FROM data_change_horizon h`,
        [xact],
      );
      expect(state).toEqual({ behind_writer: true, moved: true, below: 0 });
      await writer.query('COMMIT');
      const [{ kept }] = await db.dataSource.query(
        `SELECT count(*)::int AS kept FROM data_change WHERE xact = $1::xid8`,
        [xact],
      );
      expect(kept).toBe(1);
    } finally {
      await writer.end();
    }
  });

  it('keeps nothing with RESPONSE_CACHE_SIGNED_IN_MAX_BYTES=0', async () => {
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).responseCache.signedInMaxBytes).toBe(64 * 1024 * 1024);
    expect(new ResponseStore({ maxBytes: 0, maxEntries: 1000 }).enabled).toBe(false);
    const off = await startTestServer(db, { RESPONSE_CACHE_SIGNED_IN_MAX_BYTES: '0' });
    try {
      for (let i = 0; i < 2; i++) {
        const answer = await send(off, COMPARISON_QUERY, { cycleId }, reviewer);
        expect(answer.json.errors).toBeUndefined();
        expect(answer.headers.get('x-cache')).toBeNull();
      }
    } finally {
      await off.close();
    }
  });
});
