import { getIntrospectionQuery, parse, validate, type GraphQLError } from 'graphql';
import { ConfigError, loadConfig } from '../src/config';
import { queryLimitRules } from '../src/pipeline/limits/query-limits';
import { clientAddress } from '../src/pipeline/rate-limit/rate-limit';
import { MemoryCounterStore } from '../src/pipeline/rate-limit/rate-limit-store';
import { buildTypeSchema } from '../src/graphql/schema';

const defaults = loadConfig({}).graphql;
const schema = buildTypeSchema();

/** The limit errors of a query under the default limits, or under `limits` when given. */
function refusals(query: string, limits = defaults): readonly GraphQLError[] {
  return validate(schema, parse(query), queryLimitRules(limits));
}

/** The cost the default rules measure, read from a refusal under a maximum of 0. */
function cost(query: string): number {
  const errors = refusals(query, { ...defaults, maxCost: 0 }).filter(
    (e) => e.extensions.setting === 'GRAPHQL_MAX_COST',
  );
  return errors[0].extensions.actual as number;
}

function depth(query: string): number {
  const errors = refusals(query, { ...defaults, maxDepth: 1 });
  const error = errors.find((e) => e.extensions.setting === 'GRAPHQL_MAX_DEPTH');
  return error ? (error.extensions.actual as number) : 1;
}

describe('query limits', () => {
  it('has the documented defaults', () => {
    expect(defaults).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxDirectives: 20,
      maxTokens: 5000,
      maxBodyBytes: 100 * 1024,
      maxCost: 20_000_000,
      maxResultValues: 300_000,
      maxResponseBytes: 16 * 1024 * 1024,
      expensiveCost: 100_000,
      maxExpensiveConcurrent: 2,
      maxExpensiveWaiting: 16,
      introspection: true,
      persistedQueriesMaxBytes: 4 * 1024 * 1024,
      persistedQueriesRedisPrefix: 'indicators:apq:',
    });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x/y',
        DATABASE_APP_PASSWORD: 'y'.repeat(16),
        JWT_SECRET: 'x'.repeat(32),
      }).graphql.introspection,
    ).toBe(false);
  });

  // Every ```graphql block of README.md and docs/*.md is held to these limits by test/docs.test.ts.

  it('lets the standard introspection query through', () => {
    expect(refusals(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toEqual([]);
  });

  it('counts each field once per item of the pages and lists above it', () => {
    // countries: 1; code × 50 (no `first`)
    expect(cost(`{ countries { nodes { code } } }`)).toBe(1 + 50 * (1 + 1));
    expect(cost(`{ countries(first: 5) { totalCount nodes { code } } }`)).toBe(1 + 5 * (1 + 1 + 1));
    expect(cost(`query($n: Int) { countries(first: $n) { nodes { code } } }`)).toBe(1 + 100 * 2);
    // a plain list counts 10; the comparison's rows 100 and their cells 10
    expect(cost(`{ countries(first: 1) { nodes { organisations { name } } } }`)).toBe(
      1 + 1 * (1 + 1 + 10 * 1),
    );
    expect(cost(`query($c: ID!) { comparison(cycleId: $c) { rows { cells { score } } } }`)).toBe(
      1 + (1 + 100 * (1 + 10 * 1)),
    );
    // a fragment costs what its fields cost where it is spread
    expect(
      cost(
        `{ countries(first: 2) { nodes { ...C } } } fragment C on Country { code organisations { name } }`,
      ),
    ).toBe(1 + 2 * (1 + 1 + 1 + 10));
  });

  it('measures depth through fragments, but not along a type reference`s ofType chain', () => {
    expect(depth(`{ countries { nodes { code } } }`)).toBe(3);
    expect(
      depth(
        `{ ...Q } fragment Q on Query { countries { ...N } } fragment N on CountryConnection { nodes { code } }`,
      ),
    ).toBe(3);
    expect(depth(`{ __type(name: "Query") { ofType { ofType { ofType { ofType { name } } } } } }`)).toBe(2);
  });

  it('measures fragments spread into each other exponentially in linear time, and refuses them', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { a: __typename }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const started = Date.now();
    const errors = refusals(`{ ...F0 } ${fragments}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors.map((e) => e.extensions.setting)).toContain('GRAPHQL_MAX_ALIASES');
  });

  it('measures cyclic fragments without looping (the standard rules refuse them)', () => {
    const document = parse(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }`);
    expect(validate(schema, document, queryLimitRules(defaults))).toEqual([]);
  });

  it('counts directives anywhere in the operation, variables and fragments included', () => {
    const query = `query($a: Boolean = true @deprecated) @skip(if: false) { ...F @include(if: true) }
      fragment F on Query @include(if: true) { __typename @skip(if: false) }`;
    const errors = refusals(query, { ...defaults, maxDirectives: 4 });
    expect(errors.map((e) => e.message)).toEqual([
      'The operation uses 5 directives; the limit is 4 (setting GRAPHQL_MAX_DIRECTIVES).',
    ]);
  });
});

describe('rate-limit counters in memory', () => {
  it('starts a window at the first hit and forgets it when it ends', async () => {
    let now = 1_000_000;
    const store = new MemoryCounterStore(100, () => now);
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
    now += 59_000;
    expect(await store.hit('k', 60_000)).toEqual({ count: 2, resetInMs: 1000 });
    now += 1000;
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
  });

  it('takes a hit back without going below zero or starting a window', async () => {
    const store = new MemoryCounterStore(100, () => 0);
    await store.refund('new');
    expect(store.size).toBe(0);
    await store.hit('k', 1000);
    await store.refund('k');
    await store.refund('k');
    expect(await store.hit('k', 1000)).toEqual({ count: 1, resetInMs: 1000 });
  });

  it('holds at most its bound of counters, however many callers there are', async () => {
    let now = 0;
    const store = new MemoryCounterStore(100, () => now);
    let largest = 0;
    for (let i = 0; i < 10_000; i++) {
      now += 1;
      await store.hit(`ip:${i}`, 60_000);
      largest = Math.max(largest, store.size);
    }
    expect(largest).toBe(100);
    // The newest callers are still counted.
    expect((await store.hit('ip:9999', 60_000)).count).toBe(2);
  });
});

describe('caller addresses', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('counts %s as %s', (ip, expected) => {
    expect(clientAddress(ip)).toBe(expected);
  });
});

describe('security settings', () => {
  it('names every bad value', () => {
    let error: unknown;
    try {
      loadConfig({
        GRAPHQL_MAX_DEPTH: '0',
        GRAPHQL_MAX_COST: 'lots',
        GRAPHQL_INTROSPECTION: 'maybe',
        RATE_LIMIT_USER: '-1',
        LOGIN_RATE_LIMIT: '1.5',
        REDIS_URL: 'http://cache:6379',
        RATE_LIMIT_REDIS_PREFIX: 'with space',
        TRUST_PROXY: 'all',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    for (const name of [
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_COST',
      'GRAPHQL_INTROSPECTION',
      'RATE_LIMIT_USER',
      'LOGIN_RATE_LIMIT',
      'REDIS_URL',
      'RATE_LIMIT_REDIS_PREFIX',
      'TRUST_PROXY',
    ]) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it('has rate limits on by default', () => {
    expect(loadConfig({}).rateLimit).toEqual({
      windowSeconds: 60,
      user: 600,
      apiKey: 1200,
      imports: 30,
      ip: 300,
      login: 10,
      loginAccount: 100,
      loginAddress: 100,
      loginWindowSeconds: 900,
      redisUrl: null,
      redisPrefix: 'indicators:rate:',
      trustProxy: 0,
    });
  });
});
