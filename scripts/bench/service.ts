import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface Memory {
  /** Resident set size now, in MB. */
  rssMb: number;
  /** The highest resident set size since the process started, in MB. */
  peakMb: number;
}

export interface RunningService {
  pid: number;
  url: string;
  memory(): Memory;
  /** CPU time the process has used so far (user + system), in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * `compiled` runs the JavaScript `npm run build` writes to dist/, as production does (and without a compiler in
 * memory); `sources` runs the TypeScript sources through @swc-node/register.
 */
export type Runtime = 'compiled' | 'sources';

export interface ServiceOptions {
  /** The service itself (`src/main.ts`), or the benchmark's own entry with a permissions option. */
  entry: 'main' | 'bench';
  runtime: Runtime;
  databaseUrl: string;
  permissions?: 'rules' | 'allow-all';
  /** `--cpu-prof` directory: the child writes a CPU profile there when it stops. */
  cpuProfileDir?: string;
  /** Where the service's output goes once it is ready (appended); dropped when not given. */
  logFile?: string;
  /** Settings beside the benchmark's own, e.g. RESPONSE_CACHE_MAX_BYTES=0 for a service without its cache. */
  env?: Record<string, string>;
  /**
   * `production` (the default) runs the service as it is deployed; the first start, which may have to load the
   * demo data into an empty database, runs as `development`.
   */
  nodeEnv?: 'development' | 'production';
  label: string;
}

/** Reads the user and system CPU time of a process from /proc, in seconds (clock ticks of 1/100 s). */
export function readCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Reads VmRSS and VmHWM of a process from /proc (Linux). */
export function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/**
 * The environment of the service under test: as deployed (NODE_ENV=production, which also takes graphql-js's
 * production code paths), with request rate limits off (one load generator would trip them at once).
 */
function serviceEnv(options: ServiceOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: options.nodeEnv ?? 'production',
    DATABASE_URL: options.databaseUrl,
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    RATE_LIMIT_USER: '0',
    RATE_LIMIT_IP: '0',
    RATE_LIMIT_API_KEY: '0',
    LOGIN_RATE_LIMIT: '0',
    LOGIN_RATE_LIMIT_ACCOUNT: '0',
    LOGIN_RATE_LIMIT_ADDRESS: '0',
    ...options.env,
  };
}

const READY = /ready at (http:\/\/\S+)/;

/** Starts the service as a child process and resolves once it listens. */
export function startService(options: ServiceOptions): Promise<RunningService> {
  const file = options.entry === 'main' ? 'src/main' : 'scripts/bench/server-entry';
  const compiled = options.runtime === 'compiled';
  const args = compiled ? [] : ['-r', '@swc-node/register'];
  if (options.cpuProfileDir) args.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`);
  args.push(path.join(ROOT, compiled ? `dist/${file}.js` : `${file}.ts`));
  if (options.entry === 'bench') args.push(`--permissions=${options.permissions ?? 'rules'}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: serviceEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : null;
    const onData = (chunk: Buffer) => {
      if (ready) {
        log?.write(chunk);
        return;
      }
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        ready = true;
        // The URL the service prints names localhost; 127.0.0.1 avoids a resolver lookup per connection.
        resolve(wrap(child, match[1].replace('localhost', '127.0.0.1'), Boolean(options.cpuProfileDir)));
      }
    };
    // Output after the start is read (and kept only when asked), so that a full pipe never stalls the service.
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      if (!ready)
        reject(
          new Error(`${options.label} exited with ${code} before it was ready:\n${output.slice(-4000)}`),
        );
    });
  });
}

function wrap(child: ChildProcess, url: string, profiling: boolean): RunningService {
  const pid = child.pid as number;
  return {
    pid,
    url,
    memory: () => readMemory(pid),
    cpuSeconds: () => readCpuSeconds(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        // The service bounds its shutdown to 30 s; a profile is only written on a clean exit, so it is waited
        // for then, and otherwise cut short.
        const timer = setTimeout(() => child.kill('SIGKILL'), profiling ? 35_000 : 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Compiles the service as `npm run build` does, so that the benchmark measures what production runs. */
export function buildService(): void {
  const result = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('npm run build failed: fix the errors above, or pass --no-build.');
}
