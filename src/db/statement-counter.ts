import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements a unit of work (a GraphQL request) sends, so the count can be reported and tested.
 * The request's own transaction feeds it: every statement of a request goes through that one connection.
 */
export class StatementCounter {
  count = 0;
  /** Round trips to the database that carried statements (a batch of a read is one, whatever it holds). */
  roundTrips = 0;
  /**
   * Whether the caller's sign-in has been counted: a request counts it once, though a read sends it in front of
   * each of its batches, and a step before Apollo may have sent it first.
   */
  signInCounted = false;

  recordRoundTrip(): void {
    this.roundTrips += 1;
  }

  /** Counts `query` unless it is transaction control. */
  record(query: string): void {
    if (!isBookkeeping(query)) this.count += 1;
  }
}

// Transaction control, savepoints included (writes run in savepoints inside the request's transaction), is not
// a statement that reads or writes data: it is left out of the count.
const BOOKKEEPING =
  /^(START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT \w+|RELEASE SAVEPOINT \w+|ROLLBACK TO SAVEPOINT \w+)$/;

function isBookkeeping(query: string): boolean {
  return BOOKKEEPING.test(query);
}

/** TypeORM logger that, when asked, writes SQL to stderr. */
export class StatementLogger implements Logger {
  constructor(private readonly echo: boolean) {}

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    if (this.echo)
      process.stderr.write(`[sql] ${query} ${parameters?.length ? JSON.stringify(parameters) : ''}\n`);
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    if (this.echo)
      process.stderr.write(`[sql:error] ${String(error)} in ${query} ${JSON.stringify(parameters ?? [])}\n`);
  }

  logQuerySlow(time: number, query: string): void {
    if (this.echo) process.stderr.write(`[sql:slow] ${time} ms ${query}\n`);
  }

  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (this.echo) process.stderr.write(`[migration] ${message}\n`);
  }
  log(): void {}
}
