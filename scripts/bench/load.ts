import autocannon from 'autocannon';

/** What a connection keeps between its requests. */
export type ConnectionState = Record<string, unknown>;

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  /** The body of every request, or, for requests that depend on the connection's state, a function of it. */
  body: string | ((state: ConnectionState) => string);
  /** Sees every answer, e.g. to keep a version up to date; returns a label to count (e.g. an error code). */
  onAnswer?: (body: string, state: ConnectionState) => string | null;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Statements per request, from the x-sql-statements header of every answer. */
  statementsMin: number | null;
  statementsMax: number | null;
  /** Round trips to the database per request, from the x-sql-round-trips header of every answer. */
  roundTripsMin: number | null;
  roundTripsMax: number | null;
  /** Answers that were not 2xx, carried GraphQL errors, or that the scenario counted under a label. */
  non2xx: number;
  graphqlErrors: number;
  socketErrors: number;
  timeouts: number;
  labels: Record<string, number>;
  /** A few of the GraphQL errors, to say what went wrong. */
  errorSamples: string[];
}

function isGraphqlError(body: string): boolean {
  // Errors come first or last in the answer; looking there keeps a large answer from being scanned.
  return body.startsWith('{"errors"') || body.slice(-3000).includes('"errors":[');
}

/** Drives one request shape at the service for a fixed time over several keep-alive connections. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let statementsMin = Infinity;
  let statementsMax = -Infinity;
  let roundTripsMin = Infinity;
  let roundTripsMax = -Infinity;
  let graphqlErrors = 0;
  const labels: Record<string, number> = {};
  const errorSamples: string[] = [];
  const fixedBody = typeof spec.body === 'string' ? spec.body : undefined;
  const bodyOf = typeof spec.body === 'function' ? spec.body : undefined;
  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    connections: spec.connections,
    duration: spec.durationSeconds,
    timeout: 60,
    headers: { 'content-type': 'application/json', ...spec.headers },
    body: fixedBody,
    // Each connection gets requests of its own, so that what it keeps (say, a version) stays its own: autocannon
    // clears its per-connection context after every round of requests.
    setupClient: (client) => {
      const state: ConnectionState = {};
      client.setRequests([
        {
          body: fixedBody,
          ...(bodyOf ? { setupRequest: (request) => ({ ...request, body: bodyOf(state) }) } : {}),
          onResponse: (_status, body, _context, headers) => {
            const statements = Number((headers as Record<string, string>)['x-sql-statements']);
            if (Number.isFinite(statements)) {
              statementsMin = Math.min(statementsMin, statements);
              statementsMax = Math.max(statementsMax, statements);
            }
            const roundTrips = Number((headers as Record<string, string>)['x-sql-round-trips']);
            if (Number.isFinite(roundTrips)) {
              roundTripsMin = Math.min(roundTripsMin, roundTrips);
              roundTripsMax = Math.max(roundTripsMax, roundTrips);
            }
            if (isGraphqlError(body)) {
              graphqlErrors += 1;
              if (errorSamples.length < 3) errorSamples.push(body.slice(0, 300));
            }
            const cache = (headers as Record<string, string>)['x-cache'];
            if (cache) labels[`x-cache: ${cache}`] = (labels[`x-cache: ${cache}`] ?? 0) + 1;
            const label = spec.onAnswer?.(body, state);
            if (label) labels[label] = (labels[label] ?? 0) + 1;
          },
        },
      ]);
    },
  });
  const seconds = result.duration || spec.durationSeconds;
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / seconds,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    statementsMin: Number.isFinite(statementsMin) ? statementsMin : null,
    statementsMax: Number.isFinite(statementsMax) ? statementsMax : null,
    roundTripsMin: Number.isFinite(roundTripsMin) ? roundTripsMin : null,
    roundTripsMax: Number.isFinite(roundTripsMax) ? roundTripsMax : null,
    non2xx: result.non2xx,
    graphqlErrors,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    labels,
    errorSamples,
  };
}
