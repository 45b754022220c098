/**
 * The parts of pg that the submittable queries of this folder (begin-then-query.ts, statement-batch.ts) use: its
 * row parser, so that rows read there are typed exactly as `client.query` types them, its value preparation, and
 * the calls pg's own `Query` makes on the connection.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Result = require('pg/lib/result') as new () => PgResult;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

export interface PgResult {
  rows: Array<Record<string, unknown>>;
  rowCount: number | null;
  command: string;
  fields: unknown[];
  addFields(fields: unknown[]): void;
  parseRow(fields: unknown[]): Record<string, unknown>;
  addRow(row: Record<string, unknown>): void;
  addCommandComplete(message: unknown): void;
}

/** The parts of pg's connection a submittable query writes to (the same calls pg's own `Query` makes). */
export interface PgConnection {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(message: { text: string; name?: string; types?: unknown[] }): void;
  bind(message: { portal?: string; statement?: string; values?: unknown[]; valueMapper?: unknown }): void;
  describe(message: { type: 'P' | 'S'; name?: string }): void;
  execute(message: { portal?: string; rows?: number }): void;
  sync(): void;
}
