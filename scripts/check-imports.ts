/**
 * Checks how the project's files import each other (run by `npm run lint`), type-only imports included:
 * - no circles: a circle makes the load order decide what a file sees at start-up, and ties layers that should
 *   depend one way only;
 * - the layers of docs/architecture.md: the feature modules, the shared pieces and the database layer never
 *   import the request pipeline (the pipeline calls them, not the other way), and the fast read path is used
 *   through its one entry, src/common/fast-read/index.ts.
 * Paths resolve with the TypeScript compiler's own module resolution, exactly as `tsc` resolves them.
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');
const ROOTS = ['src', 'scripts', 'migrations', 'test', 'examples'];

function projectFiles(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  return config.fileNames.filter((f) => ROOTS.some((r) => f.startsWith(path.join(root, r) + path.sep)));
}

/** Every module specifier a file names: static imports and re-exports (type-only too), dynamic imports, require. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) found.push(e.text);
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const callee = node.expression;
      if (
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require')
      ) {
        found.push(node.arguments[0].text);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const lit = node.argument.literal;
      if (ts.isStringLiteral(lit)) found.push(lit.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function importGraph(files = projectFiles()): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Node10,
    resolveJsonModule: true,
  };
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const spec of specifiers(file)) {
      if (!spec.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && known.has(resolved)) targets.add(resolved);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan's algorithm). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const strongConnect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) strongConnect(v);
  return cycles;
}

/** One shortest circle through `start` inside its component, to show a reader where to cut. */
export function circleThrough(graph: Map<string, string[]>, component: string[]): string[] {
  const inside = new Set(component);
  const start = component[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const circle = [start];
        for (let at = v; at !== start; at = previous.get(at)!) circle.splice(1, 0, at);
        return [...circle, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');

interface LayerRule {
  /** Which importing files the rule is about (paths relative to the project, with `/`). */
  from: (file: string) => boolean;
  /** Which imported files they may not name. */
  to: (file: string) => boolean;
  why: string;
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);

export const LAYER_RULES: LayerRule[] = [
  {
    from: (f) => ['src/modules', 'src/common', 'src/db', 'src/seed'].some((folder) => under(folder)(f)),
    to: under('src/pipeline'),
    why: 'modules, shared pieces and the database layer do not import the request pipeline',
  },
  {
    from: (f) => !under('src/common/fast-read')(f),
    to: (f) => under('src/common/fast-read')(f) && f !== 'src/common/fast-read/index.ts',
    why: 'the fast read path is imported through src/common/fast-read (its index.ts)',
  },
];

/** Every import that breaks a layer rule, as `importer -> imported: why`. */
export function layerViolations(graph: Map<string, string[]>, rules = LAYER_RULES): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      for (const rule of rules) {
        if (rule.from(rel(file)) && rule.to(rel(target)))
          found.push(`${rel(file)} -> ${rel(target)}: ${rule.why}`);
      }
    }
  }
  return found;
}

if (require.main === module) {
  const graph = importGraph();
  const cycles = importCycles(graph);
  for (const component of cycles) {
    console.error(`Import circle among ${component.length} files:`);
    console.error(`  ${circleThrough(graph, component).map(rel).join('\n    -> ')}`);
    if (component.length > 2) console.error(`  all files of the circle: ${component.map(rel).join(', ')}`);
  }
  const violations = layerViolations(graph);
  for (const violation of violations) console.error(`Import across layers: ${violation}`);
  if (cycles.length === 0 && violations.length === 0) {
    console.log(`Imports checked: no circles and no imports across layers among ${graph.size} files.`);
  } else {
    console.error(`${cycles.length} import circle(s), ${violations.length} import(s) across layers.`);
    process.exitCode = 1;
  }
}
