import fs from 'node:fs';
import path from 'node:path';
import {
  Kind,
  NoUnusedFragmentsRule,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { loadConfig } from '../src/config';
import { queryLimitRules } from '../src/pipeline/limits/query-limits';
import { buildTypeSchema } from '../src/graphql/schema';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startTestServer, type TestServer } from './support/server';

/**
 * Keeps the README and the pages under docs/ true: their GraphQL validates against the schema and the production
 * limits, the README's example queries answer on the demo data, the npm commands they name exist, their relative
 * links lead somewhere, and the README stays short.
 */

const root = path.join(__dirname, '..');
const README = 'README.md';
const README_MAX_BYTES = 12_000;

/** README.md and every docs/*.md, as paths relative to the repository. */
function pages(): string[] {
  const docs = fs
    .readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return [README, ...docs];
}

function read(page: string): string {
  return fs.readFileSync(path.join(root, page), 'utf8');
}

interface CodeBlock {
  page: string;
  /** Line of the opening fence, counting from 1. */
  line: number;
  lang: string;
  text: string;
}

/** A page's fenced code blocks, and its text outside them (fenced lines blanked, so line numbers hold). */
function split(page: string): { blocks: CodeBlock[]; prose: string } {
  const lines = read(page).split('\n');
  const blocks: CodeBlock[] = [];
  const prose: string[] = [];
  let open: { indent: number; fence: string; lang: string; line: number; body: string[] } | null = null;
  lines.forEach((line, index) => {
    if (!open) {
      const start = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
      if (start) {
        open = {
          indent: start[1].length,
          fence: start[2],
          lang: start[3].toLowerCase(),
          line: index + 1,
          body: [],
        };
        prose.push('');
      } else {
        prose.push(line);
      }
      return;
    }
    prose.push('');
    const fenceChar = open.fence[0] === '`' ? '`' : '~';
    if (new RegExp(`^ *${fenceChar}{${open.fence.length},}\\s*$`).test(line)) {
      blocks.push({ page, line: open.line, lang: open.lang, text: open.body.join('\n') });
      open = null;
    } else {
      const indent = /^ */.exec(line)![0].length;
      open.body.push(line.slice(Math.min(indent, open.indent)));
    }
  });
  if (open) throw new Error(`${page}:${(open as { line: number }).line}: a code block is never closed`);
  return { blocks, prose: prose.join('\n') };
}

function graphqlBlocks(page: string): CodeBlock[] {
  return split(page).blocks.filter((block) => block.lang === 'graphql');
}

/** Inline code spans of the text outside code blocks. */
function inlineCode(prose: string): string[] {
  return [...prose.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)].map((m) => m[2]);
}

// ---- 1. GraphQL against the schema and the production limits ----

const limits = loadConfig({}).graphql;
const schema = buildTypeSchema();
const operationRules = [...specifiedRules, ...queryLimitRules(limits)];
const fragmentRules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

const isExecutable = (d: DefinitionNode) =>
  d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION;

/** The operation with the fragments it spreads, directly or through other fragments: one request. */
function requestOf(operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[]): DocumentNode {
  const byName = new Map(fragments.map((f) => [f.name.value, f]));
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: Array<OperationDefinitionNode | FragmentDefinitionNode> = [operation];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = byName.get(node.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] };
}

/**
 * What is wrong with a ```graphql block: each operation in it is checked as a request of its own (a block may show
 * several requests in a row), with the fragments it uses, against every validation rule and the query limits. A
 * block of fragments only is checked without its operation; a block of schema definitions (SDL) is only parsed.
 */
function problemsOf(block: CodeBlock): string[] {
  let document: DocumentNode;
  try {
    document = parse(block.text);
  } catch (error) {
    return [(error as Error).message];
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const executable = document.definitions.filter(isExecutable).length;
  if (executable === 0) return []; // schema definitions (SDL), which parsed
  if (executable !== document.definitions.length)
    return ['mixes schema definitions with operations or fragments'];
  if (operations.length === 0) return validate(schema, document, fragmentRules).map((e) => e.message);
  return operations.flatMap((operation) => {
    const request = requestOf(operation, fragments);
    try {
      // The parser's token limit applies to each request as it would be sent.
      parse(print(request), { maxTokens: limits.maxTokens });
    } catch (error) {
      return [(error as Error).message];
    }
    return validate(schema, request, operationRules).map((e) => e.message);
  });
}

describe('GraphQL in the README and docs/', () => {
  it('finds the README example queries', () => {
    expect(graphqlBlocks(README).length).toBeGreaterThanOrEqual(3);
  });

  it.each(pages())('%s: every ```graphql block validates against the schema and the query limits', (page) => {
    const problems = graphqlBlocks(page).flatMap((block) =>
      problemsOf(block).map((problem) => `${block.page}:${block.line}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('validates the operations of a block, not just its syntax', () => {
    const block = { page: 'example', line: 1, lang: 'graphql' };
    expect(problemsOf({ ...block, text: '{ countries { nodes { code } } }' })).toEqual([]);
    expect(problemsOf({ ...block, text: '{ countries { nodes { kode } } }' })).not.toEqual([]);
    expect(problemsOf({ ...block, text: '{ countries(first: 5) { nodes { code } }' })).not.toEqual([]);
    expect(
      problemsOf({ ...block, text: '{ a: countries { nodes { code } } }\n{ cycles { totalCount } }' }),
    ).toEqual([]);
    expect(problemsOf({ ...block, text: 'fragment F on Country { code }' })).toEqual([]);
    expect(problemsOf({ ...block, text: 'fragment F on Country { kode }' })).not.toEqual([]);
    expect(problemsOf({ ...block, text: 'type Extra { id: ID! }' })).toEqual([]);
    const deep = `{ countries { nodes { ${'organisations { countries { '.repeat(6)}code${' } }'.repeat(6)} } } }`;
    expect(problemsOf({ ...block, text: deep }).join('\n')).toContain('GRAPHQL_MAX_DEPTH');
  });
});

// ---- 2. The README's example queries answer on the demo data ----

describe("the README's example queries", () => {
  let db: TestDatabase;
  let api: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answer data with no errors, sent as they are written', async () => {
    const blocks = graphqlBlocks(README);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const where = `${README}:${block.line}`;
      const operations = parse(block.text).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      // Each example is one request a reader can paste as it is: one operation, no variables to fill in.
      expect({ where, operations: operations.length }).toEqual({ where, operations: 1 });
      expect({ where, variables: operations[0].variableDefinitions?.length ?? 0 }).toEqual({
        where,
        variables: 0,
      });
      const res = await api.query(block.text);
      expect({ where, status: res.status, errors: res.errors }).toEqual({
        where,
        status: 200,
        errors: undefined,
      });
      const fields = Object.entries(res.data ?? {});
      expect(fields.length).toBeGreaterThan(0);
      // A top-level field that answers null (an unknown cycle code, say) would show the reader nothing.
      expect({ where, empty: fields.filter(([, value]) => value == null).map(([name]) => name) }).toEqual({
        where,
        empty: [],
      });
    }
  });
});

// ---- 3. npm commands ----

/** npm's own commands (`npm help`), with the aliases the docs might use; `run` is handled on its own. */
const NPM_COMMANDS = new Set(
  `access adduser approve-scripts audit bugs cache ci completion config dedupe deny-scripts deprecate diff dist-tag
  docs doctor edit exec explain explore find-dupes fund get help help-search init install install-ci-test
  install-scripts install-test link ll login logout ls org outdated owner pack ping pkg prefix profile prune
  publish query rebuild repo root sbom search set shrinkwrap stage star stars team token trust undeprecate
  uninstall unpublish unstar update version view whoami i add cit it ln list rm un up x`.split(/\s+/),
);
/** Commands that run the package.json script of the same name. */
const SCRIPT_SHORTCUTS: Record<string, string> = {
  start: 'start',
  stop: 'stop',
  restart: 'restart',
  test: 'test',
  t: 'test',
  tst: 'test',
};

/** Every `npm …` command in the code of a page (code blocks and inline code), with the script it needs, if any. */
function npmCommands(page: string): Array<{ command: string; script: string | null; known: boolean }> {
  const { blocks, prose } = split(page);
  const code = [...blocks.map((b) => b.text), ...inlineCode(prose)].join('\n');
  return [...code.matchAll(/(?<![\w-])npm\s+(?:(run|run-script|rum|urn)\s+)?([A-Za-z][\w:.-]*)/g)].map(
    (m) => {
      const [command, run, name] = m;
      if (run) return { command, script: name, known: true };
      if (name in SCRIPT_SHORTCUTS) return { command, script: SCRIPT_SHORTCUTS[name], known: true };
      return { command, script: null, known: NPM_COMMANDS.has(name) };
    },
  );
}

describe('npm commands in the README and docs/', () => {
  const scripts = Object.keys(
    (
      JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts,
  );

  it('finds the two commands of the README', () => {
    const commands = npmCommands(README).map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining(['npm install', 'npm start', 'npm test']));
  });

  it.each(pages())('%s: every npm command names a script of package.json or one of npm', (page) => {
    const wrong = npmCommands(page)
      .filter((c) => (c.script === null ? !c.known : !scripts.includes(c.script)))
      .map((c) => c.command);
    expect(wrong).toEqual([]);
  });
});

// ---- 4. Relative links ----

/** The targets of a page's links and images outside code: inline, reference definitions and HTML attributes. */
function linkTargets(page: string): string[] {
  const text = split(page).prose.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, (span) => span.replace(/[[\]()]/g, ' '));
  return [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)].map(
      (m) => m[1],
    ),
    ...[...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm)].map((m) => m[1]),
    ...[...text.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]),
  ];
}

/** Where a relative link of a page leads in the repository, or null for an address elsewhere or an in-page anchor. */
function resolveLink(page: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return null;
  const file = decodeURIComponent(target.replace(/[?#].*$/, ''));
  return file.startsWith('/')
    ? path.join(root, file)
    : path.resolve(path.dirname(path.join(root, page)), file);
}

describe('links in the README and docs/', () => {
  it('finds the links of the README', () => {
    expect(linkTargets(README)).toEqual(expect.arrayContaining(['docs/integration.md']));
  });

  it.each(pages())('%s: every relative link points to a file that exists', (page) => {
    const missing = linkTargets(page).filter((target) => {
      const file = resolveLink(page, target);
      return file !== null && !fs.existsSync(file);
    });
    expect(missing).toEqual([]);
  });
});

// ---- 5. Size ----

describe('README.md', () => {
  it(`is at most ${README_MAX_BYTES} bytes, so that it starts fast`, () => {
    expect(fs.statSync(path.join(root, README)).size).toBeLessThanOrEqual(README_MAX_BYTES);
  });
});
