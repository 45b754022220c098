import { createHash, randomBytes } from 'node:crypto';
import { createEdition } from '../src/modules/edition/edition.service';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

/**
 * The comparison broken down by a dimension: every country's table of one indicator in one request, equal for
 * each kind of reader to what `Assessment.breakdown` gives that reader country by country, with the public and
 * API keys reading the published edition, small counts suppressed so that no sum gives one back, and as many
 * statements for one country as for all.
 */

interface Cell {
  categories: Array<{ code: string }>;
  value: number | null;
  suppressed: boolean;
}
interface Table {
  dimensionCodes: string[];
  exact: boolean;
  minimumCount: number;
  cells: Cell[];
}
interface Entry {
  countryCode: string;
  state: string;
  total: number | null;
  table: Table | null;
}

const TABLE = `dimensionCodes exact minimumCount cells { categories { code } value suppressed }`;
const BREAKDOWN = `query($cycle: String!, $indicator: String!, $dims: [String!]!, $countries: [String!]) {
  comparisonBreakdown(cycleCode: $cycle, indicatorCode: $indicator, dimensions: $dims, countryCodes: $countries) {
    dimensionCodes cycle { code } indicator { code } edition { number } dimensions { code }
    countries { countryCode country { code } state total table { ${TABLE} } }
  }
}`;
const COUNTRIES = ['AL', 'BA', 'ME', 'MK', 'RS'];
const READERS = ['anonymous', 'apiKey', 'lead.rs', 'viewer.rs', 'lead.al', 'reviewer', 'framework', 'admin'];

/** A breakdown of 14 victims whose 3 men would be given away by the total minus the 11 women. */
const FOURTEEN: Array<[string[], string[], number]> = [
  [['sex'], ['female'], 11],
  [['sex'], ['male'], 3],
  [['age'], ['child'], 4],
  [['age'], ['adult'], 10],
  [['sex', 'age'], ['female', 'child'], 2],
  [['sex', 'age'], ['female', 'adult'], 9],
  [['sex', 'age'], ['male', 'child'], 2],
  [['sex', 'age'], ['male', 'adult'], 1],
];

describe('comparison broken down by a dimension', () => {
  let db: TestDatabase;
  let api: TestServer;
  const headers: Record<string, Record<string, string>> = { anonymous: {} };
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const name of ['lead.rs', 'viewer.rs', 'lead.al', 'reviewer', 'framework', 'admin'])
      headers[name] = await signIn(api, `${name}@demo.example`);
    const prefix = randomBytes(6).toString('hex');
    const key = `tia_${prefix}${randomBytes(24).toString('base64url')}`;
    await sql(
      `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash)
       SELECT o.id, u.id, 'Comparison', $1, $2 FROM organisation o, app_user u
       WHERE o.short_name = 'ASTRA' AND u.email = 'lead.rs@demo.example'`,
      [prefix, createHash('sha256').update(key).digest('hex')],
    );
    headers.apiKey = { authorization: `Bearer ${key}` };

    // RS's published count of victims is given the breakdown of 14 above, and the cycle a new edition with it.
    const [row] = await sql(
      `SELECT a.id, a.cycle_id FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE a.country_code = 'RS' AND c.code = '2024' AND i.code = 'PROT-1.3'`,
    );
    await sql(`UPDATE assessment SET value_number = 14 WHERE id = $1`, [row.id]);
    await sql(`DELETE FROM assessment_breakdown WHERE assessment_id = $1`, [row.id]);
    for (const [dims, cats, value] of FOURTEEN)
      await sql(
        `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
         VALUES ($1, 'RS', $2, $3, $4)`,
        [row.id, dims, cats, value],
      );
    await db.dataSource.transaction((m) => createEdition(m, m, row.cycle_id, null));
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function compare(who: string, cycle: string, dims: string[], countries?: string[]) {
    const res = await api.query(BREAKDOWN, { cycle, indicator: 'PROT-1.3', dims, countries }, headers[who]);
    expect(res.errors).toBeUndefined();
    return { result: res.data!.comparisonBreakdown, statements: res.statements };
  }

  /** What `Assessment.breakdown` gives the reader, country by country, for the table of the dimensions. */
  async function perAssessment(who: string, cycle: string, dims: string[]) {
    const rows: Array<{ id: string; country_code: string }> = await sql(
      `SELECT a.id, a.country_code FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE c.code = $1 AND i.code = 'PROT-1.3'`,
      [cycle],
    );
    const fields = rows
      .map((r) => `${r.country_code}: assessment(id: "${r.id}") { valueNumber breakdown { ${TABLE} } }`)
      .join(' ');
    const res = await api.query(`{ ${fields} }`, {}, headers[who]);
    const tables: Record<string, { total: number | null; table: Table | null } | null> = {};
    for (const r of rows) {
      const node = res.data?.[r.country_code] as { valueNumber: number | null; breakdown: Table[] } | null;
      tables[r.country_code] = node
        ? {
            total: node.valueNumber,
            table: node.breakdown.find((t) => t.dimensionCodes.join() === dims.join()) ?? null,
          }
        : null;
    }
    return tables;
  }

  describe.each(['2024', '2025'])('in cycle %s', (cycle) => {
    it.each(READERS)('gives %s each country’s table as Assessment.breakdown does', async (who) => {
      for (const dims of [['sex'], ['sex', 'age'], ['citizenship']]) {
        const { result } = await compare(who, cycle, dims);
        const expected = await perAssessment(who, cycle, dims);
        expect(result.dimensionCodes).toEqual(dims);
        expect(result.countries.map((c: Entry) => c.countryCode)).toEqual(COUNTRIES);
        for (const entry of result.countries as Entry[]) {
          const own = expected[entry.countryCode];
          if (own) {
            expect({ who, cycle, entry }).toEqual({
              who,
              cycle,
              entry: { ...entry, state: 'ASSESSED', total: own.total, table: own.table },
            });
          } else {
            expect(entry.state).not.toBe('ASSESSED');
            expect(entry.table).toBeNull();
          }
        }
      }
    });
  });

  it('reads the published cycle from the edition exactly where the comparison does', async () => {
    const [{ n }] = await sql(
      `SELECT max(e.number)::int AS n FROM edition e JOIN monitoring_cycle c ON c.id = e.cycle_id WHERE c.code = '2024'`,
    );
    for (const who of READERS) {
      const res = await api.query(
        `{ comparison(cycleCode: "2024") { edition { number } } }`,
        {},
        headers[who],
      );
      const edition = (await compare(who, '2024', ['sex'])).result.edition;
      expect({ who, edition }).toEqual({ who, edition: res.data!.comparison.edition });
    }
    expect((await compare('anonymous', '2024', ['sex'])).result.edition).toEqual({ number: n });
    expect((await compare('reviewer', '2024', ['sex'])).result.edition).toBeNull();
    // The open cycle has no edition: the public sees nothing of it.
    const open = await compare('anonymous', '2025', ['sex']);
    expect(open.result.countries.every((c: Entry) => c.state === 'HIDDEN' && c.table === null)).toBe(true);
  });

  it('shows the country’s partners and the reviewer exact values, and other readers suppressed ones', async () => {
    const rs = async (who: string) =>
      ((await compare(who, '2024', ['sex'], ['RS'])).result.countries as Entry[])[0];
    for (const who of ['lead.rs', 'viewer.rs', 'reviewer', 'admin']) {
      const entry = await rs(who);
      expect(entry.table!.exact).toBe(true);
      expect(entry.table!.cells.map((c) => c.value)).toEqual([11, 3, 0]);
    }
    for (const who of ['anonymous', 'apiKey', 'lead.al', 'framework']) {
      const entry = await rs(who);
      expect(entry.total).toBe(14);
      expect(entry.table!.exact).toBe(false);
      expect(entry.table!.cells.map((c) => [c.value, c.suppressed])).toEqual([
        [null, true],
        [null, true],
        [0, false],
      ]);
    }
  });

  it.each(['anonymous', 'apiKey'])(
    'gives %s no count below 5, and no sum of the tables gives a hidden one back',
    async (who) => {
      const tablesOf = async (dims: string[]) =>
        new Map(
          ((await compare(who, '2024', dims)).result.countries as Entry[]).map((e) => [e.countryCode, e]),
        );
      const [sex, age, crossed] = await Promise.all([
        tablesOf(['sex']),
        tablesOf(['age']),
        tablesOf(['sex', 'age']),
      ]);
      let hiddenCells = 0;
      for (const country of COUNTRIES) {
        const tables = [sex, age, crossed].map((t) => t.get(country)!.table);
        if (tables.some((t) => t === null)) continue;
        const [s, a, x] = tables as Table[];
        const total = sex.get(country)!.total!;
        for (const table of [s, a, x])
          for (const c of table.cells) {
            if (c.suppressed) expect(c.value).toBeNull();
            else expect(c.value === 0 || c.value! >= 5).toBe(true);
          }
        // The attack: a sum with one unknown term gives that term; found terms help with the next sums.
        const key = (t: number, c: Cell) => `${t}:${c.categories.map((k) => k.code).join('×')}`;
        const known = new Map<string, number>();
        [s, a, x].forEach((t, i) =>
          t.cells.forEach((c) => {
            if (!c.suppressed) known.set(key(i, c), c.value!);
          }),
        );
        const terms = (i: number, cells: Cell[], sign = 1) => cells.map((c) => [key(i, c), sign] as const);
        const line = (d: number, code: string) => x.cells.filter((c) => c.categories[d].code === code);
        const sums = [
          { terms: terms(0, s.cells), total },
          { terms: terms(1, a.cells), total },
          { terms: terms(2, x.cells), total },
          ...s.cells.map((c) => ({
            terms: [...terms(0, [c]), ...terms(2, line(0, c.categories[0].code), -1)],
            total: 0,
          })),
          ...a.cells.map((c) => ({
            terms: [...terms(1, [c]), ...terms(2, line(1, c.categories[0].code), -1)],
            total: 0,
          })),
        ];
        for (let found = true; found;) {
          found = false;
          for (const sum of sums) {
            const unknown = sum.terms.filter(([k]) => !known.has(k));
            if (unknown.length !== 1) continue;
            const rest = sum.terms.reduce(
              (acc, [k, sign]) => (known.has(k) ? acc + sign * known.get(k)! : acc),
              0,
            );
            known.set(unknown[0][0], (sum.total - rest) * unknown[0][1]);
            found = true;
          }
        }
        const hidden = [s, a, x].flatMap((t, i) => t.cells.filter((c) => c.suppressed).map((c) => key(i, c)));
        hiddenCells += hidden.length;
        expect({ country, given: hidden.filter((k) => known.has(k)) }).toEqual({ country, given: [] });
      }
      expect(hiddenCells).toBeGreaterThan(0);
    },
  );

  it('reads one country or all of them in the same few statements', async () => {
    for (const [who, cycle] of [
      ['reviewer', '2025'],
      ['anonymous', '2024'],
      ['lead.rs', '2024'],
    ]) {
      const one = await compare(who, cycle, ['sex', 'age'], ['ME']);
      const all = await compare(who, cycle, ['sex', 'age']);
      expect(one.result.countries).toHaveLength(1);
      expect(all.result.countries).toHaveLength(5);
      expect(all.statements).toBe(one.statements);
      expect(all.statements).toBeLessThanOrEqual(6);
    }
  });

  it('refuses what names nothing, and answers null for an unknown cycle', async () => {
    const ask = (variables: Record<string, unknown>) =>
      api.query(BREAKDOWN, { cycle: '2024', indicator: 'PROT-1.3', dims: ['sex'], ...variables });
    for (const variables of [
      { dims: ['shoe_size'] },
      { dims: ['sex', 'sex'] },
      { dims: [] },
      { indicator: 'NOPE-1' },
      { indicator: 'PREV-1.1' },
      { countries: ['ZZ'] },
    ]) {
      const res = await ask(variables);
      expect({ variables, code: res.errors?.[0].extensions?.code }).toEqual({
        variables,
        code: 'BAD_USER_INPUT',
      });
    }
    const none = await ask({ cycle: '1999' });
    expect(none.errors).toBeUndefined();
    expect(none.data!.comparisonBreakdown).toBeNull();
  });
});
