import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { TEST_JWT_SECRET } from './support/server';
import { freePort } from './support/net';

/**
 * `npm start` with the embedded database, stopped as an orchestrator stops it: SIGTERM while a request is still
 * arriving. The request is answered, the process exits 0, and its PostgreSQL has shut down cleanly after it.
 */
describe('shutdown with the embedded database', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-shutdown-'));
    // As root the embedded server runs as a system user of its own, which must reach the data directory.
    fs.chmodSync(dataDir, 0o777);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** A POST to /graphql whose body arrives in two halves, the second only when `second` is called. */
  function slowQuery(port: number, query: string) {
    const body = Buffer.from(JSON.stringify({ query }));
    const half = Math.floor(body.length / 2);
    const request = http.request({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      request.on('error', reject);
    });
    // Kept from rejecting unobserved while the test waits; the test reads it at the end.
    answer.catch(() => undefined);
    request.write(body.subarray(0, half));
    return { answer, second: () => request.end(body.subarray(half)) };
  }

  it('answers the request in flight, stops its database last and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      // Run as root in CI, from a checkout that may sit in a private directory.
      EMBEDDED_PG_GRANT_SEARCH: 'true',
      SEED_ON_START: 'false',
      WEBHOOK_POLL_INTERVAL_MS: '50',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.DATABASE_APP_URL;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: path.resolve(__dirname, '..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (!output.includes('GraphQL API ready') && child.exitCode === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('GraphQL API ready');
    const postmasterPid = path.join(dataDir, 'postgres', 'postmaster.pid');
    expect(fs.existsSync(postmasterPid)).toBe(true);

    const slow = slowQuery(port, '{ countries { nodes { code } } }');
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    // The rest of the body arrives well after the signal: the server must wait for it, its database too.
    await new Promise((r) => setTimeout(r, 1500));
    slow.second();

    const answer = await slow.answer.catch((error: Error) => ({ status: 0, text: error.message }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { countries: { nodes: [] } } });
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM received');
    // Nothing failed on the way down: no request, webhook poll or pool met a database already gone.
    expect(output).not.toMatch(/"level":(40|50|60)/);
    expect(fs.existsSync(postmasterPid)).toBe(false);
  }, 150_000);
});
