import type { DataSource } from 'typeorm';
import type { ListSizes } from './query-measure';

/** How long the sizes read from the data are used before they are read again. */
export const LIST_SIZES_MAX_AGE_MS = 60_000;

/**
 * The lengths of the lists that the data decides, for the expensive-operation gate: a comparison has a row per
 * indicator of the cycle's framework version and a cell per country in each row. The validation's cost limit
 * (GRAPHQL_MAX_COST) counts fixed sizes, so that a query's cost does not change under a client with the data;
 * the gate counts these, so that the comparison of 50 countries × 300 indicators (15,000 cells) counts as what
 * it is, and not as the 1,000 cells of the fixed sizes, which kept it under GRAPHQL_EXPENSIVE_COST.
 */
export async function readListSizes(db: Pick<DataSource, 'query'>): Promise<ListSizes> {
  const [row]: Array<{ countries: number; indicators: number }> = await db.query(
    `SELECT (SELECT count(*) FROM country)::int AS countries,
       (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM indicator GROUP BY framework_version_id) v)::int
         AS indicators`,
  );
  return {
    'Comparison.rows': row.indicators,
    'Comparison.countries': row.countries,
    'ComparisonRow.cells': row.countries,
    'ComparisonBreakdown.countries': row.countries,
  };
}

/**
 * The sizes as last read, read again in the background once they are older than `maxAgeMs`: a request never
 * waits for them, and a failed read keeps the sizes before it (or the fixed ones, before the first read).
 */
export class DataListSizes {
  private sizes: ListSizes = {};
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly read: () => Promise<ListSizes>,
    private readonly maxAgeMs = LIST_SIZES_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the sizes now; resolves when they are read or the read has failed. */
  refresh(): Promise<void> {
    this.reading ??= this.read()
      .then((sizes) => {
        this.sizes = sizes;
      })
      .catch(() => undefined)
      .finally(() => {
        this.readAt = this.now();
        this.reading = null;
      });
    return this.reading;
  }

  current(): ListSizes {
    if (this.now() - this.readAt > this.maxAgeMs) void this.refresh();
    return this.sizes;
  }
}
