import 'reflect-metadata';
import net from 'node:net';
import { ConfigError, loadConfig } from './config';
import { resolveDatabase } from './db/bootstrap';
import { openAppDataSource } from './db/app-role';
import { createDataSource } from './db/data-source';
import { seedDemoData, isDatabaseEmpty } from './seed/seed';
import { createServer } from './server';
import { createLogger, type Logger } from './common/logger';
import { startWebhooks } from './modules/webhook/webhook.worker';

// Until the configuration is read, faults are logged at the default level.
let logger: Logger = createLogger('info');

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The host of the address printed at start: the one listened on, or localhost for every interface. */
function shownHost(host: string | null): string {
  if (host === null || host === '0.0.0.0' || host === '::') return 'localhost';
  return net.isIPv6(host) ? `[${host}]` : host;
}

async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  const database = await resolveDatabase(config, log);
  // The owner migrates and seeds; the API itself connects as indicators_app, bound by row-level security.
  const owner = createDataSource({ url: database.url, logSql: config.logSql, poolSize: 1 });
  await owner.initialize();
  const applied = await owner.runMigrations({ transaction: 'each' });
  if (applied.length > 0)
    log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  if (config.seedOnStart && (await isDatabaseEmpty(owner))) {
    const summary = await seedDemoData(owner);
    log(`Loaded the demo data: ${summary}`);
  }
  const dataSource = await openAppDataSource(owner, database.url, config);

  const server = await createServer(config, dataSource, logger);
  const port = await server.listen(config.port);
  log(`GraphQL API ready at http://${shownHost(config.host)}:${port}/graphql`);
  const webhooks = startWebhooks(dataSource, config.webhook, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down`);
    // Whatever hangs (a peer that never closes, a database that vanished), the process does not outlive this.
    setTimeout(() => {
      logger.error({ signal }, 'shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000).unref();
    await server.close();
    await webhooks.stop();
    await dataSource.destroy();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.fatal({ problems: error.problems }, error.message);
  else logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
