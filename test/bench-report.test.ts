import { scenarioTable } from '../scripts/bench/report';
import type { Measured } from '../scripts/bench/runs';

function measured(overrides: Partial<Measured>): Measured {
  return {
    requests: 2529,
    requestsPerSecond: 125.9,
    latencyP50Ms: 61,
    latencyP99Ms: 113,
    statementsMin: 2,
    statementsMax: 2,
    roundTripsMin: 1,
    roundTripsMax: 1,
    non2xx: 0,
    graphqlErrors: 0,
    socketErrors: 0,
    timeouts: 0,
    labels: {},
    errorSamples: [],
    account: 'editor',
    peakMemoryMb: 316,
    rssMb: 120,
    cpuMsPerRequest: 6.6,
    ...overrides,
  };
}

/** The benchmark's table, as the figures in docs/performance.md are copied from it. */
describe('the benchmark report', () => {
  it('gives the figures of a scenario that was answered', () => {
    const [, , line] = scenarioTable({ dashboard: measured({}) }).split('\n');
    expect(line.split(/\s+/)).toEqual([
      'dashboard',
      '125.9',
      '61',
      '113',
      '2',
      '1',
      '6.6',
      '316',
      '2529',
      '0',
    ]);
  });

  it('shows no rate, latency or CPU for a scenario with no answer within the run, and says so', () => {
    // The CPU of unfinished requests divided by none read as 530 ms a request, and the rate as 0.0.
    const report = scenarioTable({
      dashboard: measured({}),
      published: measured({
        requests: 0,
        requestsPerSecond: 0,
        latencyP50Ms: 0,
        latencyP99Ms: 0,
        statementsMin: null,
        statementsMax: null,
        roundTripsMin: null,
        roundTripsMax: null,
        cpuMsPerRequest: 530,
      }),
    });
    const published = report.split('\n').find((l) => l.startsWith('published '))!;
    expect(published.split(/\s+/)).toEqual(['published', '-', '-', '-', '-', '-', '-', '316', '0', '0']);
    expect(report).toContain('published: no request was answered within the run.');
  });
});
