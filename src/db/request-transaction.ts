import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { StatementCounter } from './statement-counter';

/**
 * One request's connection and transaction. Everything the request reads and writes goes through it, so the
 * row-level security settings made with `set_config(..., true)` at sign-in hold for all its statements and
 * vanish at its end: they never outlive the transaction on a pooled connection. Writes run in savepoints
 * inside it (TypeORM nests `transaction()` calls that way), and nothing is durable until `commit()`.
 */
export class RequestTransaction {
  private done = false;

  private constructor(
    private readonly runner: QueryRunner,
    private readonly gate: Gate,
  ) {}

  /**
   * `replica` reads from a read replica when there are any (the transaction must then only read); `counter`
   * counts the statements sent.
   */
  static async begin(
    dataSource: DataSource,
    replica = false,
    counter?: StatementCounter,
  ): Promise<RequestTransaction> {
    const runner = dataSource.createQueryRunner(replica ? 'slave' : 'master');
    const gate: Gate = { ending: false };
    serializeQueries(runner, gate, counter);
    try {
      await runner.connect();
      await runner.startTransaction();
    } catch (error) {
      await runner.release();
      throw error;
    }
    return new RequestTransaction(runner, gate);
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Makes the request's writes durable and gives the connection back; a failure to commit is thrown. */
  async commit(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.gate.ending = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.commitTransaction();
    } catch (error) {
      await this.end(error);
      throw error;
    }
    await this.end(null);
  }

  /**
   * Undoes whatever the request did and gives the connection back; never throws. It may come while the request
   * still runs (its client went away): statements already queued finish first, inside the transaction, and any
   * later one is refused, so nothing of the request runs after the rollback or on the next user's connection.
   */
  async rollback(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.gate.ending = true;
    await this.end(null);
  }

  /** Rolls back what is left and releases the connection; one whose state is in doubt is closed, not reused. */
  private async end(failure: unknown): Promise<void> {
    let doubt = failure;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } catch (error) {
      doubt = doubt ?? error;
    }
    const runner = this.runner as QueryRunner & {
      releasePostgresConnection?: (err?: unknown) => Promise<void>;
    };
    if (doubt && runner.releasePostgresConnection) await runner.releasePostgresConnection(doubt);
    else await this.runner.release();
  }
}

interface Gate {
  /** Set once the transaction ends: from then on only its COMMIT or ROLLBACK may run. */
  ending: boolean;
}

const ENDING_STATEMENTS = new Set(['COMMIT', 'ROLLBACK']);

/**
 * One connection runs one statement at a time. DataLoaders of one request ask concurrently; their statements
 * wait their turn here rather than in the driver, which no longer accepts queueing.
 */
function serializeQueries(runner: QueryRunner, gate: Gate, counter?: StatementCounter): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    if (gate.ending && !ENDING_STATEMENTS.has(String(args[0]))) {
      return Promise.reject(new Error('The request has ended: its transaction takes no more statements.'));
    }
    counter?.record(String(args[0]));
    const run = tail.then(
      () => query(...args),
      () => query(...args),
    );
    tail = run.catch(() => undefined);
    return run;
  };
}
