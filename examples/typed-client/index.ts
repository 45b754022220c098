/**
 * A typed client of the indicators API: signs in (or reads anonymously), then prints the published comparison of
 * a monitoring cycle as a table. Every request and response is typed by the documents that GraphQL Code
 * Generator made from schema/schema.graphql and operations/*.graphql.
 *
 *   node -r @swc-node/register examples/typed-client/index.ts 2024
 *   API_URL=http://localhost:4000/graphql EMAIL=viewer.rs@demo.example PASSWORD=Demo-Password-1 \
 *     node -r @swc-node/register examples/typed-client/index.ts 2024
 *   API_KEY=tia_… node -r @swc-node/register examples/typed-client/index.ts 2024
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import {
  CycleByCodeDocument,
  LoginDocument,
  PublishedComparisonDocument,
  type Locale,
  type PublishedComparisonQuery,
} from './generated/graphql';

/** A failure the API reported: a top-level error code (e.g. UNAUTHENTICATED) or a userError code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Sends one typed operation; the result and the variables are checked against the schema at compile time. */
export async function request<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  authorization?: string,
): Promise<TResult> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as {
    data?: TResult;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.extensions?.code ?? 'UNKNOWN', first.message, response.status);
  }
  if (!response.ok || !body.data) throw new ApiError(`HTTP_${response.status}`, 'No data in the response.');
  return body.data;
}

/** Signs in and returns the Authorization header value; wrong credentials throw INVALID_CREDENTIALS. */
export async function signIn(endpoint: string, email: string, password: string): Promise<string> {
  const { login } = await request(endpoint, LoginDocument, { input: { email, password } });
  if (!login.token) {
    const [problem] = login.userErrors;
    throw new ApiError(problem?.code ?? 'UNKNOWN', problem?.message ?? 'Signing in failed.');
  }
  return `Bearer ${login.token}`;
}

export interface Options {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  endpoint: string;
  /** The cycle's code, e.g. 2024. */
  cycleCode: string;
  /** Sign in with these; without them (and without an API key) the public's view is read. */
  email?: string;
  password?: string;
  /** An API key (`tia_…`), sent as a bearer token. */
  apiKey?: string;
  locale?: Locale;
  /** Where the table is written; standard output by default. */
  write?: (text: string) => void;
}

type Edition = NonNullable<PublishedComparisonQuery['edition']>;
type Cell = Edition['comparison']['rows'][number]['cells'][number];

export interface ComparisonTable {
  cycleCode: string;
  cycleTitle: string;
  edition: number;
  citation: string;
  countries: string[];
  rows: Array<{ indicator: string; title: string; cells: string[] }>;
}

/** How a cell reads in the table: a score 0–3, a value, a reason it was not scored, or why it is empty. */
export function cellText(cell: Cell): string {
  if (cell.state === 'HIDDEN') return 'hidden';
  if (cell.state === 'NOT_ASSESSED') return '-';
  if (cell.notScoredReason === 'NOT_APPLICABLE') return 'n/a';
  if (cell.notScoredReason === 'NO_DATA') return 'no data';
  if (cell.score !== null) return String(cell.score);
  return cell.value ?? '';
}

function render(table: ComparisonTable): string {
  const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  const header = ['Indicator', 'Title', ...table.countries];
  const lines = table.rows.map((row) => [
    row.indicator,
    clip(row.title, 48),
    ...row.cells.map((c) => clip(c, 8)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    `${table.cycleTitle} (cycle ${table.cycleCode}), edition ${table.edition}`,
    format(header),
    format(widths.map((w) => '-'.repeat(w))),
    ...lines.map(format),
    '',
    `Cite as: ${table.citation}`,
    '',
  ].join('\n');
}

/** Reads the latest published edition of a cycle, prints it as a table and returns it. */
export async function main(options: Options): Promise<ComparisonTable> {
  const { endpoint, cycleCode, locale } = options;
  const authorization = options.apiKey
    ? `Bearer ${options.apiKey}`
    : options.email && options.password
      ? await signIn(endpoint, options.email, options.password)
      : undefined;
  const { cycle } = await request(endpoint, CycleByCodeDocument, { code: cycleCode, locale }, authorization);
  if (!cycle) throw new ApiError('NOT_FOUND', `There is no cycle ${cycleCode}.`);
  const { edition } = await request(
    endpoint,
    PublishedComparisonDocument,
    { cycleId: cycle.id, locale },
    authorization,
  );
  if (!edition)
    throw new ApiError('NOT_FOUND', `Cycle ${cycleCode} has not been published (${cycle.status}).`);
  const table: ComparisonTable = {
    cycleCode: cycle.code,
    cycleTitle: cycle.title.text,
    edition: edition.number,
    citation: edition.citation,
    countries: edition.comparison.countries.map((c) => c.code),
    rows: edition.comparison.rows.map((row) => ({
      indicator: row.indicator.code,
      title: row.indicator.title.text,
      cells: row.cells.map(cellText),
    })),
  };
  (options.write ?? ((text) => process.stdout.write(text)))(render(table));
  return table;
}

if (require.main === module) {
  main({
    endpoint: process.env.API_URL ?? 'http://localhost:4000/graphql',
    cycleCode: process.argv[2] ?? '2024',
    email: process.env.EMAIL,
    password: process.env.PASSWORD,
    apiKey: process.env.API_KEY,
    locale: process.env.LOCALE as Locale | undefined,
  }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
