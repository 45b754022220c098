import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { appRolePassword } from '../../src/db/app-role';
import { resolveDatabase, type ResolvedDatabase } from '../../src/db/bootstrap';
import { resolveJwtSecret } from '../../src/modules/auth/token';
import { parseArgs } from './args';
import { cacheRatio, floorRatio, keptRatio, permissionsRatio, type Ratio } from './ratios';
import { defaultOutFile, machine, ratioTable, scenarioTable, writeJson, type RatioLine } from './report';
import { checkScenarios, comparisonAlone, runScenario, withService, type Bench, type Measured } from './runs';
import { EDITOR_EMAIL, REVIEWER_EMAIL } from './scenarios';
import { buildService, type Runtime } from './service';
import { databaseFacts, pickCycle, signIn } from './setup';
import { runSoak } from './soak';

/**
 * `npm run bench`: starts the service as a child process against a database (each scenario on a fresh one) and
 * drives it over HTTP, scenario by scenario, each as the role that uses it; then measures the ratios the
 * performance targets are stated in, each side by side in the same run. Prints a table and writes everything to
 * a JSON file.
 */

const log = (line: string) => console.log(line);

/** The ratios as the table prints them: the floor's Node loop and the dashboard's tail beside the floor. */
function ratioLines(ratios: Record<string, Ratio | { skipped: string }>) {
  const lines: Record<string, RatioLine | { skipped: string }> = {};
  for (const [name, ratio] of Object.entries(ratios)) {
    if (name === 'floor' && 'nodeLoop' in ratio) {
      const floor = ratio as Awaited<ReturnType<typeof floorRatio>>;
      lines['floor (pgbench)'] = floor;
      lines['floor (Node pg loop)'] = { ...floor.nodeLoop, target: '-', met: true };
      lines['dashboard p99/p50'] = floor.tail;
    } else lines[name] = ratio;
  }
  return lines;
}

function masked(url: string): string {
  return url.replace(/:[^:@/]+@/, ':***@');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig(
    args.databaseUrl ? { ...process.env, DATABASE_URL: args.databaseUrl } : process.env,
  );
  const runtime: Runtime = args.build ? 'compiled' : 'sources';
  if (args.build) {
    log('Building the service (npm run build) …');
    buildService();
  }
  let database: ResolvedDatabase | null = null;
  let owner: Client | undefined;
  let connected = false;
  try {
    database = await resolveDatabase(config, log);
    const databaseUrl = database.url;
    const base = {
      databaseUrl,
      runtime,
      logFile: args.serviceLog ?? undefined,
      cpuProfileDir: args.cpuProfileDir ?? undefined,
      log,
      secrets: {
        JWT_SECRET: resolveJwtSecret(config),
        ...(config.databaseAppUrl ? {} : { DATABASE_APP_PASSWORD: appRolePassword(config) }),
      },
    };
    log(`Starting the service against ${masked(databaseUrl)} …`);
    // The first start migrates (and, on an empty database, loads the demo data); sign-in tokens outlive it.
    const setup = await withService(
      base,
      { entry: 'main', label: 'the service', nodeEnv: 'development' },
      async (service) => {
        const client = new Client({ connectionString: databaseUrl, application_name: 'indicators-bench' });
        owner = client;
        await client.connect();
        connected = true;
        const found = {
          editor: await signIn(service.url, EDITOR_EMAIL),
          reviewer: await signIn(service.url, REVIEWER_EMAIL),
          openCycle: await pickCycle(client, 'OPEN', args.openCycle),
          publishedCycle: await pickCycle(client, 'PUBLISHED', args.publishedCycle),
        };
        await checkScenarios(service, found, log);
        return found;
      },
    );
    if (!owner) throw new Error('no connection to the database');
    const bench: Bench = {
      ...base,
      owner,
      connections: args.connections,
      durationSeconds: args.durationSeconds,
      rounds: args.rounds,
      setup,
    };
    const facts = await databaseFacts(owner);
    const results: Record<string, unknown> = {
      startedAt: new Date().toISOString(),
      machine: machine(facts.postgres),
      database: { url: masked(databaseUrl), ...facts },
      options: { ...args, databaseUrl: args.databaseUrl && masked(args.databaseUrl) },
      cycles: { open: setup.openCycle, published: setup.publishedCycle },
    };

    if (args.soakMinutes !== null) {
      results.soak = await runSoak(bench, args.soakMinutes);
    } else {
      const scenarios: Record<string, Measured> = {};
      for (const name of args.scenarios) {
        log(`Scenario ${name}: ${args.connections} connections, ${args.durationSeconds} s …`);
        scenarios[name] = await runScenario(name, bench);
      }
      results.scenarios = scenarios;
      const alone = args.scenarios.includes('comparison') ? await comparisonAlone(bench) : null;
      results.comparisonAlone = alone;
      const ratios: Record<string, Ratio | { skipped: string }> = {};
      if (args.ratios.includes('floor')) {
        log('Ratio floor: the dashboard against the SQL floor …');
        ratios.floor = await floorRatio(bench);
      }
      if (args.ratios.includes('permissions')) {
        log('Ratio permissions: the dashboard with the rules against allow-all …');
        ratios.permissions = await permissionsRatio(bench);
      }
      if (args.ratios.includes('cache')) {
        log('Ratio cache: the anonymous published comparison with and without the response cache …');
        ratios.cache = setup.publishedCycle.hasEdition
          ? await cacheRatio(bench)
          : { skipped: `${setup.publishedCycle.code} has no edition: nothing is cached` };
      }
      if (args.ratios.includes('kept')) {
        log('Ratio kept: the reviewer’s comparison kept for the reviewer against computed every time …');
        ratios.kept = await keptRatio(bench);
      }
      results.ratios = ratios;
      log('');
      log(scenarioTable(scenarios));
      log('');
      log(
        `Data: ${facts.countries} countries, ${facts.indicators} indicators, ${facts.cycles} cycles, ` +
          `${facts.assessments} assessments, ${facts.evidence} evidence.`,
      );
      log(ratioTable(ratioLines(ratios)));
      if (alone)
        log(
          `\nOne comparison of ${alone.cycle} alone: ${alone.cells} cells in ${alone.seconds.toFixed(1)} s, ` +
            `${alone.statements} statements, service peak ${alone.peakMemoryMb.toFixed(0)} MB ` +
            `(${alone.met ? 'under' : 'NOT under'} 512 MB).`,
        );
    }
    const out = args.out ?? defaultOutFile();
    writeJson(out, results);
    log(`\nResults written to ${out}`);
  } finally {
    if (owner && connected) await owner.end().catch(() => undefined);
    await database?.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
