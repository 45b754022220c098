import type { ClientBase } from 'pg';
import { prepareValue, Result, type PgConnection, type PgResult } from './pg-internals';

/** What a statement of a batch answers: the fields TypeORM and `preparedQuery` read of pg's own results. */
export interface BatchResult {
  rows: Array<Record<string, unknown>>;
  rowCount: number | null;
  command: string;
}

/** One statement of a batch. `name` makes it a prepared statement of the connection, parsed before the batch. */
export interface BatchStatement {
  name?: string;
  text: string;
  values: unknown[];
}

/**
 * The statements of a batch could not all run: `done` holds the results of those that ran before `error`,
 * and the statements after the failing one were never run (PostgreSQL skips to the Sync after an error).
 */
export class BatchFailure extends Error {
  constructor(
    readonly error: Error,
    readonly done: BatchResult[],
  ) {
    super(error.message);
  }
}

/**
 * Several statements sent in one write and answered in one round trip: each is bound and executed in order,
 * and one Sync ends them all. Without an explicit `START TRANSACTION` the statements before a Sync form one
 * implicit transaction: settings made with `set_config(..., true)` by the first hold for the others and end with
 * the Sync, and an error rolls back the whole batch. Handed to pg as a "submittable" query, so that the client
 * still runs one query at a time on its connection.
 *
 * Named statements must already be parsed on the connection (`prepare` does that once per connection), so that
 * a batch never leaves the connection unsure of which statements it holds.
 */
export class StatementBatch {
  private readonly results: PgResult[];
  private current = 0;
  private error: Error | null = null;
  private settled = false;
  private resolve!: (results: BatchResult[]) => void;
  private reject!: (error: BatchFailure) => void;
  readonly done: Promise<BatchResult[]>;

  private constructor(private readonly statements: BatchStatement[]) {
    this.results = statements.map(() => new Result());
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Runs `statements` in one round trip; named ones not yet parsed on `client` are parsed first. */
  static async run(client: ClientBase, statements: BatchStatement[]): Promise<BatchResult[]> {
    for (const statement of statements) {
      if (statement.name) await prepare(client, statement.name, statement.text);
    }
    const batch = new StatementBatch(statements);
    (client as unknown as { query(submittable: StatementBatch): void }).query(batch);
    return batch.done;
  }

  submit(connection: PgConnection): Error | null {
    connection.stream.cork?.();
    try {
      for (const statement of this.statements) {
        if (!statement.name) connection.parse({ text: statement.text });
        connection.bind({
          statement: statement.name,
          values: statement.values,
          valueMapper: prepareValue,
        });
        connection.describe({ type: 'P' });
        connection.execute({});
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(message: { fields: unknown[] }): void {
    this.results[this.current]?.addFields(message.fields);
  }

  handleDataRow(message: { fields: unknown[] }): void {
    if (this.error) return;
    const result = this.results[this.current];
    try {
      result.addRow(result.parseRow(message.fields));
    } catch (error) {
      this.error = error as Error;
    }
  }

  handleCommandComplete(message: unknown): void {
    this.results[this.current]?.addCommandComplete(message);
    this.current += 1;
  }

  handleEmptyQuery(): void {
    this.current += 1;
  }

  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  handleError(error: Error): void {
    this.error ??= error;
    // pg gives up the query at its first error (no ReadyForQuery is passed on after it), and when the connection
    // breaks none follows at all.
    this.settle();
  }

  handleReadyForQuery(): void {
    this.settle();
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    const done = this.results.slice(0, this.current);
    if (this.error) this.reject(new BatchFailure(this.error, done));
    else this.resolve(done);
  }
}

/**
 * Parses `text` as the prepared statement `name` of the connection, once: pg records it as parsed when the
 * server confirms, and every later batch binds it without planning it again.
 */
function prepare(client: ClientBase, name: string, text: string): Promise<void> {
  const connection = (client as unknown as { connection: PgConnection }).connection;
  const known = connection.parsedStatements[name] ?? connection.submittedNamedStatements[name];
  if (known === text) return Promise.resolve();
  if (known !== undefined) {
    return Promise.reject(
      new Error(`Prepared statements must be unique - '${name}' was used for a different statement`),
    );
  }
  return new Promise((resolve, reject) => {
    let failed: Error | null = null;
    const submittable = {
      name,
      text,
      submit(conn: PgConnection) {
        conn.parse({ text, name });
        conn.submittedNamedStatements[name] = text;
        conn.sync();
        return null;
      },
      handleError(error: Error) {
        failed = error;
        reject(error);
      },
      handleReadyForQuery() {
        if (!failed) resolve();
      },
    };
    (client as unknown as { query(submittable: unknown): void }).query(submittable);
  });
}
