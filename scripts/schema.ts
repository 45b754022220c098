import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildTypeSchema } from '../src/graphql/schema';

/**
 * Prints the schema the code declares to schema/schema.graphql, or with --check fails when the committed file
 * differs, so that a change to the API is always visible in review.
 */
const file = path.resolve(__dirname, '..', 'schema', 'schema.graphql');
const header = '# Generated from the code by `npm run schema:print`. Do not edit by hand.\n\n';
const printed = header + printSchema(lexicographicSortSchema(buildTypeSchema())) + '\n';

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed !== printed) {
    console.error(
      'schema/schema.graphql differs from the schema in the code. Run `npm run schema:print` and commit it.',
    );
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the code.');
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, printed);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
