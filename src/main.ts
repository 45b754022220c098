import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createLogger, type Logger } from './common/logger';
import { startApi, type RunningApi } from './start';

// Until the configuration is read, faults are logged at the default level.
let logger: Logger = createLogger('info');

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  const starting = startApi(config, { log, logger });

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
    // A signal during the start waits for it: a half-started API would leave its embedded database running.
    const api: RunningApi | null = await starting.catch(() => null);
    if (api === null) return;
    try {
      await api.stop();
    } catch (error) {
      logger.error({ err: error, signal }, 'shutdown failed');
      process.exit(1);
    }
    process.exit(0);
  };
  // Before the start: from the first moment, a signal stops everything in order.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await starting;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger.fatal({ problems: error.problems }, error.message);
  else logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
