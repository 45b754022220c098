import type { Client } from 'pg';
import type { ScenarioName } from './args';
import { runLoad, type ConnectionState, type LoadResult, type LoadSpec } from './load';
import {
  COMPARISON_QUERY,
  DASHBOARD_QUERY,
  SAVE_MUTATION,
  SEARCH_QUERY,
  SEARCH_VARIABLES,
  dashboardVariables,
  saveVariables,
  type SaveTarget,
} from './scenarios';
import { startService, type RunningService, type Runtime, type ServiceOptions } from './service';
import { checkOnce, post, saveTargets, type CycleRef } from './setup';

export interface ScenarioSetup {
  editor: Record<string, string>;
  reviewer: Record<string, string>;
  openCycle: CycleRef;
  publishedCycle: CycleRef;
}

/** What every run needs: where and how to start services, how hard to drive them, and who signs in. */
export interface Bench {
  databaseUrl: string;
  runtime: Runtime;
  connections: number;
  durationSeconds: number;
  rounds: number;
  logFile?: string;
  /** Every service started writes a CPU profile here when it stops (node --cpu-prof). */
  cpuProfileDir?: string;
  log: (line: string) => void;
  /** JWT_SECRET and the app role's password, the same for every service started, as production requires. */
  secrets: Record<string, string>;
  /** A connection as the owner, to read set-up data and to see whether the database is still busy. */
  owner: Client;
  setup: ScenarioSetup;
}

export interface Measured extends LoadResult {
  account: string;
  /** The highest resident memory of the service (its own process, from its start), and at the end, MB. */
  peakMemoryMb: number;
  rssMb: number;
  /** CPU time the service spent per request (user + system): steadier than req/s on a shared machine. */
  cpuMsPerRequest: number;
  note?: string;
}

export type RequestSpec = Omit<LoadSpec, 'url' | 'connections' | 'durationSeconds'>;

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function warmSeconds(durationSeconds: number): number {
  return Math.max(2, Math.round(durationSeconds / 3));
}

/** Starts a service for the length of `fn`. */
export async function withService<T>(
  bench: Pick<Bench, 'databaseUrl' | 'runtime' | 'logFile' | 'cpuProfileDir' | 'secrets'>,
  options: Omit<ServiceOptions, 'runtime' | 'databaseUrl' | 'logFile' | 'cpuProfileDir'>,
  fn: (service: RunningService) => Promise<T>,
): Promise<T> {
  const service = await startService({
    ...options,
    env: { ...bench.secrets, ...options.env },
    runtime: bench.runtime,
    databaseUrl: bench.databaseUrl,
    logFile: bench.logFile,
    cpuProfileDir: bench.cpuProfileDir,
  });
  try {
    return await fn(service);
  } finally {
    await service.stop();
  }
}

/**
 * Waits until the requests a finished run left behind are done: autocannon stops waiting at the end of a run,
 * but the service goes on with what it was sent, and a slow scenario would otherwise eat into the next run.
 */
export async function settle(bench: Bench, services: RunningService[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const before = services.map((s) => s.cpuSeconds());
    await sleep(300);
    const busyCpu = services.some((s, i) => s.cpuSeconds() - before[i] > 0.03);
    const { rows } = await bench.owner.query(
      // Statements of the request pool that have been running a while (a background poll takes milliseconds).
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'indicators-api' AND state = 'active'
         AND now() - query_start > interval '200 milliseconds'`,
    );
    if (!busyCpu && rows[0].n === 0) return;
  }
}

/** A warm-up run, then the measured run; the service is left to settle before and after it. */
export async function measure(
  bench: Bench,
  service: RunningService,
  spec: RequestSpec,
  account: string,
  options: { warm?: boolean; beforeRun?: () => Promise<void> } = {},
): Promise<Measured> {
  const full = {
    ...spec,
    url: service.url,
    connections: bench.connections,
    durationSeconds: bench.durationSeconds,
  };
  if (options.warm ?? true) {
    await runLoad({ ...full, durationSeconds: warmSeconds(bench.durationSeconds) });
    await settle(bench, [service]);
  }
  await options.beforeRun?.();
  const cpuBefore = service.cpuSeconds();
  const result = await runLoad(full);
  const cpuMsPerRequest = ((service.cpuSeconds() - cpuBefore) * 1000) / Math.max(1, result.requests);
  const memory = service.memory();
  await settle(bench, [service]);
  return { ...result, account, peakMemoryMb: memory.peakMb, rssMb: memory.rssMb, cpuMsPerRequest };
}

export function dashboardSpec(setup: ScenarioSetup): RequestSpec {
  return {
    headers: setup.editor,
    body: body(DASHBOARD_QUERY, { ...dashboardVariables(setup.openCycle.id) }),
  };
}

export function comparisonSpec(cycle: CycleRef, headers: Record<string, string>): RequestSpec {
  return { headers, body: body(COMPARISON_QUERY, { cycleId: cycle.id }) };
}

interface SavePayload {
  assessment: { version: number } | null;
  currentVersion: number | null;
  userErrors: Array<{ code: string }>;
}

/**
 * Each connection saves an assessment of its own, sending back the version the last answer gave, so that saves
 * succeed; when there are fewer editable assessments than connections, connections share them and the saves
 * that lose a race are counted as STALE_VERSION (and the connection carries on with the version it was told).
 */
async function writeSpec(bench: Bench) {
  const cycle = bench.setup.openCycle;
  const read = () => saveTargets(bench.owner, cycle.id, bench.connections);
  const targets = await read();
  if (targets.length === 0)
    throw new Error(`No DRAFT or CHANGES_REQUESTED assessment of the editor's country in ${cycle.code}.`);
  let nextSlot = 0;
  const targetOf = (state: ConnectionState): SaveTarget => {
    if (state.slot === undefined) state.slot = nextSlot++ % targets.length;
    return targets[state.slot as number];
  };
  const spec: RequestSpec = {
    headers: bench.setup.editor,
    body: (state) => body(SAVE_MUTATION, saveVariables(targetOf(state))),
    onAnswer: (text, state) => {
      const payload = (JSON.parse(text) as { data?: { assessmentSave?: SavePayload } }).data?.assessmentSave;
      if (!payload) return 'no payload';
      const target = targetOf(state);
      if (payload.assessment) {
        target.version = payload.assessment.version;
        return 'saved';
      }
      if (payload.currentVersion != null) target.version = payload.currentVersion;
      return payload.userErrors[0]?.code ?? 'unknown';
    },
  };
  /** Saves cut off by the end of the warm-up may still have landed: the versions are read again. */
  const refresh = async () => {
    const current = new Map((await read()).map((t) => [t.indicatorId, t.version]));
    for (const target of targets) target.version = current.get(target.indicatorId) ?? target.version;
  };
  const note = `${targets.length} editable assessment(s), one per connection (shared when fewer than connections)`;
  return { spec, refresh, note };
}

/**
 * The setting that makes the service compute every signed-in answer, none kept for its caller to read again: the
 * scenarios measure the work of a comparison, and the `kept` ratio what keeping it saves.
 */
export const COMPUTE_EVERY_ANSWER = { RESPONSE_CACHE_SIGNED_IN_MAX_BYTES: '0' };

/** One scenario on a service of its own, so that its peak memory is its own and nothing of another run is left. */
export async function runScenario(name: ScenarioName, bench: Bench): Promise<Measured> {
  const { setup } = bench;
  const options = { entry: 'main' as const, label: `the service (${name})`, env: COMPUTE_EVERY_ANSWER };
  return withService(bench, options, async (service) => {
    switch (name) {
      case 'dashboard':
        return measure(bench, service, dashboardSpec(setup), 'editor (editor.rs@demo.example)');
      case 'comparison':
        return measure(
          bench,
          service,
          comparisonSpec(setup.openCycle, setup.reviewer),
          'reviewer (reviewer@demo.example)',
        );
      case 'published': {
        const spec = comparisonSpec(setup.publishedCycle, {});
        const measured = await measure(bench, service, spec, 'anonymous');
        return {
          ...measured,
          note: setup.publishedCycle.hasEdition ? 'read from its edition' : 'no edition',
        };
      }
      case 'search':
        return measure(
          bench,
          service,
          { headers: setup.reviewer, body: body(SEARCH_QUERY, SEARCH_VARIABLES) },
          'reviewer (reviewer@demo.example)',
        );
      case 'write': {
        const { spec, refresh, note } = await writeSpec(bench);
        const measured = await measure(bench, service, spec, 'editor (editor.rs@demo.example)', {
          beforeRun: refresh,
        });
        return { ...measured, note };
      }
    }
  });
}

/** Sends each scenario's request once, so that no run measures errors, and says how large the answers are. */
export async function checkScenarios(
  service: RunningService,
  setup: ScenarioSetup,
  log: (l: string) => void,
) {
  const dashboard = await checkOnce(
    'The dashboard',
    service.url,
    DASHBOARD_QUERY,
    { ...dashboardVariables(setup.openCycle.id) },
    setup.editor,
  );
  const rows = (dashboard.body.data?.assessments as { nodes: unknown[] }).nodes.length;
  log(
    `The dashboard of ${setup.openCycle.code}: ${rows} assessments, ${(dashboard.bytes / 1e3).toFixed(0)} kB.`,
  );
  for (const [label, cycle, headers] of [
    ['The reviewer’s comparison', setup.openCycle, setup.reviewer],
    ['The anonymous comparison', setup.publishedCycle, {}],
  ] as const) {
    const answer = await checkOnce(label, service.url, COMPARISON_QUERY, { cycleId: cycle.id }, headers);
    const comparison = answer.body.data?.comparison as { rows: Array<{ cells: unknown[] }> };
    const cells = comparison.rows.reduce((n, r) => n + r.cells.length, 0);
    log(`${label} of ${cycle.code}: ${cells} cells, ${(answer.bytes / 1e6).toFixed(2)} MB.`);
  }
  const found = await checkOnce('The search', service.url, SEARCH_QUERY, SEARCH_VARIABLES, setup.reviewer);
  const total = (found.body.data?.search as { totalCount: number }).totalCount;
  log(
    `The reviewer’s search for "${SEARCH_VARIABLES.query}": ${total} found, ${(found.bytes / 1e3).toFixed(1)} kB.`,
  );
}

export interface SingleComparison {
  cycle: string;
  cells: number;
  seconds: number;
  statements: number;
  /** The service's peak resident memory, from its start to the answer, MB. */
  peakMemoryMb: number;
  /** Whether the comparison completed with the service under 512 MB. */
  met: boolean;
}

/** The reviewer's comparison of the open cycle, once, on a fresh service: does it fit in 512 MB? */
export async function comparisonAlone(bench: Bench): Promise<SingleComparison> {
  const { setup } = bench;
  const options = {
    entry: 'main' as const,
    label: 'the service (one comparison)',
    env: COMPUTE_EVERY_ANSWER,
  };
  return withService(bench, options, async (service) => {
    const started = performance.now();
    const answer = await post(service.url, COMPARISON_QUERY, { cycleId: setup.openCycle.id }, setup.reviewer);
    const seconds = (performance.now() - started) / 1000;
    const comparison = answer.body.data?.comparison as { rows: Array<{ cells: unknown[] }> } | undefined;
    const peakMemoryMb = service.memory().peakMb;
    const cells = comparison?.rows.reduce((n, r) => n + r.cells.length, 0) ?? 0;
    return {
      cycle: setup.openCycle.code,
      cells,
      seconds,
      statements: answer.statements,
      peakMemoryMb,
      met: Boolean(comparison) && !answer.body.errors && peakMemoryMb < 512,
    };
  });
}
