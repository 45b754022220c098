import { Client } from 'pg';
import { DASHBOARD_COUNTRY, LOGIN_MUTATION, SAVE_TARGETS_SQL, type SaveTarget } from './scenarios';

export const DEMO_PASSWORD = 'Demo-Password-1';

export interface CycleRef {
  id: string;
  code: string;
  hasEdition: boolean;
}

export interface DatabaseFacts {
  postgres: string;
  countries: number;
  indicators: number;
  cycles: number;
  assessments: number;
  evidence: number;
}

/** A short-lived connection as the database's owner, for the reads that set the benchmark up. */
export async function withOwner<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'indicators-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseFacts(client: Client): Promise<DatabaseFacts> {
  const { rows } = await client.query(`SELECT current_setting('server_version') AS postgres,
      (SELECT count(*)::int FROM country) AS countries, (SELECT count(*)::int FROM indicator) AS indicators,
      (SELECT count(*)::int FROM monitoring_cycle) AS cycles, (SELECT count(*)::int FROM assessment) AS assessments,
      (SELECT count(*)::int FROM evidence) AS evidence`);
  return rows[0] as DatabaseFacts;
}

/**
 * The cycle named by `code`, else the cycle in `status` with the most assessments (preferring one with an
 * edition, which is what anonymous readers of a published cycle are served).
 */
export async function pickCycle(client: Client, status: string, code: string | null): Promise<CycleRef> {
  const { rows } = await client.query(
    `SELECT c.id, c.code, EXISTS (SELECT 1 FROM edition e WHERE e.cycle_id = c.id) AS "hasEdition"
     FROM monitoring_cycle c
     WHERE ($1::text IS NULL AND c.status = $2) OR c.code = $1
     ORDER BY EXISTS (SELECT 1 FROM edition e WHERE e.cycle_id = c.id) DESC,
              (SELECT count(*) FROM assessment a WHERE a.cycle_id = c.id) DESC, c.year DESC
     LIMIT 1`,
    [code, status],
  );
  if (!rows[0]) throw new Error(code ? `There is no cycle ${code}.` : `There is no ${status} cycle.`);
  return rows[0] as CycleRef;
}

/** Up to `count` assessments the editor may save in the cycle, with their current versions. */
export async function saveTargets(client: Client, cycleId: string, count: number): Promise<SaveTarget[]> {
  const { rows } = await client.query(SAVE_TARGETS_SQL, [cycleId, DASHBOARD_COUNTRY, count]);
  return rows as SaveTarget[];
}

export interface Answer {
  status: number;
  body: { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  statements: number;
  bytes: number;
}

export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as Answer['body'],
    statements: Number(response.headers.get('x-sql-statements') ?? NaN),
    bytes: Buffer.byteLength(text),
  };
}

/** Signs in as a demo account and returns the header that carries its token. */
export async function signIn(url: string, email: string): Promise<Record<string, string>> {
  const answer = await post(url, LOGIN_MUTATION, { input: { email, password: DEMO_PASSWORD } });
  const login = answer.body.data?.login as { token: string | null } | undefined;
  if (!login?.token)
    throw new Error(`Could not sign in as ${email}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  return { authorization: `Bearer ${login.token}` };
}

/** Sends a request once and fails unless it is answered without errors: a benchmark of errors measures nothing. */
export async function checkOnce(
  label: string,
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Answer> {
  const answer = await post(url, query, variables, headers);
  if (answer.status !== 200 || answer.body.errors?.length)
    throw new Error(`${label} fails: ${answer.status} ${JSON.stringify(answer.body).slice(0, 800)}`);
  return answer;
}
