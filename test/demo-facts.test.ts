import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * The facts of the demo data that are real, as docs/demo-data.md cites them: what a reader who checks the demo
 * against GRETA's reports, the Palermo Protocol or the national documents would look at.
 */
describe('facts in the demo data', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const answers = (indicator: string, country: string, cycle: string) =>
    db.dataSource.query(
      `SELECT a.value_boolean, a.value_number, a.narrative, a.id
       FROM assessment a JOIN indicator i ON i.id = a.indicator_id JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE i.code = $1 AND a.country_code = $2 AND c.code = $3`,
      [indicator, country, cycle],
    ) as Promise<
      Array<{
        value_boolean: boolean | null;
        value_number: number | null;
        narrative: Record<string, string>;
        id: string;
      }>
    >;

  it('measures access to identity documents against prevention for the vulnerable, not Palermo Art. 12', async () => {
    const standards: Array<{ instrument: string; reference: string }> = await db.dataSource.query(
      `SELECT s.instrument, s.reference FROM indicator i
       JOIN indicator_standard x ON x.indicator_id = i.id JOIN standard s ON s.id = x.standard_id
       WHERE i.code = 'PREV-2.3' ORDER BY s.instrument`,
    );
    expect(standards).toEqual([
      { instrument: 'COE_CONVENTION', reference: 'Art. 5' },
      { instrument: 'PALERMO_PROTOCOL', reference: 'Art. 9' },
    ]);
    const [art12] = await db.dataSource.query(
      `SELECT title->>'en' AS title FROM standard WHERE instrument = 'PALERMO_PROTOCOL' AND reference = 'Art. 12'`,
    );
    expect(art12.title).toBe('Security and control of documents');
  });

  it('records the specific non-punishment provisions of Bosnia and Herzegovina, North Macedonia and Montenegro', async () => {
    for (const country of ['BA', 'MK', 'ME']) {
      for (const cycle of ['2024', '2025']) {
        for (const answer of await answers('PROS-4.1', country, cycle)) {
          expect(answer.value_boolean).toBe(true);
          expect(answer.narrative.en).not.toMatch(/no specific non-punishment provision/);
        }
      }
    }
    const [ba] = await answers('PROS-4.1', 'BA', '2024');
    expect(ba.narrative.en).toMatch(/explicitly allows victims not to be punished/);
  });

  it('counts North Macedonia’s identified victims in a handful a year and Montenegro’s children as most victims', async () => {
    for (const cycle of ['2024', '2025']) {
      for (const { value_number } of await answers('PROT-1.3', 'MK', cycle)) {
        expect(value_number).toBeGreaterThanOrEqual(2);
        expect(value_number).toBeLessThanOrEqual(9);
      }
      for (const { value_number } of await answers('PROT-3.3', 'ME', cycle)) {
        expect(value_number).toBeGreaterThanOrEqual(70);
      }
    }
    expect(await answers('PROT-1.3', 'MK', '2024')).toHaveLength(1);
  });

  it('names North Macedonia’s Ombudsman as National Rapporteur and its 2021–2025 strategy by its title', async () => {
    const evidence: Array<{ title: string; issuing_institution: string }> = await db.dataSource.query(
      `SELECT DISTINCT title, issuing_institution FROM evidence WHERE country_code = 'MK'`,
    );
    const titles = evidence.map((e) => e.title);
    expect(titles).toContain(
      'National Strategy for Combating Trafficking in Human Beings and Illegal Migration (2021–2025) and its Action Plan',
    );
    expect(titles.filter((t) => /National Rapporteur on Combating/.test(t))).toEqual([]);
    const rapporteur = evidence.filter((e) => /National Rapporteur/.test(e.issuing_institution));
    expect(rapporteur.length).toBeGreaterThan(0);
    for (const e of rapporteur)
      expect(e.issuing_institution).toMatch(/^Ombudsman of the Republic of North Macedonia/);
    const [mk] = await answers('PART-1.4', 'MK', '2024');
    expect(mk.narrative.en).toMatch(/Ombudsman of the Republic of North Macedonia as National Rapporteur/);
  });

  it('cites Albania’s DCM No. 499/2018 by its title', async () => {
    const [sop] = await db.dataSource.query(
      `SELECT DISTINCT citation FROM evidence WHERE country_code = 'AL' AND kind = 'SOP'`,
    );
    expect(sop.citation).toBe(
      'Decision of the Council of Ministers No. 499/2018 "On the approval of the standard operating procedures for the protection of victims and potential victims of trafficking"',
    );
  });

  it('stores Montenegrin texts as Montenegrin (cnr), not as Serbian', async () => {
    const [counts] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE narrative ? 'cnr')::int AS cnr, count(*) FILTER (WHERE narrative ? 'sr-Latn')::int AS serbian
       FROM assessment WHERE country_code = 'ME'`,
    );
    expect(counts.cnr).toBeGreaterThan(0);
    expect(counts.serbian).toBe(0);
    const [languages] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE language = 'sr-Latn')::int AS serbian FROM evidence WHERE country_code = 'ME'`,
    );
    expect(languages.serbian).toBe(0);
  });

  it('describes in a cycle the year the cycle reports on', async () => {
    for (const [cycle, year] of [
      ['2024', 2024],
      ['2025', 2025],
    ] as const) {
      const rows: Array<{ en: string }> = await db.dataSource.query(
        `SELECT a.narrative->>'en' AS en FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
         WHERE c.code = $1 AND c.year = $2 AND a.narrative->>'en' ~ '^In [0-9]{4},'`,
        [cycle, year],
      );
      expect(rows.length).toBeGreaterThan(10);
      for (const { en } of rows) expect(en.slice(0, 8)).toBe(`In ${year},`);
      // Statistics count the year itself; the annual reports on it are published the year after.
      const stats: Array<{ title: string; document_date: string }> = await db.dataSource.query(
        `SELECT e.title, to_char(e.document_date, 'YYYY') AS document_date FROM evidence e
         JOIN assessment a ON a.id = e.assessment_id JOIN monitoring_cycle c ON c.id = a.cycle_id
         WHERE c.code = $1 AND e.kind = 'STATISTICS' AND e.title LIKE '%, ' || $2`,
        [cycle, String(year)],
      );
      expect(stats.length).toBeGreaterThan(0);
      const reports: Array<{ document_date: string }> = await db.dataSource.query(
        `SELECT DISTINCT to_char(e.document_date, 'YYYY') AS document_date FROM evidence e
         JOIN assessment a ON a.id = e.assessment_id JOIN monitoring_cycle c ON c.id = a.cycle_id
         WHERE c.code = $1 AND e.title LIKE '%Annual Report of the Protector of Citizens for %'`,
        [cycle],
      );
      expect(reports).toEqual([{ document_date: String(year + 1) }]);
    }
  });
});
