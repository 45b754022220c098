import ExcelJS from 'exceljs';
import { ConfigError, loadConfig } from '../src/config';
import {
  DataStatus,
  DEMO_NOTICE,
  readDataStatus,
  setDataStatus,
} from '../src/modules/deployment/data-status';
import { GRAPHIQL_COMPARISON_QUERY } from '../src/modules/graphiql/graphiql.page';
import { RESULTS_CYCLE_QUERY } from '../src/modules/results/results.queries';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

const FUNDING =
  'This database is funded by the European Union. Its contents are the sole responsibility of the partners.';

const EDITION_QUERY = `query($c: ID!) { edition(cycleId: $c) { number citation } }`;

/** What a reader of each surface sees of the deployment's data status. */
async function surfaces(api: TestServer, cycleId: string) {
  const origin = api.url.replace(/\/graphql$/, '');
  const status = await api.query(`{ dataStatus fundingStatement }`);
  const edition = await api.query(EDITION_QUERY, { c: cycleId });
  const xlsx = await fetch(`${origin}/exports/comparison.xlsx?cycleId=${cycleId}&edition=1`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const about: string[] = [];
  book.getWorksheet('About')!.eachRow((row) => {
    about.push((row.values as unknown[]).slice(1).map(String).join('\t'));
  });
  const citeAs: string[] = [];
  book.getWorksheet('Citation')!.eachRow((row) => {
    if (row.getCell(1).value === 'Cite as') citeAs.push(String(row.getCell(2).value));
  });
  const csv = await fetch(`${origin}/exports/comparison.csv?cycleId=${cycleId}`);
  await csv.arrayBuffer();
  const page = await (await fetch(`${origin}/results/2024`)).text();
  const results = await api.query(RESULTS_CYCLE_QUERY, { code: '2024' });
  const graphiql = await api.query(GRAPHIQL_COMPARISON_QUERY);
  return { status, edition, about, citeAs, csv, page, results, graphiql };
}

describe('the deployment’s data status on every surface', () => {
  let db: TestDatabase;
  let cycleId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    [{ id: cycleId }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2024'`);
  });
  afterAll(() => db.drop());

  describe('on the demo data', () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await startTestServer(db);
    });
    afterAll(() => api.close());

    it('says DEMO in GraphQL to anyone, and "illustrative demo data" in citations, exports and GraphiQL', async () => {
      const seen = await surfaces(api, cycleId);
      expect(seen.status.errors).toBeUndefined();
      expect(seen.status.data).toEqual({ dataStatus: 'DEMO', fundingStatement: null });

      const citation: string = seen.edition.data!.edition.citation;
      expect(citation.startsWith(DEMO_NOTICE)).toBe(true);
      expect(citation).toMatch(/illustrative demo data, not real results/i);

      expect(seen.about[0]).toBe(`${DEMO_NOTICE} Comparison of countries per indicator, cycle 2024`);
      expect(seen.about).toContain(`Data status\tDEMO – ${DEMO_NOTICE}`);
      expect(seen.citeAs).toEqual([citation]);
      expect(seen.csv.status).toBe(200);
      expect(seen.csv.headers.get('x-data-status')).toBe('DEMO');

      expect(seen.page).toContain('id="demo-banner"');
      expect(seen.results.data!.dataStatus).toBe('DEMO');

      expect(GRAPHIQL_COMPARISON_QUERY).toMatch(
        /^# dataStatus DEMO: the illustrative demo data, not real results$/m,
      );
      expect(seen.graphiql.errors).toBeUndefined();
      expect(seen.graphiql.data!.dataStatus).toBe('DEMO');
      expect(seen.graphiql.data!.cycle.editions[0].citation).toBe(citation);
    });

    it('answers a signed-in reader the same', async () => {
      const headers = await signIn(api, 'viewer.rs@demo.example');
      const answer = await api.query(`{ dataStatus }`, {}, headers);
      expect(answer.data).toEqual({ dataStatus: 'DEMO' });
    });
  });

  describe('on real data', () => {
    let api: TestServer;
    beforeAll(async () => {
      await setDataStatus(db.dataSource.manager, DataStatus.REAL);
      api = await startTestServer(db);
    });
    afterAll(() => api.close());

    it('shows no demo notice anywhere', async () => {
      const seen = await surfaces(api, cycleId);
      expect(seen.status.data).toEqual({ dataStatus: 'REAL', fundingStatement: null });
      const citation: string = seen.edition.data!.edition.citation;
      expect(citation).toMatch(
        /^Regional database of anti-trafficking indicators, monitoring cycle 2024, edition 1, /,
      );
      expect(citation).not.toMatch(/demo/i);
      expect(seen.about.join('\n')).not.toMatch(/demo/i);
      expect(seen.citeAs).toEqual([citation]);
      expect(seen.csv.headers.get('x-data-status')).toBe('REAL');
      expect(seen.results.data!.dataStatus).toBe('REAL');
      expect(seen.graphiql.data!.dataStatus).toBe('REAL');
    });

    it('cannot be turned back to DEMO, nor to REAL, by the API’s own database role', async () => {
      const app = await appDataSourceFor(db.url, 1);
      try {
        await expect(app.query(`UPDATE deployment_setting SET data_status = 'DEMO'`)).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await app.destroy();
      }
      expect(await readDataStatus(db.dataSource.manager)).toBe(DataStatus.REAL);
    });
  });

  describe('with FUNDING_STATEMENT set', () => {
    let api: TestServer;
    beforeAll(async () => {
      await setDataStatus(db.dataSource.manager, DataStatus.DEMO);
      api = await startTestServer(db, { FUNDING_STATEMENT: `  ${FUNDING}  ` });
    });
    afterAll(() => api.close());

    it('adds the statement to every citation, in GraphQL and in the export, and gives it to the results page', async () => {
      const seen = await surfaces(api, cycleId);
      expect(seen.status.data).toEqual({ dataStatus: 'DEMO', fundingStatement: FUNDING });
      const citation: string = seen.edition.data!.edition.citation;
      expect(citation.endsWith(` ${FUNDING}`)).toBe(true);
      expect(seen.citeAs).toEqual([citation]);
      expect(seen.results.data!.fundingStatement).toBe(FUNDING);
    });
  });
});

describe('a fresh database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
    await db.dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(() => db.drop());

  it('holds real data until the demo data is loaded', async () => {
    expect(await readDataStatus(db.dataSource.manager)).toBe(DataStatus.REAL);
  });
});

describe('FUNDING_STATEMENT', () => {
  it('is empty by default and refused when it is not one short line', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).fundingStatement).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', FUNDING_STATEMENT: '   ' }).fundingStatement).toBeNull();
    expect(() => loadConfig({ NODE_ENV: 'test', FUNDING_STATEMENT: 'x'.repeat(501) })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', FUNDING_STATEMENT: 'EU\nfunded' })).toThrow(
      /FUNDING_STATEMENT must be one line/,
    );
  });
});

describe('the demo data’s texts', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('give no court case number, visit or interview that could pass for a real one', async () => {
    const rows: Array<{ kind: string; title: string; citation: string | null; issuing_institution: string }> =
      await db.dataSource.query(
        `SELECT DISTINCT kind, title, citation, issuing_institution FROM evidence
         WHERE kind IN ('COURT_DECISION', 'INTERVIEW', 'MONITORING_VISIT')`,
      );
    expect(rows.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(['COURT_DECISION', 'INTERVIEW']));
    for (const row of rows) {
      expect(row.title).toMatch(/illustrative .*\(fictitious, demo data\)$/i);
      expect(row.citation ?? '').toMatch(/DEMO|demo data/);
    }
    for (const row of rows.filter((r) => r.kind === 'COURT_DECISION')) {
      expect(row.citation).toMatch(/^Case DEMO-\d+ \(fictitious\)$/);
      expect(row.issuing_institution).toMatch(/^An illustrative court/);
    }
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE citation ~ '(^|, )(K\\.? (No\\. )?\\d+/\\d+|S1 2 K|Decision No\\. \\d+, 20)'`,
    );
    expect(n).toBe(0);
  });

  it('mark every generated text answer as an illustrative example', async () => {
    const rows: Array<{ value_text: string }> = await db.dataSource.query(
      `SELECT value_text FROM assessment WHERE value_text IS NOT NULL`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row.value_text).toMatch(/^Illustrative example \(demo data, not a real finding\):/);
  });
});
