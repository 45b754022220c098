import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { resolveDatabase } from '../src/db/bootstrap';
import { createDataSource } from '../src/db/data-source';
import { schemaDiff } from '../src/db/schema-diff';

/**
 * Writes migrations/<timestamp>-<Name>.ts with what the entities changed since the last migration, against
 * DATABASE_URL or the embedded database. Read what it writes: checks, triggers and other rules the entities cannot
 * express still have to be written by hand, and the new class must be added to migrations/index.ts.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error('Usage: npm run migration:generate -- NameInPascalCase');
    process.exit(2);
  }
  const config = loadConfig();
  const database = await resolveDatabase(config, (line) => console.log(line));
  const ds = createDataSource({ url: database.url });
  await ds.initialize();
  try {
    if (await ds.showMigrations())
      throw new Error('Apply the pending migrations first (npm run migration:run).');
    const diff = await schemaDiff(ds);
    if (diff.up.length === 0) {
      console.log('The entities match the database: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const file = path.resolve(__dirname, '..', 'migrations', `${timestamp}-${name}.ts`);
    const lines = (queries: string[]) =>
      queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
    fs.writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`,
    );
    console.log(
      `Wrote ${path.relative(process.cwd(), file)}. Read it, then add ${name}${timestamp} to migrations/index.ts.`,
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
