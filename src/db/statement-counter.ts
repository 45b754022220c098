import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';

/** Counts the SQL statements a unit of work (a GraphQL request) sends, so the count can be reported and tested. */
export class StatementCounter {
  count = 0;
  readonly statements: string[] = [];
}

const storage = new AsyncLocalStorage<StatementCounter>();

export function runCountingStatements<T>(counter: StatementCounter, fn: () => T): T {
  return storage.run(counter, fn);
}

export function currentStatementCounter(): StatementCounter | undefined {
  return storage.getStore();
}

// Transaction control, savepoints included (writes run in savepoints inside the request's transaction), is not
// a statement that reads or writes data: it is left out of the count.
const BOOKKEEPING =
  /^(START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT \w+|RELEASE SAVEPOINT \w+|ROLLBACK TO SAVEPOINT \w+)$/;

function isBookkeeping(query: string): boolean {
  return BOOKKEEPING.test(query);
}

/** TypeORM logger that feeds the counter of the current request and, when asked, writes SQL to stderr. */
export class StatementLogger implements Logger {
  constructor(private readonly echo: boolean) {}

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    const counter = storage.getStore();
    if (counter && !isBookkeeping(query)) {
      counter.count += 1;
      counter.statements.push(query);
    }
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
