import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * One request's connection and transaction. Everything the request reads and writes goes through it, so the
 * row-level security settings made with `set_config(..., true)` at sign-in hold for all its statements and
 * vanish at its end: they never outlive the transaction on a pooled connection. Writes run in savepoints
 * inside it (TypeORM nests `transaction()` calls that way), and nothing is durable until `commit()`.
 */
export class RequestTransaction {
  private done = false;

  private constructor(private readonly runner: QueryRunner) {}

  /** `replica` reads from a read replica when there are any (the transaction must then only read). */
  static async begin(dataSource: DataSource, replica = false): Promise<RequestTransaction> {
    const runner = dataSource.createQueryRunner(replica ? 'slave' : 'master');
    serializeQueries(runner);
    try {
      await runner.connect();
      await runner.startTransaction();
    } catch (error) {
      await runner.release();
      throw error;
    }
    return new RequestTransaction(runner);
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Makes the request's writes durable and gives the connection back; a failure to commit is thrown. */
  async commit(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.commitTransaction();
    } catch (error) {
      await this.safeRollback();
      throw error;
    } finally {
      await this.runner.release();
    }
  }

  /** Undoes whatever the request did and gives the connection back; never throws. */
  async rollback(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.safeRollback();
    await this.runner.release();
  }

  private async safeRollback(): Promise<void> {
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } catch {
      // A connection that broke mid-request is dropped by the pool; there is nothing left to undo on it.
    }
  }
}

/**
 * One connection runs one statement at a time. DataLoaders of one request ask concurrently; their statements
 * wait their turn here rather than in the driver, which no longer accepts queueing.
 */
function serializeQueries(runner: QueryRunner): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const run = tail.then(
      () => query(...args),
      () => query(...args),
    );
    tail = run.catch(() => undefined);
    return run;
  };
}
