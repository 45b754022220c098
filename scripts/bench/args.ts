export const SCENARIOS = ['dashboard', 'comparison', 'published', 'write', 'search'] as const;
export const RATIOS = ['floor', 'permissions', 'cache', 'kept'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export type RatioName = (typeof RATIOS)[number];

export interface BenchArgs {
  databaseUrl: string | null;
  durationSeconds: number;
  connections: number;
  /** Rounds of each side-by-side pair of a ratio, alternating the two sides. */
  rounds: number;
  scenarios: ScenarioName[];
  ratios: RatioName[];
  out: string | null;
  openCycle: string | null;
  publishedCycle: string | null;
  soakMinutes: number | null;
  cpuProfileDir: string | null;
  /** Build with `npm run build` and run the compiled service, as production does; else run the sources. */
  build: boolean;
  /** A file the services' output is appended to, e.g. their error logs. */
  serviceLog: string | null;
}

export const USAGE = `Usage: npm run bench -- [options]
  --database-url URL      the database to serve (default: DATABASE_URL, else the embedded one under DATA_DIR)
  --duration S            seconds each measured run lasts (default 10)
  --connections N         concurrent connections of the load and of the SQL floor (default 8)
  --rounds N              alternating rounds of each side-by-side ratio (default 2)
  --scenarios a,b         among ${[...SCENARIOS, ...RATIOS].join(', ')} (default: all)
  --open-cycle CODE       the cycle of the dashboard, the reviewer's comparison and the edits
                          (default: the OPEN cycle with the most assessments)
  --published-cycle CODE  the cycle of the anonymous comparison
                          (default: the PUBLISHED cycle with an edition and the most assessments)
  --out FILE              where the JSON goes (default bench-results/<timestamp>.json)
  --soak [MINUTES]        only the memory soak: the dashboard for 5 minutes (or MINUTES), RSS every 10 s
  --cpu-prof DIR          the service writes a CPU profile (node --cpu-prof) into DIR when it stops
  --service-log FILE      append what the services print (their logs, LOG_LEVEL) to FILE
  --no-build              run the TypeScript sources instead of building and running dist/ as production does`;

function positiveInt(name: string, raw: string | undefined, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max} (got ${raw}).`);
  return value;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    databaseUrl: null,
    durationSeconds: 10,
    connections: 8,
    rounds: 2,
    scenarios: [...SCENARIOS],
    ratios: [...RATIOS],
    out: null,
    openCycle: null,
    publishedCycle: null,
    soakMinutes: null,
    cpuProfileDir: null,
    build: true,
    serviceLog: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--database-url':
        args.databaseUrl = value();
        break;
      case '--duration':
        args.durationSeconds = positiveInt(flag, value(), 3600);
        break;
      case '--connections':
        args.connections = positiveInt(flag, value(), 1000);
        break;
      case '--rounds':
        args.rounds = positiveInt(flag, value(), 20);
        break;
      case '--scenarios': {
        const names = value().split(',').filter(Boolean);
        const unknown = names.filter((n) => ![...SCENARIOS, ...RATIOS].includes(n as ScenarioName));
        if (unknown.length) throw new Error(`Unknown scenario ${unknown.join(', ')}.\n${USAGE}`);
        args.scenarios = SCENARIOS.filter((n) => names.includes(n));
        args.ratios = RATIOS.filter((n) => names.includes(n));
        break;
      }
      case '--out':
        args.out = value();
        break;
      case '--open-cycle':
        args.openCycle = value();
        break;
      case '--published-cycle':
        args.publishedCycle = value();
        break;
      case '--soak': {
        const next = inline ?? argv[i + 1];
        if (next !== undefined && /^\d+$/.test(next)) {
          args.soakMinutes = positiveInt(flag, next, 600);
          if (inline === undefined) i += 1;
        } else args.soakMinutes = 5;
        break;
      }
      case '--cpu-prof':
        args.cpuProfileDir = value();
        break;
      case '--service-log':
        args.serviceLog = value();
        break;
      case '--no-build':
        args.build = false;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${argv[i]}.\n${USAGE}`);
    }
  }
  return args;
}
