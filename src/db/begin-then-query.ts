import type { ClientBase } from 'pg';
import { prepareValue, Result, type PgConnection } from './pg-internals';

/**
 * `START TRANSACTION` and a named prepared statement sent together, in one round trip: both go out in one
 * write, before one Sync, and the server answers them in order. A transaction begun this way stays open after
 * the Sync, as one begun on its own would. This is what pg's `client.query` does for one statement, with the
 * `START TRANSACTION` put in front; it is handed to pg as a "submittable" query, so the client still runs one
 * query at a time on its connection.
 */
export class BeginThenQuery {
  private readonly result = new Result();
  private error: Error | null = null;
  private settled = false;
  private resolve!: (rows: Array<Record<string, unknown>>) => void;
  private reject!: (error: Error) => void;
  readonly done: Promise<Array<Record<string, unknown>>>;

  /** `name` and `text` as on pg's own queries: the client records the statement as prepared when it is. */
  constructor(
    readonly name: string,
    readonly text: string,
    private readonly values: unknown[],
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  static send(client: ClientBase, name: string, text: string, values: unknown[]) {
    const query = new BeginThenQuery(name, text, values);
    (client as unknown as { query(submittable: BeginThenQuery): void }).query(query);
    return query.done;
  }

  submit(connection: PgConnection): Error | null {
    const previous = connection.parsedStatements[this.name] ?? connection.submittedNamedStatements[this.name];
    if (previous !== undefined && previous !== this.text) {
      return new Error(
        `Prepared statements must be unique - '${this.name}' was used for a different statement`,
      );
    }
    connection.stream.cork?.();
    try {
      // The statement is parsed first: pg takes the first ParseComplete as its own, and a statement that does
      // not parse stops the rest before the transaction begins.
      if (previous === undefined) {
        connection.parse({ text: this.text, name: this.name });
        connection.submittedNamedStatements[this.name] = this.text;
      }
      connection.parse({ text: 'START TRANSACTION' });
      connection.bind({});
      connection.execute({});
      connection.bind({ statement: this.name, values: this.values, valueMapper: prepareValue });
      connection.describe({ type: 'P' });
      connection.execute({});
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(message: { fields: unknown[] }): void {
    this.result.addFields(message.fields);
  }

  handleDataRow(message: { fields: unknown[] }): void {
    if (this.error) return;
    try {
      this.result.addRow(this.result.parseRow(message.fields));
    } catch (error) {
      this.error = error as Error;
    }
  }

  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  handleError(error: Error): void {
    this.error ??= error;
    // When the connection breaks, no ReadyForQuery follows.
    this.settle();
  }

  handleReadyForQuery(): void {
    this.settle();
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.error) this.reject(this.error);
    else this.resolve(this.result.rows);
  }
}
