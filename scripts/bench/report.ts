import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ratio } from './ratios';
import type { Measured } from './runs';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  postgres: string;
  loadAverage: number[];
}

export function machine(postgres: string): Machine {
  const model = /model name\s*:\s*(.+)/.exec(safeRead('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? '?';
  return {
    cpus: os.availableParallelism(),
    cpuModel: model.trim(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const fixed = (n: number | null | undefined, digits = 1) =>
  n == null || !Number.isFinite(n) ? '-' : n.toFixed(digits);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

export function scenarioTable(scenarios: Record<string, Measured>): string {
  const rows = [
    [
      'scenario',
      'req/s',
      'p50 ms',
      'p99 ms',
      'SQL/req',
      'trips/req',
      'CPU ms/req',
      'peak MB',
      'requests',
      'errors',
    ],
  ];
  const unanswered: string[] = [];
  for (const [name, m] of Object.entries(scenarios)) {
    const range = (min: number | null, max: number | null) => (min === max ? fixed(min, 0) : `${min}-${max}`);
    const statements = range(m.statementsMin, m.statementsMax);
    const errors = m.non2xx + m.graphqlErrors + m.socketErrors + m.timeouts;
    // No answer within the run: a rate of 0 and the CPU of the unfinished requests would read as figures.
    const none = m.requests === 0;
    if (none) unanswered.push(name);
    rows.push([
      name,
      none ? '-' : fixed(m.requestsPerSecond),
      none ? '-' : fixed(m.latencyP50Ms, 0),
      none ? '-' : fixed(m.latencyP99Ms, 0),
      statements,
      range(m.roundTripsMin, m.roundTripsMax),
      none ? '-' : fixed(m.cpuMsPerRequest),
      fixed(m.peakMemoryMb, 0),
      String(m.requests),
      String(errors),
    ]);
  }
  const notes = unanswered.map((name) => `\n${name}: no request was answered within the run.`);
  return table(rows) + notes.join('');
}

/** A line of the ratio table: a ratio, or a figure reported beside one with no target of its own ('-'). */
export type RatioLine = Pick<Ratio, 'value' | 'target' | 'met' | 'rounds'>;

export function ratioTable(ratios: Record<string, RatioLine | { skipped: string }>): string {
  const rows = [['ratio', 'value', 'target', 'met', 'rounds']];
  for (const [name, r] of Object.entries(ratios)) {
    if ('skipped' in r) rows.push([name, '-', '-', '-', r.skipped]);
    else
      rows.push([
        name,
        fixed(r.value, 2),
        r.target,
        r.target === '-' ? '-' : r.met ? 'yes' : 'NO',
        r.rounds.map((v) => fixed(v, 2)).join(' '),
      ]);
  }
  return table(rows);
}

export function defaultOutFile(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.join('bench-results', `${stamp}.json`);
}

export function writeJson(file: string, content: unknown): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
