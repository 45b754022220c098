import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Locale } from '../src/common/i18n';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, type TestServer } from './support/server';

/**
 * Disaggregated statistics end to end: the dimensions as data, an indicator's expected breakdowns, saving a
 * breakdown with its assessment (validated, versioned, audited), and what each reader sees of it: exact values
 * for the country's partners and the reviewer, small counts suppressed for everyone else, in a way that the
 * published total minus the visible cells does not undo.
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

const TABLES = `breakdown { dimensionCodes exact minimumCount cells { categories { code } value suppressed } }`;
const SAVE = `mutation($input: AssessmentSaveInput!) {
  assessmentSave(input: $input) {
    assessment { id version valueNumber ${TABLES} }
    userErrors { field code message }
  }
}`;
const READ = `query($id: ID!) { assessment(id: $id) { id valueNumber ${TABLES} } }`;

const cell = (pairs: Record<string, string>, value: number) => ({
  categories: Object.entries(pairs).map(([dimension, category]) => ({ dimension, category })),
  value,
});

/** A breakdown of 14 victims: 11 women and 3 men; 4 children and 10 adults; crossed. */
const FOURTEEN = [
  cell({ sex: 'female' }, 11),
  cell({ sex: 'male' }, 3),
  cell({ age: 'child' }, 4),
  cell({ age: 'adult' }, 10),
  cell({ sex: 'female', age: 'child' }, 2),
  cell({ sex: 'female', age: 'adult' }, 9),
  cell({ age: 'child', sex: 'male' }, 2),
  cell({ sex: 'male', age: 'adult' }, 1),
];

describe('breakdowns', () => {
  let db: TestDatabase;
  let api: TestServer;
  const headers: Record<string, Record<string, string>> = { anonymous: {} };
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    for (const name of ['editor.rs', 'lead.rs', 'viewer.rs', 'lead.al', 'reviewer', 'framework', 'admin'])
      headers[name] = await signIn(api, `${name}@demo.example`);
    const prefix = randomBytes(6).toString('hex');
    const key = `tia_${prefix}${randomBytes(24).toString('base64url')}`;
    await sql(
      `INSERT INTO api_key (organisation_id, created_by, name, prefix, key_hash)
       SELECT o.id, u.id, 'Breakdowns', $1, $2 FROM organisation o, app_user u
       WHERE o.short_name = 'ASTRA' AND u.email = 'lead.rs@demo.example'`,
      [prefix, createHash('sha256').update(key).digest('hex')],
    );
    headers.apiKey = { authorization: `Bearer ${key}` };
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  /** The RS assessment of an indicator in a cycle, made a DRAFT with no breakdown. */
  async function draft(indicatorCode: string, cycle = '2025') {
    const [row] = await sql(
      `SELECT a.id, a.version, a.cycle_id, a.indicator_id FROM assessment a
       JOIN indicator i ON i.id = a.indicator_id JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE a.country_code = 'RS' AND c.code = $1 AND i.code = $2`,
      [cycle, indicatorCode],
    );
    await sql(`DELETE FROM assessment_breakdown WHERE assessment_id = $1`, [row.id]);
    await sql(`UPDATE assessment SET status = 'DRAFT' WHERE id = $1`, [row.id]);
    return {
      id: row.id as string,
      version: row.version as number,
      input: { cycleId: row.cycle_id, countryCode: 'RS', indicatorId: row.indicator_id },
    };
  }

  it('lists the standard dimensions with their categories, named in every locale', async () => {
    const locales = Object.keys(Locale);
    const fields = locales.map((l) => `${l}: title(locale: ${l}) { text isFallback }`).join(' ');
    const res = await api.query(
      `{ breakdownDimensions { code exhaustive standard ${fields} categories { code unknown ${fields} } } }`,
    );
    expect(res.errors).toBeUndefined();
    const dims = res.data!.breakdownDimensions;
    expect(dims.map((d: { code: string }) => d.code)).toEqual(['sex', 'age', 'exploitation', 'citizenship']);
    const exploitation = dims.find((d: { code: string }) => d.code === 'exploitation');
    expect(exploitation.categories.map((c: { code: string }) => c.code)).toEqual([
      'sexual',
      'labour',
      'begging',
      'criminal_activities',
      'forced_marriage',
      'organ_removal',
      'illegal_adoption',
      'surrogacy',
      'mixed',
      'other',
      'unknown',
    ]);
    for (const d of dims) {
      expect(d.standard).toBe(true);
      expect(d.categories.some((c: { unknown: boolean }) => c.unknown)).toBe(true);
      for (const named of [d, ...d.categories])
        for (const l of locales)
          expect({ code: named.code, l, fallback: named[l].isFallback }).toEqual({
            code: named.code,
            l,
            fallback: false,
          });
    }
    expect(dims[0].SR_CYRL.text).toBe('Пол');
  });

  it('names the breakdowns an indicator expects, and still answers the deprecated free text', async () => {
    const res = await api.query(
      `{ indicators(first: 100) { nodes { code expectedBreakdowns breakdowns { dimensionCodes dimensions { code } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const victims = res.data!.indicators.nodes.find((n: { code: string }) => n.code === 'PROT-1.3');
    expect(victims.expectedBreakdowns).toEqual(['sex', 'age', 'form of exploitation', 'citizenship']);
    expect(victims.breakdowns.map((b: { dimensionCodes: string[] }) => b.dimensionCodes)).toEqual([
      ['sex'],
      ['age'],
      ['exploitation'],
      ['citizenship'],
      ['sex', 'age'],
    ]);
    expect(victims.breakdowns[4].dimensions.map((d: { code: string }) => d.code)).toEqual(['sex', 'age']);
  });

  it('saves a breakdown with the assessment’s version, shows it exactly to the country, and audits it', async () => {
    const target = await draft('PROT-1.3');
    const res = await api.query(
      SAVE,
      {
        input: { ...target.input, value: '14', breakdown: FOURTEEN, expectedVersion: target.version },
      },
      headers['editor.rs'],
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.assessmentSave;
    expect(payload.userErrors).toEqual([]);
    expect(payload.assessment.version).toBe(target.version + 1);
    const tables: Table[] = payload.assessment.breakdown;
    expect(tables.map((t) => t.dimensionCodes)).toEqual([['sex'], ['age'], ['sex', 'age']]);
    expect(tables.every((t) => t.exact)).toBe(true);
    // Every category is there; what was not recorded counts 0 (the parts add up to the total).
    expect(tables[0].cells.map((c) => [c.categories[0].code, c.value])).toEqual([
      ['female', 11],
      ['male', 3],
      ['other_unknown', 0],
    ]);
    expect(tables[2].cells).toHaveLength(9);
    expect(
      tables[2].cells.find((c) => c.categories[0].code === 'male' && c.categories[1].code === 'child')!.value,
    ).toBe(2);

    const [audit] = await sql(
      `SELECT before, after FROM audit_event WHERE assessment_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [target.id],
    );
    expect(audit.after.breakdown).toMatchObject({ 'sex=female': 11, 'sex=male×age=child': 2 });
    expect(audit.before.breakdown).toEqual({});

    // Removing it is a change of its own, with a new version.
    const removed = await api.query(
      SAVE,
      { input: { ...target.input, breakdown: [], expectedVersion: target.version + 1 } },
      headers['editor.rs'],
    );
    expect(removed.data!.assessmentSave.assessment.version).toBe(target.version + 2);
    expect(removed.data!.assessmentSave.assessment.breakdown).toEqual([]);
  });

  it('refuses cells outside the indicator’s dimensions, naming the cell, and changes nothing', async () => {
    const target = await draft('PROT-1.3');
    const attempt = async (breakdown: unknown[], value = '14') => {
      const res = await api.query(
        SAVE,
        { input: { ...target.input, value, breakdown, expectedVersion: target.version } },
        headers['editor.rs'],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.assessmentSave.assessment).toBeNull();
      return res.data!.assessmentSave.userErrors as Array<{ field: string[]; code: string; message: string }>;
    };
    const [unknownCategory] = await attempt([cell({ sex: 'female' }, 11), cell({ sex: 'women' }, 3)]);
    expect(unknownCategory).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['input', 'breakdown', '1', 'categories'],
    });
    expect(unknownCategory.message).toContain('sex has no category "women"');
    const [unexpected] = await attempt([cell({ sex: 'female', exploitation: 'sexual' }, 14)]);
    expect(unexpected).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['input', 'breakdown', '0', 'categories'],
    });
    const [negative] = await attempt([cell({ sex: 'female' }, -1)]);
    expect(negative).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'breakdown', '0', 'value'] });
    const [short] = await attempt([cell({ sex: 'female' }, 10), cell({ sex: 'male' }, 3)]);
    expect(short.code).toBe('BREAKDOWN_TOTAL_MISMATCH');
    expect(short.message).toContain('by sex add up to 13, not to the total 14');
    // The crossed table must agree with the single one, row by row.
    const crossed = FOURTEEN.map((c) =>
      c.categories.length === 2 &&
      c.categories[0].category === 'female' &&
      c.categories[1].category === 'child'
        ? { ...c, value: 1 }
        : c.categories.length === 2 &&
            c.categories[1].category === 'adult' &&
            c.categories[0].category === 'female'
          ? { ...c, value: 10 }
          : c,
    );
    const errors = await attempt(crossed);
    expect(errors.map((e) => e.code)).toEqual(['BREAKDOWN_TOTAL_MISMATCH', 'BREAKDOWN_TOTAL_MISMATCH']);
    expect(errors.map((e) => e.message).join(' ')).toContain(
      'age = child: the cells by sex × age add up to 3',
    );
    // "Unknown" is always a category: 11 women, 3 of unknown sex add up.
    const [{ version }] = await sql(`SELECT version FROM assessment WHERE id = $1`, [target.id]);
    expect(version).toBe(target.version);
    const ok = await api.query(
      SAVE,
      {
        input: {
          ...target.input,
          value: '14',
          breakdown: [cell({ sex: 'female' }, 11), cell({ sex: 'other_unknown' }, 3)],
          expectedVersion: target.version,
        },
      },
      headers['editor.rs'],
    );
    expect(ok.data!.assessmentSave.userErrors).toEqual([]);
    // A new total the stored cells no longer add up to is refused until the breakdown comes with it.
    const moved = await api.query(
      SAVE,
      { input: { ...target.input, value: '15', expectedVersion: target.version + 1 } },
      headers['editor.rs'],
    );
    expect(moved.data!.assessmentSave.userErrors[0].code).toBe('BREAKDOWN_TOTAL_MISMATCH');
  });

  it('takes breakdowns on NUMBER and PERCENT indicators only', async () => {
    const [score] = await sql(
      `SELECT a.cycle_id, a.indicator_id, a.version FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE a.country_code = 'RS' AND c.code = '2025' AND i.answer_type = 'SCORE' AND a.status = 'DRAFT' LIMIT 1`,
    );
    const res = await api.query(
      SAVE,
      {
        input: {
          cycleId: score.cycle_id,
          countryCode: 'RS',
          indicatorId: score.indicator_id,
          expectedVersion: score.version,
          breakdown: [cell({ sex: 'female' }, 1)],
        },
      },
      headers['editor.rs'],
    );
    expect(res.data!.assessmentSave.userErrors[0].code).toBe('ANSWER_TYPE_MISMATCH');
  });

  describe('victim-safe disclosure', () => {
    let published: { id: string; value: number };

    beforeAll(async () => {
      // A published assessment of the published cycle, given the breakdown of 14 victims above.
      const [row] = await sql(
        `SELECT a.id FROM assessment a JOIN indicator i ON i.id = a.indicator_id JOIN monitoring_cycle c ON c.id = a.cycle_id
         WHERE a.country_code = 'RS' AND c.code = '2024' AND i.code = 'PROT-1.3'`,
      );
      await sql(`UPDATE assessment SET value_number = 14 WHERE id = $1`, [row.id]);
      await sql(`DELETE FROM assessment_breakdown WHERE assessment_id = $1`, [row.id]);
      for (const c of FOURTEEN) {
        const sorted = [...c.categories].sort((a, b) =>
          a.dimension === 'sex' ? -1 : b.dimension === 'sex' ? 1 : 0,
        );
        await sql(
          `INSERT INTO assessment_breakdown (assessment_id, country_code, dimension_codes, category_codes, value)
           VALUES ($1, 'RS', $2, $3, $4)`,
          [row.id, sorted.map((x) => x.dimension), sorted.map((x) => x.category), c.value],
        );
      }
      published = { id: row.id, value: 14 };
    });

    const read = async (who: string): Promise<Table[]> => {
      const res = await api.query(READ, { id: published.id }, headers[who]);
      expect(res.errors).toBeUndefined();
      return res.data!.assessment.breakdown;
    };

    it.each(['lead.rs', 'viewer.rs', 'reviewer', 'admin'])('shows %s every value exactly', async (who) => {
      const tables = await read(who);
      expect(tables.every((t) => t.exact && t.cells.every((c) => !c.suppressed))).toBe(true);
      expect(tables[0].cells.map((c) => c.value)).toEqual([11, 3, 0]);
    });

    it.each(['anonymous', 'apiKey', 'lead.al', 'framework'])(
      'never shows %s a count below 5, and the total minus the visible cells gives no hidden one back',
      async (who) => {
        const tables = await read(who);
        expect(tables).toHaveLength(3);
        for (const table of tables) {
          expect(table.exact).toBe(false);
          expect(table.minimumCount).toBe(5);
          for (const c of table.cells) {
            if (c.suppressed) expect(c.value).toBeNull();
            else expect(c.value === 0 || c.value! >= 5).toBe(true);
          }
        }
        // The attack: on any sum the reader knows with one hidden cell, that cell is the sum minus the others;
        // each cell found helps with the next sums, so the reader goes on until nothing more comes out.
        const [sex, age, crossed] = tables;
        const known = new Map<string, number>();
        const id = (t: number, c: Cell) => `${t}:${c.categories.map((k) => k.code).join('×')}`;
        tables.forEach((t, i) =>
          t.cells.forEach((c) => {
            if (!c.suppressed) known.set(id(i, c), c.value!);
          }),
        );
        const terms = (i: number, cells: Cell[], sign = 1) => cells.map((c) => [id(i, c), sign] as const);
        const row = (d: number, code: string) => crossed.cells.filter((c) => c.categories[d].code === code);
        const sums: Array<{ terms: Array<readonly [string, number]>; total: number }> = [
          { terms: terms(0, sex.cells), total: published.value },
          { terms: terms(1, age.cells), total: published.value },
          { terms: terms(2, crossed.cells), total: published.value },
          ...sex.cells.map((c) => ({
            terms: [...terms(0, [c]), ...terms(2, row(0, c.categories[0].code), -1)],
            total: 0,
          })),
          ...age.cells.map((c) => ({
            terms: [...terms(1, [c]), ...terms(2, row(1, c.categories[0].code), -1)],
            total: 0,
          })),
        ];
        let found = true;
        while (found) {
          found = false;
          for (const sum of sums) {
            const unknown = sum.terms.filter(([key]) => !known.has(key));
            if (unknown.length !== 1) continue;
            const rest = sum.terms.reduce(
              (s, [key, sign]) => (known.has(key) ? s + sign * known.get(key)! : s),
              0,
            );
            known.set(unknown[0][0], (sum.total - rest) * unknown[0][1]);
            found = true;
          }
        }
        const hidden = tables.flatMap((t, i) => t.cells.filter((c) => c.suppressed).map((c) => id(i, c)));
        expect(hidden.length).toBeGreaterThan(0);
        expect(hidden.filter((key) => known.has(key))).toEqual([]);
        // 3 men: 14 − 11 would give them away, so 11 is hidden too.
        expect(sex.cells.map((c) => c.suppressed)).toEqual([true, true, false]);
      },
    );

    it('follows DISCLOSURE_MIN_COUNT', async () => {
      const strict = await startTestServer(db, { DISCLOSURE_MIN_COUNT: '12' });
      try {
        const res = await strict.query(READ, { id: published.id });
        const [sex] = res.data!.assessment.breakdown as Table[];
        expect(sex.minimumCount).toBe(12);
        expect(sex.cells.map((c) => c.suppressed)).toEqual([true, true, false]);
      } finally {
        await strict.close();
      }
    });

    it('reads the history of a breakdown across cycles under the same rule', async () => {
      const [indicator] = await sql(
        `SELECT i.id FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
         WHERE c.code = '2024' AND i.code = 'PROT-1.3'`,
      );
      const query = `query($id: ID!) { breakdownHistory(indicatorId: $id, countryCode: "RS", dimensions: ["sex"]) {
        cycle { code } total table { exact cells { categories { code } value suppressed } } } }`;
      const anonymous = await api.query(query, { id: indicator.id });
      expect(anonymous.errors).toBeUndefined();
      const points = anonymous.data!.breakdownHistory;
      expect(points.map((p: { cycle: { code: string } }) => p.cycle.code)).toEqual(['2024', '2025']);
      expect(points[0].total).toBe(14);
      expect(points[0].table.cells.map((c: Cell) => c.suppressed)).toEqual([true, true, false]);
      // The 2025 draft is not the public's to read.
      expect(points[1]).toMatchObject({ total: null, table: null });
      const lead = await api.query(query, { id: indicator.id }, headers['lead.rs']);
      expect(lead.data!.breakdownHistory[0].table.cells.map((c: Cell) => c.value)).toEqual([11, 3, 0]);
      const bad = await api.query(query.replace('["sex"]', '["sex", "shoe size"]'), { id: indicator.id });
      expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });
  });

  it('reads the breakdowns of a page of assessments in a fixed number of statements', async () => {
    const query = `query($first: Int) { assessments(countryCode: "ME", first: $first) { nodes { id ${TABLES} } } }`;
    const one = await api.query(query, { first: 1 });
    const many = await api.query(query, { first: 100 });
    expect(one.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    const withTables = many.data!.assessments.nodes.filter(
      (n: { breakdown: Table[] }) => n.breakdown.length > 0,
    );
    expect(withTables.length).toBeGreaterThan(1);
    expect(many.statements).toBe(one.statements);
    expect(many.statements).toBeLessThanOrEqual(5);
  });

  it('keeps the public’s view of the breakdowns in the published edition', async () => {
    const [edition] = await sql(
      `SELECT e.content FROM edition e JOIN monitoring_cycle c ON c.id = e.cycle_id WHERE c.code = '2024'`,
    );
    const assessments: Array<{ breakdown?: Array<{ dimensions: string[]; cells: Cell[] }> }> =
      edition.content.assessments;
    const tables = assessments.flatMap((a) => a.breakdown ?? []);
    expect(tables.length).toBeGreaterThan(20);
    const cells = tables.flatMap((t) => t.cells) as unknown as Array<{
      value: number | null;
      suppressed: boolean;
    }>;
    expect(cells.some((c) => c.suppressed && c.value === null)).toBe(true);
    expect(cells.filter((c) => !c.suppressed).every((c) => c.value === 0 || c.value! >= 5)).toBe(true);
  });

  it('lets a framework editor name the breakdowns of an indicator of a draft version', async () => {
    const [indicator] = await sql(
      `WITH v AS (INSERT INTO framework_version (framework_id, label, status)
         SELECT id, 'B1', 'DRAFT' FROM framework LIMIT 1 RETURNING id),
       a AS (INSERT INTO area (framework_version_id, code, pillar, title, description, position)
         SELECT id, 'PROT', 'PROTECTION', '{"en":"Protection"}', '{"en":"Protection"}', 0 FROM v RETURNING id, framework_version_id)
       INSERT INTO indicator (framework_version_id, area_id, code, type, answer_type, title, guidance, means_of_verification, position)
       SELECT framework_version_id, id, 'PROT-9', 'OUTCOME', 'NUMBER', '{"en":"Victims assisted"}', '{"en":"Count"}',
         '{"en":"Reports"}', 0 FROM a RETURNING id`,
    );
    const update = (breakdowns: string[][]) =>
      api.query(
        `mutation($input: IndicatorUpdateInput!) { indicatorUpdate(input: $input) {
          indicator { breakdowns { dimensionCodes } } userErrors { field code message } } }`,
        { input: { id: indicator.id, breakdowns } },
        headers.framework,
      );
    const ok = await update([['exploitation'], ['sex', 'age']]);
    expect(ok.data!.indicatorUpdate.userErrors).toEqual([]);
    expect(ok.data!.indicatorUpdate.indicator.breakdowns).toEqual([
      { dimensionCodes: ['exploitation'] },
      { dimensionCodes: ['sex', 'age'] },
    ]);
    const [audit] = await sql(
      `SELECT before, after FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [indicator.id],
    );
    expect(audit).toEqual({
      before: { breakdowns: [] },
      after: { breakdowns: [['exploitation'], ['sex', 'age']] },
    });
    const bad = await update([['sex', 'sex'], ['shoe_size'], ['age', 'sex'], ['sex', 'age']]);
    expect(
      bad.data!.indicatorUpdate.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field]),
    ).toEqual([
      ['INVALID_INPUT', ['input', 'breakdowns', '0']],
      ['NOT_FOUND', ['input', 'breakdowns', '1']],
      ['DUPLICATE', ['input', 'breakdowns']],
    ]);
  });

  it('answers the examples of docs/breakdowns.md on the demo data', async () => {
    const page = fs.readFileSync(path.join(__dirname, '..', 'docs', 'breakdowns.md'), 'utf8');
    const blocks = [...page.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const [{ id: indicatorId }] = await sql(
      `SELECT i.id FROM indicator i JOIN monitoring_cycle c ON c.framework_version_id = i.framework_version_id
       WHERE c.code = '2024' AND i.code = 'PROT-1.3'`,
    );
    const target = await draft('PROT-1.3');
    // A draft version of the demo framework, for the examples that change the framework.
    const [{ id: draftIndicatorId, framework_id: frameworkId }] = await sql(
      `WITH f AS (SELECT v.framework_id FROM framework_version v JOIN monitoring_cycle c ON c.framework_version_id = v.id
                  WHERE c.code = '2024'),
       v AS (INSERT INTO framework_version (framework_id, label, status) SELECT framework_id, 'DOCS', 'DRAFT' FROM f
             RETURNING id, framework_id),
       a AS (INSERT INTO area (framework_version_id, code, pillar, title, description, position)
             SELECT id, 'PROT', 'PROTECTION', '{"en":"Protection"}', '{"en":"Protection"}', 0 FROM v
             RETURNING id, framework_version_id)
       INSERT INTO indicator (framework_version_id, area_id, code, type, answer_type, title, guidance, means_of_verification, position)
       SELECT a.framework_version_id, a.id, 'PROT-9', 'OUTCOME', 'NUMBER', '{"en":"Victims assisted"}', '{"en":"Count"}',
         '{"en":"Reports"}', 0 FROM a RETURNING id, (SELECT framework_id FROM f)`,
    );
    const variables = { indicatorId, cycleId: target.input.cycleId, version: target.version };
    const frameworkVariables = { frameworkId, draftIndicatorId };
    for (const block of blocks) {
      const framework = /breakdownDimensionCreate|indicatorUpdate/.test(block);
      const res = await api.query(
        block,
        framework ? frameworkVariables : variables,
        headers[framework ? 'framework' : 'editor.rs'],
      );
      expect({ block: block.slice(0, 60), errors: res.errors }).toEqual({
        block: block.slice(0, 60),
        errors: undefined,
      });
      for (const payload of Object.values(res.data!) as Array<{ userErrors?: unknown[] } | null>)
        if (payload?.userErrors) expect(payload.userErrors).toEqual([]);
    }
  });

  it('gives the demo’s outcome counts small-number breakdowns, suppressed for the public', async () => {
    const rows: Array<{ country_code: string; n: number; small: number }> = await sql(
      `SELECT a.country_code, count(*)::int AS n, count(*) FILTER (WHERE b.value > 0 AND b.value < 5)::int AS small
       FROM assessment_breakdown b JOIN assessment a ON a.id = b.assessment_id GROUP BY a.country_code ORDER BY 1`,
    );
    expect(rows.map((r) => r.country_code)).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
    expect(rows.every((r) => r.small > 0)).toBe(true);
    const res = await api.query(`{ assessments(countryCode: "ME", first: 100) { nodes { ${TABLES} } } }`);
    const cells: Cell[] = res.data!.assessments.nodes.flatMap((n: { breakdown: Table[] }) =>
      n.breakdown.flatMap((t) => t.cells),
    );
    expect(cells.some((c) => c.suppressed)).toBe(true);
    expect(cells.filter((c) => !c.suppressed).every((c) => c.value === 0 || c.value! >= 5)).toBe(true);
  });
});
