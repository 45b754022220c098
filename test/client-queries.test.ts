import fs from 'node:fs';
import path from 'node:path';
import {
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type SelectionSetNode,
} from 'graphql';
import { loadConfig } from '../src/config';
import { buildTypeSchema } from '../src/graphql/schema';
import { GRAPHIQL_COMPARISON_QUERY, GRAPHIQL_LOGIN_MUTATION } from '../src/modules/graphiql/graphiql.page';
import {
  RESULTS_BREAKDOWN_QUERY,
  RESULTS_CYCLE_QUERY,
  RESULTS_LOGIN_MUTATION,
  RESULTS_MATRIX_QUERY,
  RESULTS_RECOMMENDATIONS_QUERY,
} from '../src/modules/results/results.queries';
import { queryLimitRules } from '../src/pipeline/limits/query-limits';
import { measureOperation } from '../src/pipeline/limits/query-measure';
import { createTestDatabase, type TestDatabase } from './support/database';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/server';
import { liveClient, subscribe } from './support/live';

const root = path.join(__dirname, '..');
const schema = buildTypeSchema();
const production = loadConfig({
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://x/y',
  DATABASE_APP_PASSWORD: 'y'.repeat(16),
  JWT_SECRET: 'x'.repeat(32),
}).graphql;

interface ClientOperation {
  source: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The page shows this call answering an error (how a bad argument is refused, say). */
  showsError?: boolean;
}

/** The operations a page of the docs shows: ```graphql blocks, `-d '{"query":…}'` in shell, strings in TypeScript. */
function operationsIn(file: string): ClientOperation[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found: ClientOperation[] = [];
  for (const [, block] of text.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const document = parse(block);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      found.push({ source: `${file} (graphql)`, query: print({ ...document, definitions: [definition] }) });
    }
  }
  for (const [, block] of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
    // A body may go on over two lines and splice a shell variable in ('"$CYCLE"'), which becomes a placeholder.
    for (const match of block.matchAll(/-d '(\{"query":[\s\S]*?\})'(?=\s|\)|$)/g)) {
      const json = match[1].replace(/'"\$(\w+)"'/g, '<$1>');
      const parsed = JSON.parse(json) as { query: string; variables?: Record<string, unknown> };
      // What the page shows of the answer: the rest of the call's line (a jq filter) and the comment below it.
      const rest = block.slice((match.index ?? 0) + match[0].length);
      const [line, ...below] = rest.split('\n');
      const comment = below
        .slice(
          0,
          Math.max(
            0,
            below.findIndex((l) => !l.startsWith('#')),
          ),
        )
        .join('\n');
      found.push({
        source: `${file} (sh)`,
        query: parsed.query,
        variables: parsed.variables,
        showsError: line.includes('.errors') || comment.includes('"errors"'),
      });
    }
  }
  for (const [, block] of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
    for (const [, query] of block.matchAll(/['`]((?:query|mutation|\{)[^'`$]*)['`]/g)) {
      if (/^\{\s*[a-z_]/.test(query) || /^(query|mutation)\b/.test(query)) {
        found.push({ source: `${file} (ts)`, query });
      }
    }
  }
  return found;
}

/** The document as Apollo Client sends it: `__typename` asked in every selection set but the operation's own. */
function withTypename(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(node: SelectionSetNode, _key, parent: ASTNode | readonly ASTNode[] | undefined) {
        if (parent && !Array.isArray(parent) && (parent as ASTNode).kind === Kind.OPERATION_DEFINITION)
          return;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias))
          return;
        return {
          ...node,
          selections: [
            ...node.selections,
            { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
          ],
        };
      },
    },
  });
}

function costOf(document: DocumentNode): number {
  let cost = 0;
  validate(schema, document, [
    (context) => ({
      OperationDefinition(node) {
        cost += measureOperation(context, node).cost;
      },
    }),
  ]);
  return cost;
}

const documented = [...operationsIn('README.md'), ...operationsIn('docs/integration.md')];
const pages: ClientOperation[] = [
  { source: 'GraphiQL comparison tab', query: GRAPHIQL_COMPARISON_QUERY },
  {
    source: 'GraphiQL login tab',
    query: GRAPHIQL_LOGIN_MUTATION,
    variables: { input: { email: 'editor.rs@demo.example', password: DEMO_PASSWORD } },
  },
  { source: 'results page cycle', query: RESULTS_CYCLE_QUERY, variables: { code: '2024' } },
  { source: 'results page breakdown', query: RESULTS_BREAKDOWN_QUERY, variables: { id: '<ASSESSMENT>' } },
  {
    source: 'results page login',
    query: RESULTS_LOGIN_MUTATION,
    variables: { input: { email: 'viewer.al@demo.example', password: DEMO_PASSWORD } },
  },
];

describe('the documented operations, as a normalising client sends them', () => {
  const all = [...documented, ...pages];

  it('finds the operations of the README, the integrators’ guide, GraphiQL and the results page', () => {
    expect(operationsIn('README.md').length).toBeGreaterThanOrEqual(3);
    expect(operationsIn('docs/integration.md').length).toBeGreaterThanOrEqual(10);
  });

  it('validates each with `__typename` everywhere, at no extra cost and within the production limits', () => {
    const problems: string[] = [];
    for (const operation of [
      ...all,
      { source: 'results page matrix', query: RESULTS_MATRIX_QUERY },
      { source: 'results page recommendations', query: RESULTS_RECOMMENDATIONS_QUERY },
    ]) {
      const plain = parse(operation.query);
      const typed = withTypename(plain);
      const errors = validate(schema, typed, [...specifiedRules, ...queryLimitRules(production)]);
      if (errors.length > 0) problems.push(`${operation.source}: ${errors.map((e) => e.message).join('; ')}`);
      if (costOf(typed) !== costOf(plain)) problems.push(`${operation.source}: __typename changed the cost`);
      if (costOf(typed) > production.maxCost / 2)
        problems.push(`${operation.source}: costs ${costOf(typed)}`);
    }
    expect(problems).toEqual([]);
  });

  describe('sent to the server', () => {
    let db: TestDatabase;
    let api: TestServer;
    beforeAll(async () => {
      db = await createTestDatabase();
      api = await startTestServer(db, {
        NODE_ENV: 'production',
        GRAPHQL_INTROSPECTION: 'false',
        LOG_LEVEL: 'silent',
      });
    });
    afterAll(async () => {
      await api.close();
      await db.drop();
    });

    it('answers each without a validation or limit error', async () => {
      const problems: string[] = [];
      const cycle = await api.query(`{ cycle(code: "2024") { id } }`);
      const operations: ClientOperation[] = [
        ...all,
        {
          source: 'results page matrix',
          query: RESULTS_MATRIX_QUERY,
          variables: { cycleId: cycle.data?.cycle.id, areaCode: null },
        },
      ];
      let sent = 0;
      // A published assessment of a NUMBER indicator, as the results page picks one for its breakdown.
      const matrix = await api.query(RESULTS_MATRIX_QUERY, { cycleId: cycle.data?.cycle.id, areaCode: null });
      const numberRow = matrix.data?.comparison.rows.find(
        (r: { indicator: { answerType: string }; cells: Array<{ assessmentId: string | null }> }) =>
          r.indicator.answerType === 'NUMBER' && r.cells.some((c) => c.assessmentId),
      );
      const known: Record<string, unknown> = {
        '<CYCLE>': cycle.data?.cycle.id,
        '<ASSESSMENT>': numberRow?.cells.find((c: { assessmentId: string | null }) => c.assessmentId)
          ?.assessmentId,
      };
      for (const operation of operations) {
        const placeholders = JSON.stringify(operation.variables ?? {}).match(/<\w+>/g) ?? [];
        if (placeholders.some((p) => known[p] === undefined)) continue;
        const variables = JSON.parse(JSON.stringify(operation.variables ?? null), (_key, value) =>
          typeof value === 'string' && value in known ? known[value] : value,
        ) as Record<string, unknown> | null;
        const needsVariables = /^\s*(query|mutation)[^{]*\(/.test(operation.query.replace(/^#.*$/gm, ''));
        if (needsVariables && !variables) continue;
        const document = withTypename(parse(operation.query));
        if (
          document.definitions.some(
            (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'subscription',
          )
        ) {
          // A subscription goes over WebSocket, as a client sends it: it must start listening, or be refused
          // for a sign-in.
          const live = liveClient(api);
          const before = api.server.liveSubscriptions();
          const subscription = subscribe(live, print(document), variables ?? {});
          const deadline = Date.now() + 10_000;
          while (api.server.liveSubscriptions() === before && subscription.received.length === 0) {
            if (Date.now() > deadline) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          const errors = subscription.received[0]?.errors ?? [];
          const listens = api.server.liveSubscriptions() > before;
          if (!listens && !errors.every((e) => e.extensions?.code === 'UNAUTHENTICATED'))
            problems.push(`${operation.source}: ${JSON.stringify(errors)}`);
          if (!listens && errors.length === 0) problems.push(`${operation.source}: did not start`);
          await live.dispose();
          sent += 1;
          continue;
        }
        const res = await api.query(print(document), variables ?? undefined);
        sent += 1;
        // A documented call that needs a sign-in may be refused for it; nothing else may go wrong.
        const unexpected = (res.errors ?? []).filter(
          (e) =>
            !['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(e.extensions?.code)) &&
            !(operation.showsError && e.extensions?.code === 'BAD_USER_INPUT' && !e.extensions?.setting),
        );
        if ((res.status !== 200 && !operation.showsError) || unexpected.length > 0)
          problems.push(`${operation.source}: ${res.status} ${JSON.stringify(res.errors)}`);
        const typenames = JSON.stringify(res.data ?? {}).match(/"__typename"/g)?.length ?? 0;
        if (res.data && Object.values(res.data).some((v) => v !== null) && typenames === 0)
          problems.push(`${operation.source}: no __typename in the answer`);
      }
      expect(problems).toEqual([]);
      // Only calls whose variables the page leaves to the reader (an id of their own) are not sent.
      expect(sent).toBeGreaterThanOrEqual(operations.length - 2);
    });
  });
});
