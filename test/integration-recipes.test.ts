import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startTestServer, type TestServer } from './support/server';

const run = promisify(execFile);
const guide = fs.readFileSync(path.join(__dirname, '..', 'docs', 'integration.md'), 'utf8');
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

/** The ```sh block of a section of the guide, and the answer its `# ` comment lines show. */
function recipe(heading: string): { script: string; shown: string[] } {
  const start = guide.indexOf(`\n${heading}\n`);
  expect(start).toBeGreaterThan(0);
  const block = /```sh\n([\s\S]*?)```/.exec(guide.slice(start))![1];
  const lines = block.split('\n');
  return {
    script: lines.filter((line) => !line.startsWith('# ')).join('\n'),
    shown: lines.filter((line) => line.startsWith('# ')).map((line) => line.slice(2)),
  };
}

/** A line the guide shows, with `…` standing for anything. */
const pattern = (shown: string) =>
  new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/…/g, '.*')}$`);

/** The guide's shell recipes run as written, with curl and jq, against a server, and answer what it shows. */
describe('the shell recipes of docs/integration.md', () => {
  let db: TestDatabase;
  let api: TestServer;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recipes-'));
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function bash(script: string): Promise<string[]> {
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: dir,
      env: { ...process.env, API: new URL(api.url).origin },
    });
    return stdout.trim().split('\n');
  }

  it('a query longer than one line, from a file, with variables', async () => {
    const { script, shown } = recipe('### A query longer than one line');
    expect(script).toMatch(/\n {2}cycle\(code: \$code\) \{\n/);
    const output = await bash(script);
    expect(output.map((line) => JSON.parse(line))).toEqual(shown.map((line) => JSON.parse(line)));
  });

  it('a persisted query registered by POST and read over GET with shareable headers', async () => {
    const { script, shown } = recipe('### Persisted queries and GET');
    const output = (await bash(script)).map((line) => line.trim().toLowerCase()).sort();
    expect(output).toHaveLength(shown.length);
    shown
      .map((line) => line.toLowerCase())
      .sort()
      .forEach((line, i) => expect(output[i]).toMatch(pattern(line)));
  });

  it("the README's recipe sends each of its example queries as written, line breaks and comments included", async () => {
    const section = readme.slice(
      readme.indexOf('## Three example queries'),
      readme.indexOf('## Where to go next'),
    );
    const sh = /```sh\n([\s\S]*?)```/.exec(section)![1];
    expect(sh).toContain('localhost:4000/graphql');
    const queries = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(queries).toHaveLength(3);
    for (const query of queries) {
      fs.writeFileSync(path.join(dir, 'query.graphql'), query);
      const output = await bash(sh.replace('localhost:4000', new URL(api.url).host));
      const answer = JSON.parse(output.join('\n'));
      expect(answer.errors).toBeUndefined();
      expect(Object.keys(answer.data).length).toBeGreaterThan(0);
    }
  });
});
