/**
 * Fails when the committed files in generated/ differ from what GraphQL Code Generator makes now from
 * schema/schema.graphql and operations/*.graphql (`npm run examples:check`; `npm run examples:codegen` fixes it).
 * Generates in memory and formats like the committed files, so nothing in the work tree is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import * as prettier from 'prettier';
import config from './codegen';

const ROOT = path.resolve(__dirname, '..', '..');
const GENERATED = path.join(__dirname, 'generated');

async function check(): Promise<string[]> {
  process.chdir(ROOT);
  const outputs = await generate({ ...config, silent: true, hooks: {} }, false);
  const problems: string[] = [];
  const expected = new Set<string>();
  for (const output of outputs) {
    const file = path.resolve(ROOT, output.filename);
    expected.add(file);
    const options = (await prettier.resolveConfig(file)) ?? {};
    const fresh = await prettier.format(output.content, { ...options, filepath: file });
    if (!fs.existsSync(file)) problems.push(`${path.relative(ROOT, file)} is missing`);
    else if (fs.readFileSync(file, 'utf8') !== fresh)
      problems.push(`${path.relative(ROOT, file)} is out of date`);
  }
  for (const name of fs.readdirSync(GENERATED)) {
    const file = path.join(GENERATED, name);
    if (!expected.has(file)) problems.push(`${path.relative(ROOT, file)} is no longer generated`);
  }
  return problems;
}

check().then(
  (problems) => {
    if (problems.length === 0) {
      process.stdout.write('examples/typed-client/generated is up to date\n');
      return;
    }
    process.stderr.write(`${problems.join('\n')}\nRun: npm run examples:codegen\n`);
    process.exitCode = 1;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
