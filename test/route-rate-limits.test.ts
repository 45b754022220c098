import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { createTestDatabase, type TestDatabase } from './support/database';
import { makePdf } from './support/evidence-files';
import { databaseFingerprint } from './support/fingerprint';
import { signIn, startTestServer, type TestServer } from './support/server';
import { ASSESSMENT_HEADERS, buildCsv } from './support/spreadsheets';

type Headers = Record<string, string>;

const WINDOW = 600;
const LIMITS = {
  TRUST_PROXY: '1',
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW),
  RATE_LIMIT_USER: '6',
  RATE_LIMIT_API_KEY: '4',
  // The sign-ins of the set-up all come from the test's own address.
  RATE_LIMIT_IP: '12',
  RATE_LIMIT_IMPORT: '2',
};

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** The file, export and import routes are held to the same rate limits as /graphql. */
describe('rate limits of the file, export and import routes', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  let dataDir: string;
  const as: Record<string, Headers> = {};
  let openCycle: string;

  async function call(route: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${origin}${route}`, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // A download: the body is the file.
    }
    return { status: response.status, headers: Object.fromEntries(response.headers), body };
  }

  function expectRateLimited(answer: Answer, setting: string) {
    expect(answer.status).toBe(429);
    const retryAfter = Number(answer.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.body).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringContaining(setting), setting, retryAfter },
    });
  }

  const upload = (evidenceId: string, file: Buffer, headers: Headers) =>
    call(`/evidence/${evidenceId}/file`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename="report.pdf"',
        ...headers,
      },
      body: file as unknown as RequestInit['body'],
    });

  const importCsv = (countryCode: string, file: Buffer, headers: Headers) =>
    call(`/imports/assessments?cycleId=${openCycle}&countryCode=${countryCode}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...headers },
      body: file as unknown as RequestInit['body'],
    });

  /** A CSV that creates the assessment of an indicator the country has not answered yet. */
  async function newAssessmentCsv(countryCode: string): Promise<Buffer> {
    const [{ code }] = await db.dataSource.query(
      `SELECT i.code FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.id = $1 AND i.answer_type = 'SCORE' AND NOT EXISTS (
         SELECT 1 FROM assessment a WHERE a.indicator_id = i.id AND a.cycle_id = c.id AND a.country_code = $2)
       ORDER BY i.code LIMIT 1`,
      [openCycle, countryCode],
    );
    return buildCsv(ASSESSMENT_HEADERS, [{ indicator_code: code, score: 2, narrative_en: 'Imported.' }]);
  }

  /** Every file under the data directory: stored files and upload spools. */
  const filesUnder = (dir: string): string[] =>
    fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).sort() : [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'route-rate-limits-'));
    db = await createTestDatabase();
    api = await startTestServer(db, { ...LIMITS, DATA_DIR: dataDir });
    origin = new URL(api.url).origin;
    for (const [name, email] of Object.entries({
      editorRs: 'editor.rs@demo.example',
      leadRs: 'lead.rs@demo.example',
      viewerBa: 'viewer.ba@demo.example',
      viewerMk: 'viewer.mk@demo.example',
      editorMe: 'editor.me@demo.example',
      leadMe: 'lead.me@demo.example',
    })) {
      as[name] = await signIn(api, email);
    }
    [{ id: openCycle }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds a user to RATE_LIMIT_USER on the file routes; a refused upload stores nothing', async () => {
    const [{ id: evidenceId }] = await db.dataSource.query(
      `SELECT e.id FROM evidence e JOIN assessment a ON a.id = e.assessment_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.code = '2025' AND a.country_code = 'RS' AND a.status IN ('DRAFT', 'CHANGES_REQUESTED')
         AND e.file_key IS NULL ORDER BY e.id LIMIT 1`,
    );
    expect((await upload(evidenceId, makePdf('First'), as.editorRs)).status).toBe(201);
    for (let i = 0; i < 5; i++) {
      const download = await call(`/evidence/${evidenceId}/file`, { headers: as.editorRs });
      expect(download.status).toBe(200);
    }
    const before = await databaseFingerprint(db.dataSource);
    const filesBefore = filesUnder(dataDir);
    // A body of a megabyte is read and dropped, so the answer arrives instead of a reset connection.
    const big = Buffer.concat([makePdf('Second'), Buffer.alloc(1024 * 1024, 0x20)]);
    expectRateLimited(await upload(evidenceId, big, as.editorRs), 'RATE_LIMIT_USER');
    expectRateLimited(
      await call(`/evidence/${evidenceId}/file`, { headers: as.editorRs }),
      'RATE_LIMIT_USER',
    );
    expectRateLimited(
      await call(`/evidence/${evidenceId}/file`, { method: 'DELETE', headers: as.editorRs }),
      'RATE_LIMIT_USER',
    );
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
    expect(filesUnder(dataDir)).toEqual(filesBefore);
    // The first file is still the one stored, and another user of the partner is not held back.
    const other = await call(`/evidence/${evidenceId}/file`, { headers: as.leadRs });
    expect(other.status).toBe(200);
    expect(other.body).toContain('/Title (First)');
  });

  it('holds a user to RATE_LIMIT_USER on exports, counted together with their GraphQL requests', async () => {
    const route = `/exports/comparison.csv?cycleId=${openCycle}`;
    for (let i = 0; i < 3; i++) expect((await call(route, { headers: as.viewerBa })).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await api.query('{ me { role } }', {}, as.viewerBa)).status).toBe(200);
    expectRateLimited(await call(route, { headers: as.viewerBa }), 'RATE_LIMIT_USER');
    expectRateLimited(
      await call(`/exports/assessments.xlsx?cycleId=${openCycle}&countryCode=BA`, { headers: as.viewerBa }),
      'RATE_LIMIT_USER',
    );
    const graphql = await api.query('{ me { role } }', {}, as.viewerBa);
    expect(graphql.status).toBe(429);
    expect(graphql.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', setting: 'RATE_LIMIT_USER' });
    expect((await call(route, { headers: as.viewerMk })).status).toBe(200);
  });

  it('holds an API key to RATE_LIMIT_API_KEY and an anonymous address to RATE_LIMIT_IP on exports', async () => {
    const key = await api.query(
      `mutation { apiKeyCreate(input: { name: "Export flood" }) { key userErrors { code } } }`,
      {},
      as.leadMe,
    );
    const apiKey = { authorization: `Bearer ${key.data!.apiKeyCreate.key}` };
    const route = `/exports/comparison.csv?cycleId=${openCycle}`;
    for (let i = 0; i < 4; i++) expect((await call(route, { headers: apiKey })).status).toBe(200);
    expectRateLimited(await call(route, { headers: apiKey }), 'RATE_LIMIT_API_KEY');

    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 12; i++) expect((await call(route, { headers: from('10.7.0.1') })).status).toBe(200);
    // A forged token counts under the address, as on /graphql.
    expectRateLimited(
      await call(route, { headers: { ...from('10.7.0.1'), authorization: 'Bearer forged' } }),
      'RATE_LIMIT_IP',
    );
    expectRateLimited(await call(route, { headers: from('10.7.0.1') }), 'RATE_LIMIT_IP');
    expect((await call(route, { headers: from('10.7.0.2') })).status).toBe(200);
  });

  it('holds a user to RATE_LIMIT_IMPORT imports, stricter than their request limit; a refused import changes nothing', async () => {
    const first = await importCsv('ME', await newAssessmentCsv('ME'), as.editorMe);
    expect(first).toMatchObject({ status: 200, body: { created: 1 } });
    const second = await importCsv('ME', await newAssessmentCsv('ME'), as.editorMe);
    expect(second).toMatchObject({ status: 200, body: { created: 1 } });

    const file = await newAssessmentCsv('ME');
    const before = await databaseFingerprint(db.dataSource);
    const refused = await importCsv('ME', file, as.editorMe);
    expectRateLimited(refused, 'RATE_LIMIT_IMPORT');
    expect(refused.body.error.message).toMatch(/^Too many imports: at most 2 per 600 seconds for one user/);
    expectRateLimited(
      await call(`/imports/framework-version?frameworkId=${openCycle}&label=x`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...as.editorMe },
        body: 'a,b\n',
      }),
      'RATE_LIMIT_IMPORT',
    );
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);

    // The user's other requests still go through, and another user of the partner imports the same file.
    expect((await api.query('{ me { role } }', {}, as.editorMe)).status).toBe(200);
    expect(await importCsv('ME', file, as.leadMe)).toMatchObject({ status: 200, body: { created: 1 } });
  });

  it('validates RATE_LIMIT_IMPORT', () => {
    expect(loadConfig({}).rateLimit.imports).toBe(30);
    expect(loadConfig({ RATE_LIMIT_IMPORT: '0' }).rateLimit.imports).toBe(0);
    const problemsOf = (value: string) => {
      try {
        loadConfig({ RATE_LIMIT_IMPORT: value });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problemsOf('-1')).toEqual(['RATE_LIMIT_IMPORT must be an integer from 0 to 1000000, got "-1"']);
    expect(problemsOf('ten')).toEqual(['RATE_LIMIT_IMPORT must be an integer from 0 to 1000000, got "ten"']);
  });
});
