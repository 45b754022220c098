import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../db/request-transaction';

/**
 * The tables whose writes are not noted in `data_change` (migrations/1766300000000-DataChanges.ts notes all the
 * others), and why: none of them is read by an answer the signed-in cache keeps, and some are written by reads
 * or in the background, which would retire every answer for nothing. A test checks that every table of the
 * schema is noted or listed here.
 */
export const UNNOTED_TABLES: Record<string, string> = {
  api_key: 'its sign-in writes when the key was last used',
  audit_event: 'written with the writes it records, which are noted',
  webhook_subscription: 'read only to deliver events',
  webhook_delivery: 'written by the delivery worker in the background',
  webhook_delivery_attempt: 'written by the delivery worker in the background',
  assessment_search: 'kept by triggers with its table, whose writes are noted',
  evidence_search: 'kept by triggers with its table, whose writes are noted',
  indicator_search: 'kept by triggers with its table, whose writes are noted',
  recommendation_search: 'kept by triggers with its table, whose writes are noted',
  review_comment_search: 'kept by triggers with its table, whose writes are noted',
  standard_search: 'kept by triggers with its table, whose writes are noted',
  search_rule_cache: 'derived from the policies at start',
  schema_migration: 'the migrations’ own record; a migration’s writes to the data are noted',
  data_change: 'the notes themselves',
  data_change_horizon: 'the notes’ own bookkeeping',
};

/** Whether no transaction that the snapshot did not see has written the data since (see the migration). */
export const UNCHANGED_SQL = `SELECT data_unchanged_since($1::pg_snapshot) AS unchanged`;

export async function unchangedSince(db: EntityManager, snapshot: string): Promise<boolean> {
  const [row] = await preparedQuery<{ unchanged: boolean }>(db, UNCHANGED_SQL, [snapshot]);
  return row.unchanged === true;
}

/** How long the notes are kept: an answer older than this is computed again. */
export const DATA_CHANGES_KEPT_MS = 10 * 60_000;

/**
 * Deletes old notes, in the background, at most once per `keptMs`: each run keeps everything since the oldest
 * transaction that was running at the run before, so an answer is retired by pruning only once it is older than
 * that. Started by the cache as it stores answers, so an idle service does nothing; a failed run is tried again
 * at the next chance and changes nothing meanwhile.
 */
export class DataChangePruner {
  private keepFrom = '0';
  private lastRun = Number.NEGATIVE_INFINITY;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: Pick<DataSource, 'query'>,
    private readonly keptMs = DATA_CHANGES_KEPT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Prunes now when the last run is older than `keptMs`; resolves when done (or failed). */
  maybePrune(): Promise<void> {
    if (this.running || this.now() - this.lastRun < this.keptMs) return this.running ?? Promise.resolve();
    this.lastRun = this.now();
    this.running = this.dataSource
      .query(`SELECT data_change_prune($1::xid8)::text AS oldest`, [this.keepFrom])
      .then((rows: Array<{ oldest: string }>) => {
        this.keepFrom = rows[0].oldest;
      })
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
