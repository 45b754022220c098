import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { resolveDatabase } from '../../src/db/bootstrap';
import { createDataSource } from '../../src/db/data-source';
import { createEdition } from '../../src/modules/edition/edition.service';

/**
 * Freezes the edition of a published cycle that has none, as publishing would have: `npm run seed:scale` marks
 * its past cycles PUBLISHED without editions, and the anonymous comparison the benchmark measures is served
 * from editions. Usage: publish-edition.ts [--database-url URL] --cycle CODE
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const code = option('--cycle');
  if (!code) throw new Error('Usage: publish-edition.ts [--database-url URL] --cycle CODE');
  const url = option('--database-url');
  const config = loadConfig(url ? { ...process.env, DATABASE_URL: url } : process.env);
  const database = await resolveDatabase(config, (line) => console.log(line));
  const ds = createDataSource({ url: database.url, poolSize: 1 });
  await ds.initialize();
  try {
    const [cycle] = await ds.query(
      `SELECT c.id, c.status, (SELECT count(*)::int FROM edition e WHERE e.cycle_id = c.id) AS editions
       FROM monitoring_cycle c WHERE c.code = $1`,
      [code],
    );
    if (!cycle) throw new Error(`There is no cycle ${code}.`);
    if (cycle.status !== 'PUBLISHED') throw new Error(`Cycle ${code} is ${cycle.status}, not PUBLISHED.`);
    if (cycle.editions > 0) {
      console.log(`Cycle ${code} already has ${cycle.editions} edition(s).`);
      return;
    }
    const started = Date.now();
    const edition = await ds.transaction((m) => createEdition(m, ds, cycle.id, null));
    const [{ bytes }] = await ds.query(`SELECT pg_column_size(content) AS bytes FROM edition WHERE id = $1`, [
      edition.id,
    ]);
    console.log(
      `Edition ${edition.number} of ${code}: ${(bytes / 1e6).toFixed(1)} MB stored, ${Date.now() - started} ms.`,
    );
  } finally {
    await ds.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
