import net from 'node:net';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config';
import { resolveDatabase } from './db/bootstrap';
import { openAppDataSource } from './db/app-role';
import { createDataSource } from './db/data-source';
import { withStartupLock } from './db/startup-lock';
import { seedDemoData, isDatabaseEmpty } from './seed/seed';
import { createServer } from './server';
import type { Logger } from './common/logger';
import { startWebhooks } from './modules/webhook/webhook.worker';

export interface RunningApi {
  /** The port the API listens on (the one asked for, or the one given for port 0). */
  port: number;
  /**
   * Stops accepting connections and finishes the requests in flight, then stops the webhook worker, closes the
   * pool and, last, stops the embedded database: nothing is cut off by the end of what it runs on.
   */
  stop(): Promise<void>;
}

/** The host of the address printed at start: the one listened on, or localhost for every interface. */
function shownHost(host: string | null): string {
  if (host === null || host === '0.0.0.0' || host === '::') return 'localhost';
  return net.isIPv6(host) ? `[${host}]` : host;
}

/**
 * Migrations and, on an empty database, the demo data, as the owner and under the start-up lock: instances
 * started together apply each migration once and load the demo data once, the others waiting their turn.
 */
async function migrate(owner: DataSource, url: string, config: AppConfig, log: (line: string) => void) {
  await withStartupLock(
    url,
    async () => {
      const applied = await owner.runMigrations({ transaction: 'each' });
      if (applied.length > 0)
        log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
      if (config.seedOnStart && (await isDatabaseEmpty(owner))) {
        const summary = await seedDemoData(owner);
        log(`Loaded the demo data: ${summary}`);
      }
    },
    () => log('Another instance is preparing the database; waiting for it'),
  );
}

/**
 * Everything `npm start` does before it serves: the database (embedded or DATABASE_URL), migrations and demo
 * data, the app's role, the server and the webhook worker. The caller owns the signals: an embedded database
 * stops with `stop()` (or when the process exits), not on SIGINT or SIGTERM by itself.
 */
export async function startApi(
  config: AppConfig,
  io: { log: (line: string) => void; logger: Logger },
): Promise<RunningApi> {
  const { log, logger } = io;
  const database = await resolveDatabase(config, log, { callerStopsOnSignals: true });
  // Undone in reverse order should a later step fail, so a failed start leaves nothing running.
  const undo: Array<() => Promise<unknown>> = [async () => database.embedded?.stop()];
  const unwind = async () => {
    for (const step of undo.reverse()) await step().catch(() => undefined);
  };
  try {
    // The owner migrates and seeds; the API itself connects as the app's role, bound by row-level security.
    const owner = createDataSource({ url: database.url, logSql: config.logSql, poolSize: 1 });
    await owner.initialize();
    undo.push(async () => owner.isInitialized && owner.destroy());
    await migrate(owner, database.url, config, log);
    const dataSource = await openAppDataSource(owner, database.url, config, log);
    undo.push(() => dataSource.destroy());

    const server = await createServer(config, dataSource, logger);
    undo.push(() => server.close());
    const port = await server.listen(config.port);
    log(`GraphQL API ready at http://${shownHost(config.host)}:${port}/graphql`);
    const webhooks = startWebhooks(dataSource, config.webhook, logger);
    return {
      port,
      stop: async () => {
        await server.close();
        await webhooks.stop();
        await dataSource.destroy();
        await database.embedded?.stop();
      },
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
