import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import type { ClientBase } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';
import { BeginThenQuery } from './begin-then-query';
import { ReadPipeline, type BatchSignIn } from './read-pipeline';
import type { StatementCounter } from './statement-counter';
import { typeormResult } from './typeorm-result';

/** The transaction of each request's entity manager, for the statements sent as prepared statements. */
const transactions = new WeakMap<EntityManager, RequestTransaction>();

/**
 * Runs a hand-written statement with $-parameters and returns its rows. Inside a request it is sent as a named
 * prepared statement, planned once per connection and reused by every later request on it: for the hot reads
 * the planning is a large share of the database's work. Its text must come from the code (never built from
 * input), or every variant would be kept on every connection; and it must name its columns rather than select
 * `*`, so that a column added by a migration does not change the result of a statement prepared before it.
 */
export function preparedQuery<T = Record<string, unknown>>(
  db: EntityManager | DataSource,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const transaction = db instanceof DataSource ? undefined : transactions.get(db);
  return transaction ? transaction.preparedQuery<T>(sql, params) : db.query(sql, params);
}

const statementNames = new Map<string, string>();

/** The name of `sql` as a prepared statement: the same on every connection. */
export function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `p_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * One request's connection and transaction. Everything the request reads and writes goes through it, so the
 * row-level security settings made with `set_config(..., true)` at sign-in hold for all its statements and
 * vanish at its end: they never outlive the transaction on a pooled connection. Writes run in savepoints
 * inside it (TypeORM nests `transaction()` calls that way), and nothing is durable until `commit()`.
 */
export class RequestTransaction {
  private done = false;
  private committed: Array<() => void> = [];

  private constructor(
    private readonly runner: QueryRunner,
    private readonly queue: StatementQueue | null,
    /** A read's statements, in batches behind its sign-in, without a transaction of their own (`beginRead`). */
    readonly pipeline: ReadPipeline | null = null,
  ) {
    transactions.set(runner.manager, this);
  }

  /**
   * A read-only request's connection: no transaction is begun; its statements go out in batches, each behind
   * `signIn` (the caller's sign-in, or null for the public) in one round trip (see ReadPipeline). `signIn` may be
   * set later, once the caller is known.
   */
  static async beginRead(
    dataSource: DataSource,
    replica = false,
    counter?: StatementCounter,
    signIn: BatchSignIn | null = null,
  ): Promise<RequestTransaction> {
    const runner = dataSource.createQueryRunner(replica ? 'slave' : 'master');
    await runner.connect();
    const client = () => (runner as QueryRunner & { databaseConnection: ClientBase }).databaseConnection;
    const pipeline = new ReadPipeline(client, counter, signIn);
    const logger = runner.connection.logger;
    (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
      const [sql, params, structured] = args as [string, unknown[] | undefined, boolean | undefined];
      if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
      logger.logQuery(sql, params, runner);
      try {
        return typeormResult(await pipeline.run({ text: sql, values: params ?? [] }), structured === true);
      } catch (error) {
        logger.logQueryError(error as Error, sql, params, runner);
        throw new QueryFailedError(sql, params ?? [], error as Error);
      }
    };
    // A read has no transaction to nest one in: a write inside a query is a bug, and says so.
    runner.startTransaction = () =>
      Promise.reject(new Error('A read-only request runs no transaction: writes belong in mutations.'));
    return new RequestTransaction(runner, null, pipeline);
  }

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
    const queue = new StatementQueue(counter);
    queue.serialize(runner);
    try {
      await runner.connect();
      await runner.startTransaction();
    } catch (error) {
      await runner.release();
      throw error;
    }
    return new RequestTransaction(runner, queue);
  }

  /** Sends `sql` as a named prepared statement of this connection, in turn with the request's other statements. */
  preparedQuery<T>(sql: string, params: unknown[]): Promise<T[]> {
    if (this.pipeline) {
      const pipeline = this.pipeline;
      const logger = this.runner.connection.logger;
      logger.logQuery(sql, params, this.runner);
      return pipeline
        .run({ name: statementName(sql), text: sql, values: params })
        .then((result) => result.rows as T[])
        .catch((error: unknown) => {
          if (pipeline.refusal === error) throw error;
          logger.logQueryError(error as Error, sql, params, this.runner);
          throw new QueryFailedError(sql, params, error as Error);
        });
    }
    const runner = this.runner as QueryRunner & {
      databaseConnection: ClientBase;
    };
    const logger = runner.connection.logger;
    return this.queue!.run(sql, async (beginFirst) => {
      if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
      if (beginFirst) logger.logQuery(BEGIN, [], runner);
      logger.logQuery(sql, params, runner);
      try {
        const name = statementName(sql);
        if (beginFirst)
          return (await BeginThenQuery.send(runner.databaseConnection, name, sql, params)) as T[];
        const result = await runner.databaseConnection.query({ name, text: sql, values: params });
        return result.rows as T[];
      } catch (error) {
        logger.logQueryError(error as Error, sql, params, runner);
        throw new QueryFailedError(sql, params, error as Error);
      }
    });
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /**
   * Runs `callback` once the transaction has committed, never when it rolls back. Callbacks run in order, after
   * the connection is given back; one that throws does not stop the others.
   */
  afterCommit(callback: () => void): void {
    if (!this.done) this.committed.push(callback);
  }

  /** How many callbacks wait for the commit: a savepoint rolled back drops those added after it (`dropAfter`). */
  afterCommitMark(): number {
    return this.committed.length;
  }

  /** Forgets the callbacks added since `mark`, for the work of a savepoint that was rolled back. */
  dropAfter(mark: number): void {
    this.committed.length = Math.min(this.committed.length, mark);
  }

  /**
   * Makes the request's writes durable and gives the connection back; a failure to commit is thrown. A read
   * ends by confirming its sign-in if no batch has yet (`confirmSignIn`), and throws the refusal when the
   * database refused it.
   */
  async commit(confirmSignIn = true): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (this.queue) this.queue.ending = true;
    const callbacks = this.committed;
    this.committed = [];
    if (this.pipeline) {
      // Nothing to make durable: the read's batches ended as they ran. A sign-in the database refused on the way
      // is the request's answer, and the connection is sound.
      await this.pipeline.end(confirmSignIn);
      await this.end(null);
      if (this.pipeline.refusal) throw this.pipeline.refusal;
      runAll(callbacks);
      return;
    }
    try {
      if (this.runner.isTransactionActive) await this.runner.commitTransaction();
    } catch (error) {
      await this.end(error);
      throw error;
    }
    await this.end(null);
    runAll(callbacks);
  }

  /**
   * Undoes whatever the request did and gives the connection back; never throws. It may come while the request
   * still runs (its client went away): statements already queued finish first, inside the transaction, and any
   * later one is refused, so nothing of the request runs after the rollback or on the next user's connection.
   */
  async rollback(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.committed = [];
    if (this.queue) this.queue.ending = true;
    await this.pipeline?.end(false);
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

function runAll(callbacks: Array<() => void>): void {
  for (const callback of callbacks) {
    try {
      callback();
    } catch {
      // A callback's failure is its own: the commit has happened, and the others still run.
    }
  }
}

const BEGIN = 'START TRANSACTION';
const ENDING_STATEMENTS = new Set(['COMMIT', 'ROLLBACK']);

/**
 * One connection runs one statement at a time. DataLoaders of one request ask concurrently; their statements
 * wait their turn here rather than in the driver, which no longer accepts queueing. Once the transaction ends,
 * only its COMMIT or ROLLBACK may run.
 *
 * The transaction begins with its first statement rather than on its own: `START TRANSACTION` goes out with the
 * first prepared statement in one round trip (the sign-in of every signed-in request), or just before the first
 * other statement; and a request that sends no statement at all (refused, or answered from the cache) costs
 * the database nothing.
 */
class StatementQueue {
  ending = false;
  /** `pending`: TypeORM has begun the transaction, and nothing has been sent yet. */
  private begin: 'none' | 'pending' | 'sent' = 'none';
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly counter?: StatementCounter) {}

  /** Routes the runner's own statements (TypeORM's and `manager.query`'s) through the queue. */
  serialize(runner: QueryRunner): void {
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) =>
      this.run(String(args[0]), async (beginFirst) => {
        if (beginFirst) await query(BEGIN);
        return query(...args);
      });
  }

  /** Queues `sql`; `send` is told whether the transaction must begin first. */
  run<T>(sql: string, send: (beginFirst: boolean) => Promise<T>): Promise<T> {
    if (this.ending && !ENDING_STATEMENTS.has(sql)) {
      return Promise.reject(new Error('The request has ended: its transaction takes no more statements.'));
    }
    this.counter?.record(sql);
    const step = (): Promise<T> => {
      if (sql === BEGIN && this.begin === 'none') {
        this.begin = 'pending';
        return Promise.resolve(undefined as T);
      }
      if (ENDING_STATEMENTS.has(sql) && this.begin === 'pending') {
        this.begin = 'none';
        return Promise.resolve(undefined as T);
      }
      const beginFirst = this.begin === 'pending';
      if (beginFirst) this.begin = 'sent';
      this.counter?.recordRoundTrip();
      return send(beginFirst);
    };
    const run = this.tail.then(step, step);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
