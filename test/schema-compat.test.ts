import fs from 'node:fs';
import path from 'node:path';
import { announcedBreakingPaths, checkSchemaCompat, formatChanges } from '../scripts/schema-compat';

const released = `
  """The root query."""
  type Query {
    """A cycle by code."""
    cycle(
      """The code."""
      code: String
    ): String
    """A country by code."""
    country(
      """The code."""
      code: String!
    ): String
  }
`;

function changelog(breaking: string[], olderBreaking: string[] = []): string {
  return [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '### Added',
    '',
    '- `Query.notBreaking` is listed in the wrong section and must not count.',
    '',
    '### Breaking',
    '',
    ...(breaking.length ? breaking.map((p) => `- \`${p}\` was changed.`) : ['None.']),
    '',
    '## [0.1.0] - 2026-11-28',
    '',
    '### Breaking',
    '',
    ...olderBreaking.map((p) => `- \`${p}\` was changed long ago.`),
    '',
  ].join('\n');
}

describe('schema compatibility check', () => {
  it('reports a removed field as BREAKING and fails unless its path is announced in Unreleased', async () => {
    const current = released.replace(/"""A country by code\."""[\s\S]*?\): String\n/, '');
    expect(current).not.toContain('country');

    const refused = await checkSchemaCompat(released, current, changelog([]));
    expect(refused.changes.map((c) => [c.criticality.level, c.path])).toContainEqual([
      'BREAKING',
      'Query.country',
    ]);
    expect(refused.unannounced.map((c) => c.path)).toEqual(['Query.country']);
    expect(formatChanges(refused).join('\n')).toMatch(/BREAKING\s+Query\.country: .*not announced/);

    // Announced only under an older release or under another heading: still refused.
    const stale = await checkSchemaCompat(released, current, changelog([], ['Query.country']));
    expect(stale.unannounced.map((c) => c.path)).toEqual(['Query.country']);

    const accepted = await checkSchemaCompat(released, current, changelog(['Query.country']));
    expect(accepted.unannounced).toEqual([]);
  });

  it('reports a nullable argument made required as BREAKING and fails unless announced', async () => {
    const current = released.replace('code: String\n', 'code: String!\n');
    expect(current).not.toBe(released);

    const refused = await checkSchemaCompat(released, current, changelog(['Query.country']));
    expect(refused.unannounced.map((c) => [c.criticality.level, c.path])).toEqual([
      ['BREAKING', 'Query.cycle.code'],
    ]);

    const accepted = await checkSchemaCompat(released, current, changelog(['Query.cycle.code']));
    expect(accepted.changes.some((c) => c.path === 'Query.cycle.code')).toBe(true);
    expect(accepted.unannounced).toEqual([]);
  });

  it('passes an added field as NON_BREAKING', async () => {
    const current = released.replace(
      '  type Query {\n',
      '  type Query {\n    """The API version."""\n    version: String\n',
    );
    const result = await checkSchemaCompat(released, current, changelog([]));
    expect(result.changes.map((c) => c.type)).toContain('FIELD_ADDED');
    expect(
      result.changes.every((c) => c.criticality.level === 'NON_BREAKING' && c.path === 'Query.version'),
    ).toBe(true);
    expect(result.unannounced).toEqual([]);
  });

  it('passes a field deprecated with a reason', async () => {
    const current = released.replace(
      '): String\n  }',
      '): String @deprecated(reason: "Use cycle instead.")\n  }',
    );
    expect(current).toContain('@deprecated');
    const result = await checkSchemaCompat(released, current, changelog([]));
    expect(result.changes.length).toBeGreaterThan(0);
    expect(result.changes.every((c) => c.criticality.level !== 'BREAKING')).toBe(true);
    expect(result.unannounced).toEqual([]);
  });

  it('reads announced paths only from the Breaking heading of the Unreleased section', () => {
    expect([...announcedBreakingPaths(changelog(['Query.a', 'Type.b.c'], ['Query.old']))]).toEqual([
      'Query.a',
      'Type.b.c',
    ]);
  });

  it('finds no unannounced breaking change between the committed schema and the last release', async () => {
    const read = (file: string) => fs.readFileSync(path.resolve(__dirname, '..', file), 'utf8');
    const result = await checkSchemaCompat(
      read('schema/released.graphql'),
      read('schema/schema.graphql'),
      read('CHANGELOG.md'),
    );
    expect(formatChanges({ changes: result.unannounced, unannounced: result.unannounced })).toEqual([]);
  });
});
