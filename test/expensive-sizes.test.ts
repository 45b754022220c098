import { parse, type OperationDefinitionNode } from 'graphql';
import { COMPARISON_QUERY } from '../scripts/bench/scenarios';
import { buildTypeSchema } from '../src/graphql/schema';
import { DataListSizes, readListSizes } from '../src/pipeline/limits/data-list-sizes';
import { operationCost, type ListSizes } from '../src/pipeline/limits/query-measure';
import type { DataSource } from 'typeorm';
import { appDataSourceFor } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';

/** GRAPHQL_EXPENSIVE_COST's default (src/config.ts). */
const EXPENSIVE_COST = 100_000;

/**
 * The expensive-operation gate counts the comparison as long as the data makes it: a row per indicator of a
 * framework version and a cell per country. With the fixed sizes of the validation's cost limit, the comparison
 * of 50 countries × 300 indicators counted as 1,000 cells and never waited at the gate.
 */
describe('the sizes the expensive-operation gate counts', () => {
  const schema = buildTypeSchema();
  const document = parse(COMPARISON_QUERY);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const regional: ListSizes = {
    'Comparison.rows': 300,
    'ComparisonRow.cells': 50,
    'Comparison.countries': 50,
  };

  it('count a regional comparison as expensive, where the fixed sizes did not', () => {
    const fixed = operationCost(schema, document, operation);
    expect(fixed).toBeLessThan(EXPENSIVE_COST);
    const sized = operationCost(schema, document, operation, regional);
    // 300 rows, each its indicator (2 fields) and 50 cells of 9 fields.
    expect(sized).toBeGreaterThanOrEqual(300 * 50 * 9);
    expect(sized).toBeGreaterThan(EXPENSIVE_COST);
    // The validation's measure is left as it was, and a new set of sizes measures the document again.
    expect(operationCost(schema, document, operation)).toBe(fixed);
    const small = operationCost(schema, document, operation, {
      'Comparison.rows': 5,
      'ComparisonRow.cells': 2,
    });
    expect(small).toBeLessThan(fixed);
    expect(operationCost(schema, document, operation, regional)).toBe(sized);
  });

  it('are read again once old, in the background, and kept when a read fails', async () => {
    let clock = 0;
    let reads = 0;
    let fail = false;
    const sizes = new DataListSizes(
      async () => {
        reads += 1;
        if (fail) throw new Error('the database is away');
        return { 'Comparison.rows': reads };
      },
      1000,
      () => clock,
    );
    // Never read: the fixed sizes apply, and a read starts without being waited for.
    expect(sizes.current()).toEqual({});
    expect(reads).toBe(1);
    await sizes.refresh();
    expect(reads).toBe(1);
    expect(sizes.current()).toEqual({ 'Comparison.rows': 1 });
    clock = 500;
    expect(sizes.current()).toEqual({ 'Comparison.rows': 1 });
    expect(reads).toBe(1);
    clock = 1501;
    fail = true;
    expect(sizes.current()).toEqual({ 'Comparison.rows': 1 });
    await sizes.refresh();
    expect(reads).toBe(2);
    expect(sizes.current()).toEqual({ 'Comparison.rows': 1 });
    fail = false;
    clock = 3000;
    sizes.current();
    await sizes.refresh();
    expect(sizes.current()).toEqual({ 'Comparison.rows': 3 });
  });

  describe('read from the database', () => {
    let db: TestDatabase;
    let app: DataSource;
    beforeAll(async () => {
      db = await createTestDatabase();
      app = await appDataSourceFor(db.url, 1);
    });
    afterAll(async () => {
      await app.destroy();
      await db.drop();
    });

    it('are the countries and the most indicators of one framework version', async () => {
      const [{ countries }] = await db.dataSource.query(`SELECT count(*)::int AS countries FROM country`);
      const versions: Array<{ n: number }> = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM indicator GROUP BY framework_version_id`,
      );
      // As the server reads them: as the app's role, outside any request.
      const sizes = await readListSizes(app);
      expect(countries).toBeGreaterThan(1);
      expect(sizes['ComparisonRow.cells']).toBe(countries);
      expect(sizes['Comparison.countries']).toBe(countries);
      expect(sizes['Comparison.rows']).toBe(Math.max(...versions.map((v) => v.n)));
      expect(sizes['Comparison.rows']).toBeGreaterThan(1);
    });
  });
});
