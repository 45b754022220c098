import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { createCapturingLogger } from '../src/common/logger';
import { buildTypeSchema } from '../src/graphql/schema';
import { createServer, type AppServer } from '../src/server';
import { appDataSourceFor, TEST_APP_PASSWORD } from './support/app-role';
import { createTestDatabase, type TestDatabase } from './support/database';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './support/server';

/**
 * Every text a client can send in an argument, at any depth of the schema, is refused as BAD_USER_INPUT when it
 * holds a NUL or an unpaired surrogate or is longer than its scalar takes: never a fault of the server. The cases
 * are made from the schema itself, so a new argument is covered the day it is added.
 */

const LIMITS: Record<string, number> = { String: 100_000, ID: 100 };
const UUID = '00000000-0000-4000-8000-000000000000';

/** One place a String or ID sits in the arguments of a root field. */
interface TextPosition {
  root: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  argument: GraphQLArgument;
  /** Input object fields from the argument down to the text; `[]` steps into a list. */
  steps: string[];
  scalar: string;
}

function positionsIn(type: GraphQLInputType, steps: string[], seen: ReadonlySet<string>) {
  const found: Array<{ steps: string[]; scalar: string }> = [];
  if (isNonNullType(type)) return positionsIn(type.ofType, steps, seen);
  if (isListType(type)) return positionsIn(type.ofType, [...steps, '[]'], seen);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return found;
    for (const field of Object.values(type.getFields()))
      found.push(...positionsIn(field.type, [...steps, field.name], new Set([...seen, type.name])));
    return found;
  }
  if (type.name in LIMITS) found.push({ steps, scalar: type.name });
  return found;
}

function textPositions(): TextPosition[] {
  const schema = buildTypeSchema();
  const positions: TextPosition[] = [];
  for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const field of Object.values(root.getFields())) {
      for (const argument of field.args) {
        for (const { steps, scalar } of positionsIn(argument.type, [], new Set()))
          positions.push({ root, field, argument, steps, scalar });
      }
    }
  }
  return positions;
}

/** A value the type accepts: what the required fields of an input get besides the text under test. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return Object.fromEntries(required.map((f) => [f.name, placeholder(f.type)]));
  }
  if (isEnumType(type)) return type.getValues()[0].name;
  return { ID: UUID, String: 'x', Int: 1, Float: 1, Boolean: false }[type.name] ?? 'x';
}

/** The argument's value with `text` at `steps`, and every required field around it filled in. */
function valueWith(type: GraphQLInputType, steps: string[], text: string): unknown {
  if (isNonNullType(type)) return valueWith(type.ofType, steps, text);
  if (steps.length === 0) return text;
  const [step, ...rest] = steps;
  if (isListType(type)) return [valueWith(type.ofType, rest, text)];
  if (!isInputObjectType(type)) throw new Error(`cannot step into ${String(type)}`);
  return {
    ...(placeholder(type) as object),
    [step]: valueWith(type.getFields()[step].type, rest, text),
  };
}

/** A value written as a GraphQL literal; a string as JSON writes it, which GraphQL reads the same way. */
function literal(value: unknown, type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (isListType(type)) return `[${(value as unknown[]).map((v) => literal(v, type.ofType)).join(', ')}]`;
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const entries = Object.entries(value as Record<string, unknown>);
    return `{ ${entries.map(([k, v]) => `${k}: ${literal(v, fields[k].type)}`).join(', ')} }`;
  }
  if (isEnumType(type)) return String(value);
  return JSON.stringify(value);
}

/** The error's `argument`: `input.narrative[0].text`. */
function pathOf(position: TextPosition): string {
  return position.steps.reduce(
    (path, step) => (step === '[]' ? `${path}[0]` : `${path}.${step}`),
    position.argument.name,
  );
}

/** The operation that sends `text` at the position, in variables or written inline. */
function operationFor(position: TextPosition, text: string, inline: boolean) {
  const { root, field } = position;
  const keyword = root.name === 'Mutation' ? 'mutation' : 'query';
  const values = new Map(
    field.args
      .filter((a) => a === position.argument || (isNonNullType(a.type) && a.defaultValue === undefined))
      .map((a) => [
        a,
        a === position.argument ? valueWith(a.type, position.steps, text) : placeholder(a.type),
      ]),
  );
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const args = [...values].map(([a, v]) => `${a.name}: ${inline ? literal(v, a.type) : `$${a.name}`}`);
  const definitions = inline
    ? ''
    : `(${[...values.keys()].map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})`;
  return {
    query: `${keyword} Probe${definitions} { ${field.name}(${args.join(', ')})${selection} }`,
    variables: inline ? undefined : Object.fromEntries([...values].map(([a, v]) => [a.name, v])),
  };
}

describe('text in arguments and route parameters', () => {
  let db: TestDatabase;
  let app: DataSource;
  let server: AppServer;
  let origin: string;
  let lines: Array<Record<string, unknown>>;
  let admin: Record<string, string>;

  async function post(body: { query: string; variables?: unknown }) {
    const res = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: any[] } };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    // Warnings and errors only: a fault of the server is an `error` line, a failed request a `warn` line.
    const captured = createCapturingLogger('warn');
    lines = captured.lines;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      PORT: '0',
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_APP_PASSWORD: TEST_APP_PASSWORD,
      RATE_LIMIT_USER: '0',
      RATE_LIMIT_IP: '0',
      LOGIN_RATE_LIMIT: '0',
      LOGIN_RATE_LIMIT_ACCOUNT: '0',
      LOGIN_RATE_LIMIT_ADDRESS: '0',
    });
    app = await appDataSourceFor(db.url);
    server = await createServer(config, app, captured.logger);
    origin = `http://127.0.0.1:${await server.listen(0)}`;
    admin = {};
    const login = await post({
      query: `mutation($input: LoginInput!) { login(input: $input) { token } }`,
      variables: { input: { email: 'admin@demo.example', password: DEMO_PASSWORD } },
    });
    admin = { authorization: `Bearer ${(login.body.data as { login: { token: string } }).login.token}` };
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
    await db.drop();
  });

  it('refuses a NUL, an unpaired surrogate and an over-long text in every String and ID argument', async () => {
    const positions = textPositions();
    // Every root field that takes text is covered, the inputs' fields included.
    expect(positions.length).toBeGreaterThan(100);
    const cases = positions.flatMap((position) => {
      const tooLong = 'a'.repeat(LIMITS[position.scalar] + 1);
      return [
        { position, label: 'NUL in variables', ...operationFor(position, 'a\u0000b', false) },
        { position, label: 'NUL inline', ...operationFor(position, 'a\u0000b', true) },
        { position, label: 'lone surrogate in variables', ...operationFor(position, 'a\ud800b', false) },
        { position, label: 'lone low surrogate in variables', ...operationFor(position, '\udc00', false) },
        { position, label: 'over-long in variables', ...operationFor(position, tooLong, false) },
        { position, label: 'over-long inline', ...operationFor(position, tooLong, true) },
      ];
    });
    const wrong: unknown[] = [];
    for (let i = 0; i < cases.length; i += 8) {
      await Promise.all(
        cases.slice(i, i + 8).map(async ({ position, label, query, variables }) => {
          const res = await post({ query, variables });
          const error = res.body.errors?.[0];
          const where = `${position.root.name}.${position.field.name}(${pathOf(position)})`;
          const ok =
            res.status === 400 &&
            res.body.data === undefined &&
            res.body.errors?.length === 1 &&
            error.extensions?.code === 'BAD_USER_INPUT' &&
            error.extensions?.argument === pathOf(position) &&
            error.message.includes(`field "${position.root.name}.${position.field.name}"`);
          if (!ok) wrong.push({ where, label, status: res.status, errors: res.body.errors?.slice(0, 1) });
        }),
      );
    }
    expect(wrong).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('says what is wrong, and reads nested fields, fragments and variable defaults', async () => {
    const nested = await post({
      query: `{ cycles { nodes { assessments(countryCode: "R\\u0000S") { totalCount } } } }`,
    });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toMatchObject([
      {
        message:
          'Argument "countryCode" of field "MonitoringCycle.assessments" holds a NUL character (U+0000), which text may not contain.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'countryCode' },
      },
    ]);
    const fragment = await post({
      query: `query { ...Reads } fragment Reads on Query { country(code: "\\u0000") { code } }`,
    });
    expect(fragment.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
    const byDefault = await post({
      query: `query($code: String! = "R\\u0000") { country(code: $code) { code } }`,
    });
    expect(byDefault.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
    const long = await post({
      query: `query($ids: [ID!]) { comparison(cycleId: "${UUID}", indicatorIds: $ids) { rows { __typename } } }`,
      variables: { ids: [UUID, 'a'.repeat(101)] },
    });
    expect(long.body.errors).toMatchObject([
      {
        message: 'Argument "indicatorIds[1]" of field "Query.comparison" is longer than 100 characters.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'indicatorIds[1]' },
      },
    ]);
    const surrogate = await post({
      query: `query($code: String!) { country(code: $code) { code } }`,
      variables: { code: '\ud800' },
    });
    expect(surrogate.body.errors?.[0].message).toBe(
      'Argument "code" of field "Query.country" holds an unpaired UTF-16 surrogate (U+D800 to U+DFFF): send text as valid Unicode.',
    );
    // An unpaired surrogate cannot be written inline at all: the document does not parse.
    const inline = await post({ query: `{ country(code: "\\ud800") { code } }` });
    expect(inline.status).toBe(400);
    expect(inline.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(lines).toEqual([]);
  });

  it('lets through text at the limit and characters outside the Basic Multilingual Plane', async () => {
    for (const code of ['a'.repeat(100_000), '2025 😀', 'Србија – Srbija']) {
      const res = await post({
        query: `query($code: String) { cycle(code: $code) { code } }`,
        variables: { code },
      });
      expect([code.slice(0, 20), res.status, res.body]).toEqual([
        code.slice(0, 20),
        200,
        { data: { cycle: null } },
      ]);
    }
  });

  it('refuses a NUL or an unpaired surrogate in the parameters and ids of the plain routes with 400', async () => {
    const requests: Array<[string, string]> = [
      ['GET', `/exports/assessments.csv?cycleId=${UUID}&countryCode=R%00S`],
      ['GET', `/exports/comparison.xlsx?cycleId=${UUID}&areaCode=P%00`],
      ['GET', `/exports/framework.csv?frameworkVersionId=%00`],
      ['GET', '/evidence/%00/file'],
      ['GET', '/evidence/%ED%A0%80/file'],
      ['DELETE', '/evidence/%ED%B0%80/file'],
      ['PUT', `/evidence/${UUID}/file?filename=a%00.pdf`],
      ['POST', `/imports/framework-version?frameworkId=${UUID}&label=2026%00`],
      ['POST', `/imports/assessments?cycleId=${UUID}&countryCode=R%00S`],
    ];
    for (const [method, path] of requests) {
      const res = await fetch(`${origin}${path}`, {
        method,
        headers: { ...admin, 'content-type': 'text/csv' },
        body: method === 'GET' || method === 'DELETE' ? undefined : 'code\n',
      });
      const text = await res.text();
      expect([method, path, res.status, text]).toEqual([
        method,
        path,
        400,
        expect.stringMatching(/^\{"error":\{"code":"BAD_USER_INPUT","message":".+"\}\}$/),
      ]);
    }
    expect(lines).toEqual([]);
  });
});
