import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { openAppDataSource } from '../../src/db/app-role';
import { createDataSource } from '../../src/db/data-source';
import * as schemaModule from '../../src/graphql/schema';
import type { SchemaOptions } from '../../src/graphql/schema';

/**
 * The service as `src/main.ts` starts it, against a database that is already migrated, with one difference the
 * benchmark asks for on the command line: `--permissions=allow-all` puts `allow` in place of every permission
 * rule, to measure what the rules cost. Nothing the production service reads can turn the rules off: the option
 * exists only in this entry.
 */

function permissionsArg(): NonNullable<SchemaOptions['permissions']> {
  const arg = process.argv.find((a) => a.startsWith('--permissions='));
  const value = arg?.slice('--permissions='.length) ?? 'rules';
  if (value !== 'rules' && value !== 'allow-all') throw new Error(`--permissions must be rules or allow-all`);
  return value;
}

/**
 * createServer builds its schema through the schema module; the module's exports are replaced before the server
 * module is loaded, so that it builds the schema with the options asked for.
 */
function useSchemaOptions(options: SchemaOptions): void {
  const id = require.resolve('../../src/graphql/schema');
  const cached = require.cache[id];
  if (!cached) throw new Error('the schema module is not loaded');
  cached.exports = {
    ...schemaModule,
    buildExecutableSchema: () => schemaModule.buildExecutableSchema(options),
  };
}

async function main(): Promise<void> {
  useSchemaOptions({ permissions: permissionsArg() });
  // Loaded only now, so that it sees the replaced exports.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createServer } = require('../../src/server') as typeof import('../../src/server');
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
  const owner = createDataSource({ url: config.databaseUrl, poolSize: 1 });
  await owner.initialize();
  const dataSource = await openAppDataSource(owner, config.databaseUrl, config);
  const server = await createServer(config, dataSource);
  const port = await server.listen(config.port);
  process.stdout.write(`GraphQL API ready at http://localhost:${port}/graphql\n`);
  const stop = async () => {
    // Exits even when something holds a connection open, so that a CPU profile is always written.
    setTimeout(() => process.exit(0), 5000).unref();
    await server.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
