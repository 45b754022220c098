import { runLoad } from './load';
import { dashboardSpec, settle, withService, type Bench } from './runs';

export interface SoakResult {
  minutes: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  /** Resident memory of the service every 10 s, MB, with the second it was read at. */
  samples: Array<{ second: number; rssMb: number }>;
  firstMinuteMb: number;
  lastMinuteMb: number;
  /** (last − first) / first. */
  change: number;
  flat: boolean;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * The dashboard without pause for `minutes`, reading the service's resident memory every 10 seconds: memory that
 * grows from the first minute to the last is a leak, which a short run would not show.
 */
export async function runSoak(bench: Bench, minutes: number): Promise<SoakResult> {
  return withService(bench, { entry: 'main', label: 'the service (soak)' }, async (service) => {
    const options = { minutes, log: bench.log };
    const spec = { ...dashboardSpec(bench.setup), url: service.url, connections: bench.connections };
    // A minute's warm-up first: the heap grows to its working size then, and a leak is growth after that.
    options.log('Soak: one minute of warm-up …');
    await runLoad({ ...spec, durationSeconds: 60 });
    await settle(bench, [service]);
    const total = options.minutes * 60;
    const samples: SoakResult['samples'] = [];
    const started = Date.now();
    const sample = () => {
      const second = Math.round((Date.now() - started) / 1000);
      const rssMb = service.memory().rssMb;
      samples.push({ second, rssMb });
      options.log(`  ${String(second).padStart(4)} s  RSS ${rssMb.toFixed(1)} MB`);
    };
    options.log(`Soak: the dashboard for ${options.minutes} minute(s), RSS every 10 s …`);
    sample();
    const timer = setInterval(sample, 10_000);
    let result;
    try {
      result = await runLoad({ ...spec, durationSeconds: total });
    } finally {
      clearInterval(timer);
    }
    sample();
    const window = Math.min(60, total / 2);
    const first = mean(samples.filter((s) => s.second <= window).map((s) => s.rssMb));
    const last = mean(samples.filter((s) => s.second >= total - window).map((s) => s.rssMb));
    const change = (last - first) / first;
    const soak: SoakResult = {
      minutes: options.minutes,
      requests: result.requests,
      requestsPerSecond: result.requestsPerSecond,
      errors: result.non2xx + result.graphqlErrors + result.socketErrors + result.timeouts,
      samples,
      firstMinuteMb: first,
      lastMinuteMb: last,
      change,
      flat: Math.abs(change) <= 0.1,
    };
    options.log(
      `First minute ${first.toFixed(1)} MB, last minute ${last.toFixed(1)} MB: ` +
        `${(change * 100).toFixed(1)} % (${soak.flat ? 'flat' : 'NOT flat'} within 10 %); ` +
        `${soak.requestsPerSecond.toFixed(1)} req/s, ${soak.errors} errors.`,
    );
    return soak;
  });
}
