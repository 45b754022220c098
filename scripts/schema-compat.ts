import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';

/**
 * Compares schema/schema.graphql with schema/released.graphql (the last release) and fails when a breaking
 * change is not announced in CHANGELOG.md, so that integrators never meet a breaking change unannounced.
 * Dangerous and non-breaking changes are printed but pass.
 */

export interface SchemaCompatResult {
  /** Every change between the released and the current schema, in the order graphql-inspector reports them. */
  changes: Change[];
  /** The breaking changes whose path is not listed under Unreleased → Breaking in the changelog. */
  unannounced: Change[];
}

/**
 * The key a breaking change is announced by: its path as graphql-inspector prints it (e.g. `Query.foo`).
 * A few schema-wide changes (the root types) carry no path; they are announced by their type instead.
 */
export function changeKey(change: Change): string {
  return change.path ?? String(change.type);
}

/**
 * The code spans (`...`) listed under "### Breaking" in the "## Unreleased" section. Only that section counts:
 * a path announced for an earlier release must not excuse a new break of the same field.
 */
export function announcedBreakingPaths(changelog: string): Set<string> {
  const announced = new Set<string>();
  let inUnreleased = false;
  let inBreaking = false;
  for (const line of changelog.split(/\r?\n/)) {
    const h2 = /^##\s+(.*)$/.exec(line);
    if (h2) {
      inUnreleased = /^\[?unreleased\]?\b/i.test(h2[1].trim());
      inBreaking = false;
      continue;
    }
    const h3 = /^###\s+(.*)$/.exec(line);
    if (h3) {
      inBreaking = inUnreleased && /^breaking\b/i.test(h3[1].trim());
      continue;
    }
    if (!inBreaking) continue;
    for (const match of line.matchAll(/`([^`]+)`/g)) announced.add(match[1].trim());
  }
  return announced;
}

export async function checkSchemaCompat(
  releasedSdl: string,
  currentSdl: string,
  changelog: string,
): Promise<SchemaCompatResult> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const announced = announcedBreakingPaths(changelog);
  const unannounced = changes.filter(
    (change) => change.criticality.level === CriticalityLevel.Breaking && !announced.has(changeKey(change)),
  );
  return { changes, unannounced };
}

/** One line per change: criticality, path and graphql-inspector's message. */
export function formatChanges(result: SchemaCompatResult): string[] {
  const unannounced = new Set(result.unannounced);
  return result.changes.map((change) => {
    const mark = unannounced.has(change) ? '  (not announced in CHANGELOG.md)' : '';
    return `${change.criticality.level.padEnd(12)} ${changeKey(change)}: ${change.message}${mark}`;
  });
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  const result = await checkSchemaCompat(
    read('schema/released.graphql'),
    read('schema/schema.graphql'),
    read('CHANGELOG.md'),
  );
  if (result.changes.length === 0) {
    console.log('schema/schema.graphql has no changes since the last release (schema/released.graphql).');
  } else {
    console.log(`${result.changes.length} change(s) since the last release (schema/released.graphql):`);
    for (const line of formatChanges(result)) console.log(`  ${line}`);
  }
  if (result.unannounced.length > 0) {
    console.error(
      `${result.unannounced.length} breaking change(s) are not announced. List each one's path (e.g. ` +
        '`Query.foo`) under "### Breaking" in the "## [Unreleased]" section of CHANGELOG.md, or keep the old ' +
        'field with @deprecated(reason: ...) instead:',
    );
    for (const change of result.unannounced) console.error(`  ${changeKey(change)}: ${change.message}`);
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
