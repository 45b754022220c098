import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { createServer, type AppServer } from '../src/server';
import { appDataSourceFor, TEST_APP_PASSWORD, TEST_JWT_SECRET } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { makePdf, sha256Hex } from './support/evidence-files';

/**
 * An upload over a slow connection (a field office's uplink) takes as long as its client takes to send it. The
 * API must not hold a database connection for all that time: with a pool of one, everyone else would wait.
 */
describe('a slow evidence upload', () => {
  let db: TestDatabase;
  let app: DataSource;
  let server: AppServer;
  let port: number;
  let dataDir: string;
  let token: string;
  let evidenceId: string;

  const post = async (query: string, variables: object = {}, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slow-upload-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATABASE_APP_PASSWORD: TEST_APP_PASSWORD,
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: dataDir,
      PORT: '0',
    });
    // One connection for the whole API: any request that holds it makes every other one wait.
    app = await appDataSourceFor(db.url, 1);
    server = await createServer(config, app);
    port = await server.listen(0);
    const login = await post(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
      input: { email: 'editor.rs@demo.example', password: 'Demo-Password-1' },
    });
    token = login.body.data.login.token;
    const [row] = await db.dataSource.query(
      `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
       SELECT a.id, 'RS', 'REPORT', 'Report sent slowly', 'en', 'HIGH', 'PARTNERS'
       FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.code = '2025' AND a.country_code = 'RS' AND a.status = 'CHANGES_REQUESTED'
       ORDER BY a.id LIMIT 1 RETURNING id`,
    );
    evidenceId = row.id;
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds no connection while the body arrives: other requests are served meanwhile', async () => {
    const pdf = Buffer.concat([makePdf('Sent slowly'), Buffer.alloc(6000, 0x20)]);
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'PUT',
      path: `/evidence/${evidenceId}/file`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="slow.pdf"',
        'content-length': String(pdf.length),
      },
    });
    const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
      request.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += String(chunk)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      request.on('error', reject);
    });
    answer.catch(() => undefined);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const chunks = Array.from({ length: 6 }, (_, i) =>
      pdf.subarray((i * pdf.length) / 6, ((i + 1) * pdf.length) / 6),
    );

    request.write(chunks[0]);
    await pause(300);
    // Mid-upload: no transaction is open for it, and the one connection serves someone else at once.
    const [{ open }] = await db.dataSource.query(
      `SELECT count(*)::int AS open FROM pg_stat_activity
       WHERE datname = current_database() AND usename = 'indicators_app' AND state = 'idle in transaction'`,
    );
    expect(open).toBe(0);
    const started = Date.now();
    const other = await post('{ countries { nodes { code } } }', {}, { authorization: `Bearer ${token}` });
    expect(other.status).toBe(200);
    expect(other.body.data.countries.nodes).toHaveLength(5);
    expect(Date.now() - started).toBeLessThan(2000);

    for (const chunk of chunks.slice(1)) {
      await pause(100);
      request.write(chunk);
    }
    request.end();
    const { status, body } = await answer;
    expect(status).toBe(201);
    expect(body.file).toMatchObject({ name: 'slow.pdf', size: pdf.length, sha256: sha256Hex(pdf) });
    expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
  }, 30_000);
});
