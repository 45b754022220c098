import fs from 'node:fs';
import path from 'node:path';
import { importCycles, importGraph, layerViolations } from '../scripts/check-imports';

const root = path.join(__dirname, '..');
const doc = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return [`${rel}/`, ...filesUnder(rel)];
    return [rel];
  });
}

const ROOTS = ['src', 'test', 'scripts', 'migrations', 'docs', 'schema', 'examples'];
const projectPaths = ROOTS.filter((r) => fs.existsSync(path.join(root, r))).flatMap((r) => [
  `${r}/`,
  ...filesUnder(r),
]);

/** Every file or folder the page names: in `code`, and in the diagrams' labels (written without `src/`). */
function namedPaths(text: string): string[] {
  const names = new Set<string>();
  for (const [, code] of text.matchAll(/`([^`\n]+)`/g)) {
    if (/^[\w.<>*/-]+$/.test(code) && /\.(ts|md|graphql|json)$|\/$/.test(code)) names.add(code);
  }
  for (const [, diagram] of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
    for (const [name] of diagram.matchAll(/[\w.*/-]+\.ts\b/g)) names.add(name);
  }
  return [...names];
}

/** The project paths a name stands for: the path itself, under `src/`, or any file of that name. */
function matches(name: string): string[] {
  const pattern = new RegExp(
    `^${name
      .split(/(<[^>]+>|\*)/)
      .map((part) =>
        part.startsWith('<') || part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
  );
  const [first] = name.split('/');
  const rooted = ROOTS.includes(first) || name === 'src/' ? [pattern] : [];
  const candidates = name.includes('/')
    ? [...rooted, new RegExp(`^src/${pattern.source.slice(1)}`), new RegExp(`/${pattern.source.slice(1)}`)]
    : [new RegExp(`/${pattern.source.slice(1)}`)];
  return projectPaths.filter((p) => candidates.some((c) => c.test(p)));
}

describe('docs/architecture.md', () => {
  const names = namedPaths(doc);

  it('names the files of each step', () => {
    // The page is about files: if this fails, the extraction above broke, not the page.
    expect(names.length).toBeGreaterThan(40);
    expect(names).toEqual(expect.arrayContaining(['src/server.ts', 'pipeline/execution/jit-executor.ts']));
  });

  it('names only files and folders that exist', () => {
    expect(names.filter((name) => matches(name).length === 0)).toEqual([]);
  });

  it('would notice a file that is gone', () => {
    expect(matches('src/pipeline/limits/no-such-file.ts')).toEqual([]);
    expect(matches('pipeline/no-such-folder/')).toEqual([]);
    expect(matches('src/modules/<domain>/<domain>.nothing.ts')).toEqual([]);
    expect(matches('src/modules/<domain>/<domain>.policy.ts').length).toBeGreaterThan(0);
  });
});

/** One section of the page, from its heading to the next. */
function sectionOf(heading: string): string {
  const start = doc.indexOf(`## ${heading}\n`);
  if (start < 0) return '';
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe.each(['Adding a role', 'Adding a field with a rule'])('docs/architecture.md "%s"', (heading) => {
  const section = sectionOf(heading);
  const steps = section.split('\n').filter((line) => /^\d+\. /.test(line));

  it('is a short list: fewer than five places to touch', () => {
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.length).toBeLessThan(5);
  });

  it('names places that exist', () => {
    const names = namedPaths(section);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.filter((name) => matches(name).length === 0)).toEqual([]);
  });
});

describe('imports', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

  it('finds circles, type-only imports included, and nothing else', () => {
    expect(importCycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c']]);
    expect(importCycles(graph({ a: ['a'] }))).toEqual([['a']]);
    expect(importCycles(graph({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('refuses imports of the pipeline from the modules and of the fast read path past its entry', () => {
    const abs = (p: string) => path.join(root, p);
    const found = layerViolations(
      graph({
        [abs('src/modules/country/country.service.ts')]: [
          abs('src/pipeline/limits/query-limits.ts'),
          abs('src/common/fast-read/index.ts'),
          abs('src/common/fast-read/lookahead.ts'),
        ],
        [abs('src/server.ts')]: [abs('src/pipeline/limits/query-limits.ts')],
        [abs('src/common/fast-read/index.ts')]: [abs('src/common/fast-read/lookahead.ts')],
      }),
    );
    expect(found).toEqual([
      expect.stringContaining(
        'src/modules/country/country.service.ts -> src/pipeline/limits/query-limits.ts',
      ),
      expect.stringContaining('src/modules/country/country.service.ts -> src/common/fast-read/lookahead.ts'),
    ]);
  });

  it('has no circles and no imports across layers in the project', () => {
    const project = importGraph();
    expect(project.size).toBeGreaterThan(300);
    expect(importCycles(project)).toEqual([]);
    expect(layerViolations(project)).toEqual([]);
  });
});
