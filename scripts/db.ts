import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { resolveDatabase } from '../src/db/bootstrap';
import { createDataSource } from '../src/db/data-source';
import { refreshSearchRules } from '../src/db/search-rules';
import { withStartupLock } from '../src/db/startup-lock';
import { seedDemoData } from '../src/seed/seed';

/**
 * Database chores from the command line, against DATABASE_URL or, when unset, the embedded database under
 * DATA_DIR (started for the command and stopped after it):
 *   migrate | revert | status | seed
 */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (!['migrate', 'revert', 'status', 'seed'].includes(command)) {
    console.error('Usage: db.ts migrate|revert|status|seed');
    process.exit(2);
  }
  const config = loadConfig();
  const database = await resolveDatabase(config, (line) => console.log(line));
  const ds = createDataSource({ url: database.url, logSql: config.logSql });
  await ds.initialize();
  // Under the lock instances take at start (src/start.ts): a migration job never races a starting instance.
  const locked = <T>(work: () => Promise<T>) =>
    withStartupLock(database.url, work, () => console.log('Waiting for an instance preparing the database'));
  try {
    if (command === 'migrate') {
      const applied = await locked(async () => {
        const done = await ds.runMigrations({ transaction: 'each' });
        await refreshSearchRules(ds);
        return done;
      });
      console.log(
        applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.',
      );
    } else if (command === 'revert') {
      await locked(() => ds.undoLastMigration({ transaction: 'each' }));
      console.log('Reverted the last migration.');
    } else if (command === 'status') {
      const pending = await ds.showMigrations();
      console.log(pending ? 'There are pending migrations.' : 'All migrations are applied.');
    } else {
      const summary = await locked(async () => {
        await ds.runMigrations({ transaction: 'each' });
        await refreshSearchRules(ds);
        return seedDemoData(ds);
      });
      console.log(`Loaded: ${summary}`);
    }
  } finally {
    await ds.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
