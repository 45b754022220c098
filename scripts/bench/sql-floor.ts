import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

export interface FloorResult {
  queries: number;
  queriesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  rowsPerQuery: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The SQL floor: `connections` clients, each sending `sql` as a prepared statement back to back for the given
 * time, as a pgbench run with a custom script would. It is what the database alone does for the same data at
 * the same concurrency, with nothing between it and the client.
 */
export async function runSqlFloor(
  databaseUrl: string,
  sql: string,
  params: unknown[],
  connections: number,
  durationSeconds: number,
): Promise<FloorResult> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new Client({
        connectionString: databaseUrl,
        application_name: 'indicators-bench-floor',
      });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let rows = 0;
  try {
    // One untimed round, so that every connection has prepared its statement before the clock starts.
    await Promise.all(clients.map((c) => c.query({ name: 'floor', text: sql, values: params })));
    const end = performance.now() + durationSeconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < end) {
          const started = performance.now();
          const result = await client.query({ name: 'floor', text: sql, values: params });
          latencies.push(performance.now() - started);
          rows += result.rowCount ?? 0;
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  latencies.sort((a, b) => a - b);
  return {
    queries: latencies.length,
    queriesPerSecond: latencies.length / durationSeconds,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    rowsPerQuery: latencies.length ? rows / latencies.length : 0,
  };
}
