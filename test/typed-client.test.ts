import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiError, main } from '../examples/typed-client/index';
import { createTestDatabase, type TestDatabase } from './support/database';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/server';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');

describe('typed client example (examples/typed-client)', () => {
  let db: TestDatabase;
  let api: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** The published 2024 results as the table shows them, read from the database: indicator → country → text. */
  async function expected2024(): Promise<Map<string, Map<string, string>>> {
    const rows: Array<{
      code: string;
      country_code: string;
      score: number | null;
      value: string | null;
      not_scored_reason: string | null;
    }> = await db.dataSource.query(
      `SELECT i.code, a.country_code, a.score, a.not_scored_reason,
         coalesce(a.value_number::text, a.value_boolean::text, a.value_text) AS value
       FROM assessment a JOIN indicator i ON i.id = a.indicator_id JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.code = '2024' AND a.status = 'PUBLISHED'`,
    );
    const byIndicator = new Map<string, Map<string, string>>();
    for (const row of rows) {
      const text =
        row.not_scored_reason === 'NOT_APPLICABLE'
          ? 'n/a'
          : row.not_scored_reason === 'NO_DATA'
            ? 'no data'
            : row.score !== null
              ? String(row.score)
              : String(row.value);
      if (!byIndicator.has(row.code)) byIndicator.set(row.code, new Map());
      byIndicator.get(row.code)!.set(row.country_code, text);
    }
    return byIndicator;
  }

  it('has generated documents up to date with the schema and its operations, and compiles', async () => {
    const check = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'examples/typed-client/check-generated.ts'],
      { cwd: ROOT },
    );
    expect(check.stdout).toContain('up to date');
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'examples/typed-client'], {
      cwd: ROOT,
    });
  });

  it('prints the published 2024 comparison, read anonymously, as a table of 58 rows', async () => {
    let printed = '';
    const table = await main({ endpoint: api.url, cycleCode: '2024', write: (text) => (printed += text) });

    const [edition] = await db.dataSource.query(
      `SELECT e.id, e.number FROM edition e JOIN monitoring_cycle c ON c.id = e.cycle_id
       WHERE c.code = '2024' ORDER BY e.number DESC LIMIT 1`,
    );
    expect(table.cycleCode).toBe('2024');
    expect(table.cycleTitle).toBe('Monitoring round 2024');
    expect(table.edition).toBe(edition.number);
    expect(table.countries).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
    expect(table.rows).toHaveLength(58);
    const expected = await expected2024();
    for (const row of table.rows) {
      table.countries.forEach((country, i) =>
        expect([row.indicator, country, row.cells[i]]).toEqual([
          row.indicator,
          country,
          expected.get(row.indicator)?.get(country) ?? '-',
        ]),
      );
    }
    expect(table.rows.flatMap((r) => r.cells)).not.toContain('hidden');

    const lines = printed.split('\n');
    expect(lines[0]).toBe(`Monitoring round 2024 (cycle 2024), edition ${edition.number}`);
    expect(lines[1].split(/\s{2,}/)).toEqual(['Indicator', 'Title', 'AL', 'BA', 'ME', 'MK', 'RS']);
    const first = table.rows[0];
    expect(lines[3].startsWith(first.indicator)).toBe(true);
    expect(lines[3].trimEnd().endsWith(first.cells[4])).toBe(true);
    expect(lines.filter((l) => /^[A-Z]+-\d+\.\d+ /.test(l))).toHaveLength(58);
    expect(table.citation).toContain(`monitoring cycle 2024, edition ${edition.number}`);
    expect(table.citation).toContain(edition.id);
    expect(printed).toContain(`Cite as: ${table.citation}`);
  });

  it('signs in with the login mutation and reads the same edition; wrong credentials and unknown cycles fail', async () => {
    const quiet = () => undefined;
    const anonymous = await main({ endpoint: api.url, cycleCode: '2024', write: quiet });
    const signedIn = await main({
      endpoint: api.url,
      cycleCode: '2024',
      email: 'viewer.rs@demo.example',
      password: DEMO_PASSWORD,
      write: quiet,
    });
    expect(signedIn).toEqual(anonymous);

    const refused = main({
      endpoint: api.url,
      cycleCode: '2024',
      email: 'viewer.rs@demo.example',
      password: 'not-the-password',
      write: quiet,
    });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(main({ endpoint: api.url, cycleCode: '1999', write: quiet })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(main({ endpoint: api.url, cycleCode: '2025', write: quiet })).rejects.toThrow(
      'Cycle 2025 has not been published (OPEN).',
    );
    await expect(
      main({ endpoint: api.url, cycleCode: '2024', apiKey: 'tia_not-a-key', write: quiet }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
