import { runLoad } from './load';
import {
  COMPUTE_EVERY_ANSWER,
  comparisonSpec,
  dashboardSpec,
  measure,
  settle,
  warmSeconds,
  withService,
  type Bench,
  type Measured,
  type RequestSpec,
} from './runs';
import { DASHBOARD_COUNTRY, DASHBOARD_EVIDENCE_PAGE, DASHBOARD_FLOOR_SQL, DASHBOARD_PAGE } from './scenarios';
import type { RunningService } from './service';
import {
  findPgbench,
  runNodeFloor,
  runPgbenchFloor,
  type FloorResult,
  type PgbenchResult,
} from './sql-floor';

/** One side of one round: its throughput and latency, and for a service the CPU it spent per request. */
type Side = Pick<Measured, 'requestsPerSecond' | 'latencyP50Ms' | 'latencyP99Ms'> & {
  cpuMsPerRequest?: number;
};

export interface Ratio {
  /** What is divided by what. */
  description: string;
  target: string;
  /** The ratio of the summed throughputs over the rounds, and each round's own. */
  value: number;
  rounds: number[];
  met: boolean;
  numerator: Side[];
  denominator: Side[];
}

function ratioOf(
  description: string,
  target: string,
  minimum: number,
  numerator: Side[],
  denominator: Side[],
) {
  const sum = (list: Side[]) => list.reduce((s, r) => s + r.requestsPerSecond, 0);
  const value = sum(numerator) / sum(denominator);
  const ratio: Ratio = {
    description,
    target,
    value,
    rounds: numerator.map((n, i) => n.requestsPerSecond / denominator[i].requestsPerSecond),
    met: value >= minimum,
    numerator,
    denominator,
  };
  return ratio;
}

const side = (m: Measured): Side => ({
  requestsPerSecond: m.requestsPerSecond,
  latencyP50Ms: m.latencyP50Ms,
  latencyP99Ms: m.latencyP99Ms,
  cpuMsPerRequest: m.cpuMsPerRequest,
});

/**
 * The same request against two services that differ in one thing, up together and measured in turn, round after
 * round, so that both see the same machine.
 */
async function sideBySide(
  bench: Bench,
  services: [RunningService, RunningService],
  spec: RequestSpec,
  names: [string, string],
): Promise<[Measured[], Measured[]]> {
  for (const service of services) {
    const url = service.url;
    await runLoad({
      ...spec,
      url,
      connections: bench.connections,
      durationSeconds: warmSeconds(bench.durationSeconds),
    });
  }
  await settle(bench, services);
  const results: [Measured[], Measured[]] = [[], []];
  for (let round = 1; round <= bench.rounds; round += 1) {
    for (const i of [0, 1])
      results[i].push(await measure(bench, services[i], spec, names[i], { warm: false }));
    bench.log(
      `  round ${round}: ${names[0]} ${results[0][round - 1].requestsPerSecond.toFixed(1)} req/s, ` +
        `${names[1]} ${results[1][round - 1].requestsPerSecond.toFixed(1)} req/s`,
    );
  }
  return results;
}

/** The dashboard's tail at the load's concurrency: p99 over p50 of its HTTP latency, each round's own. */
export interface TailRatio {
  description: string;
  target: string;
  value: number;
  rounds: number[];
  met: boolean;
}

/** What the floor ratio adds: pgbench's own figures and the Node `pg` loop as a second, labelled floor. */
export interface FloorRatio extends Ratio {
  pgbench: PgbenchResult[];
  nodeLoop: { description: string; value: number; rounds: number[]; floor: FloorResult[] };
  tail: TailRatio;
}

/**
 * The dashboard over HTTP against the best hand-written SQL for the same data at the same concurrency, run by
 * pgbench as a prepared statement, and by a Node `pg` loop as a second figure; the three alternate so that
 * all see the same machine.
 */
export async function floorRatio(bench: Bench): Promise<FloorRatio> {
  const { setup } = bench;
  const pgbench = findPgbench();
  const params = [setup.openCycle.id, DASHBOARD_COUNTRY, DASHBOARD_PAGE, DASHBOARD_EVIDENCE_PAGE];
  return withService(bench, { entry: 'main', label: 'the service (floor)' }, async (service) => {
    const http: Measured[] = [];
    const floor: PgbenchResult[] = [];
    const loop: FloorResult[] = [];
    const args = [
      bench.databaseUrl,
      DASHBOARD_FLOOR_SQL,
      params,
      bench.connections,
      bench.durationSeconds,
    ] as const;
    for (let round = 1; round <= bench.rounds; round += 1) {
      http.push(await measure(bench, service, dashboardSpec(setup), 'editor', { warm: round === 1 }));
      floor.push(await runPgbenchFloor(pgbench, ...args));
      loop.push(await runNodeFloor(...args));
      bench.log(
        `  round ${round}: HTTP ${http[round - 1].requestsPerSecond.toFixed(1)} req/s, ` +
          `pgbench ${floor[round - 1].tps.toFixed(1)} tps, Node pg loop ${loop[round - 1].queriesPerSecond.toFixed(1)} q/s`,
      );
    }
    const ratio = ratioOf(
      'dashboard over HTTP (req/s) / the same data by hand-written SQL under pgbench -M prepared (tps)',
      '>= 0.25',
      0.25,
      http.map(side),
      floor.map((f) => ({ requestsPerSecond: f.tps, latencyP50Ms: NaN, latencyP99Ms: NaN })),
    );
    const nodeLoop = ratioOf(
      'dashboard over HTTP (req/s) / the same SQL from a Node pg loop (q/s), for reference',
      '-',
      0,
      http.map(side),
      loop.map((f) => ({
        requestsPerSecond: f.queriesPerSecond,
        latencyP50Ms: f.latencyP50Ms,
        latencyP99Ms: f.latencyP99Ms,
      })),
    );
    const tails = http.map((m) => m.latencyP99Ms / m.latencyP50Ms);
    const worst = Math.max(...tails);
    const tail: TailRatio = {
      description: `dashboard p99 / p50 latency over HTTP at ${bench.connections} connections (worst round)`,
      target: '<= 3',
      value: worst,
      rounds: tails,
      met: worst <= 3,
    };
    return {
      ...ratio,
      pgbench: floor,
      nodeLoop: {
        description: nodeLoop.description,
        value: nodeLoop.value,
        rounds: nodeLoop.rounds,
        floor: loop,
      },
      tail,
    };
  });
}

/**
 * The dashboard with the permission rules against the same service with every rule replaced by `allow`: two
 * services from the benchmark's own entry (the only way to start one without its rules).
 */
export async function permissionsRatio(bench: Bench): Promise<Ratio> {
  return withService(bench, { entry: 'bench', permissions: 'rules', label: 'rules' }, (rules) =>
    withService(bench, { entry: 'bench', permissions: 'allow-all', label: 'allow-all' }, async (allowAll) => {
      const [on, off] = await sideBySide(bench, [rules, allowAll], dashboardSpec(bench.setup), [
        'rules',
        'allow-all',
      ]);
      return ratioOf(
        'dashboard with the permission rules / with every rule replaced by allow (req/s)',
        '>= 0.85',
        0.85,
        on.map(side),
        off.map(side),
      );
    }),
  );
}

/**
 * A request against the service and against the same service with one of its caches turned off by its own
 * setting, side by side; the ratio of their rates, and which answers said `X-Cache: hit` or `miss`.
 */
async function withAndWithoutCache(
  bench: Bench,
  spec: RequestSpec,
  off: { env: Record<string, string>; label: string },
  ratio: { description: string; target: string; value: number },
): Promise<Ratio & { xCache: Array<Record<string, number>> }> {
  return withService(bench, { entry: 'main', label: 'the service (cache)' }, (cached) =>
    withService(bench, { entry: 'main', env: off.env, label: off.label }, async (uncached) => {
      const [on, without] = await sideBySide(bench, [cached, uncached], spec, ['cached', 'uncached']);
      return {
        ...ratioOf(ratio.description, ratio.target, ratio.value, on.map(side), without.map(side)),
        xCache: [...on, ...without].map((m) => m.labels),
      };
    }),
  );
}

/**
 * The anonymous comparison of the published cycle from the service against the same service with its response
 * cache turned off by its own setting (RESPONSE_CACHE_MAX_BYTES=0).
 */
export function cacheRatio(bench: Bench): Promise<Ratio & { xCache: Array<Record<string, number>> }> {
  return withAndWithoutCache(
    bench,
    comparisonSpec(bench.setup.publishedCycle, {}),
    { env: { RESPONSE_CACHE_MAX_BYTES: '0' }, label: 'the service without its cache' },
    {
      description: 'anonymous published comparison with the response cache / without it (req/s)',
      target: '>= 5',
      value: 5,
    },
  );
}

/**
 * The reviewer's comparison of the open cycle, read again while nothing is written, from the service (its answer
 * kept for the reviewer) against the same service computing every answer (RESPONSE_CACHE_SIGNED_IN_MAX_BYTES=0).
 */
export function keptRatio(bench: Bench): Promise<Ratio & { xCache: Array<Record<string, number>> }> {
  return withAndWithoutCache(
    bench,
    comparisonSpec(bench.setup.openCycle, bench.setup.reviewer),
    { env: COMPUTE_EVERY_ANSWER, label: 'the service computing every answer' },
    {
      description: 'reviewer’s comparison, answer kept for the reviewer / computed every time (req/s)',
      target: '>= 5',
      value: 5,
    },
  );
}
