import type { ApolloServerPlugin } from '@apollo/server';
import {
  defaultFieldResolver,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { RequestContext } from '../../common/context';
import { ErrorCode } from '../../common/errors';

/**
 * The static cost of query-measure.ts is an estimate made before anything runs: it cannot know how long a list
 * really is, nor how long its texts are, so an operation well under GRAPHQL_MAX_COST can still produce tens of
 * megabytes. These bounds hold what one query actually produces:
 * - while it runs, every list that resolves adds its items × the fields asked of each item to the request's
 *   count of values; past GRAPHQL_MAX_RESULT_VALUES every later list fails at once, so a runaway query stops
 *   after the first list that crossed the line instead of filling memory to the end;
 * - before it is sent, the answer's size is added up without serialising it; past GRAPHQL_MAX_RESPONSE_BYTES
 *   the answer is replaced by one error, so the megabytes of JSON are never built.
 * Mutations are not bounded: their payloads are small, and a refusal after the commit would hide a saved change.
 */
export interface AnswerBoundSettings {
  maxResultValues: number;
  maxResponseBytes: number;
}

interface Tally {
  values: number;
  limit: number;
  refusal: GraphQLFormattedError | null;
}

// Kept beside the request's context rather than on it: a list is counted only for a request that the plugin
// below began a tally for, so the same resolvers serve every server of a process, each with its own limit.
const tallies = new WeakMap<object, Tally>();
const WRAPPED = Symbol('counted list');

/** The fields asked of each item of a list (through fragments), at least one: a list of scalars is one each. */
const fieldsPerItemCache = new WeakMap<FieldNode, number>();
function fieldsPerItem(info: GraphQLResolveInfo): number {
  const node = info.fieldNodes[0];
  let known = fieldsPerItemCache.get(node);
  if (known === undefined) {
    known = 0;
    for (const fieldNode of info.fieldNodes) {
      if (fieldNode.selectionSet) known += countFields(info, fieldNode.selectionSet, new Set());
    }
    known = Math.max(1, known);
    fieldsPerItemCache.set(node, known);
  }
  return known;
}

function countFields(info: GraphQLResolveInfo, set: SelectionSetNode, seen: Set<string>): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      count += countFields(info, selection.selectionSet, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      if (fragment) count += countFields(info, fragment.selectionSet, seen);
    }
  }
  return count;
}

function refusal(message: string, setting: string, limit: number): GraphQLFormattedError {
  return { message, extensions: { code: ErrorCode.BAD_USER_INPUT, setting, limit } };
}

function tooManyValues(limit: number): GraphQLFormattedError {
  return refusal(
    `The answer would hold more than ${limit} values (setting GRAPHQL_MAX_RESULT_VALUES): ask for smaller ` +
      `pages, fewer nested lists or fewer fields.`,
    'GRAPHQL_MAX_RESULT_VALUES',
    limit,
  );
}

/** The error a list field fails with once the answer is refused (the whole answer is replaced by it anyway). */
function refused(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, { extensions: error.extensions });
}

/**
 * Counts, on every list field of the schema, introspection's included, what the list adds to the answer.
 * Fields whose type is not a list are left as they are (most of an answer), so plain fields keep being read as
 * plain properties. Introspection's types are graphql-js's own, shared by every schema of the process: their
 * lists are wrapped once, and count only within a request that has a tally.
 */
export function countListValues(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      if ((resolve as { [WRAPPED]?: true })[WRAPPED]) continue;
      const counted = (source: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo) => {
        const tally = typeof context === 'object' && context !== null ? tallies.get(context) : undefined;
        if (!tally || info.operation.operation !== 'query')
          return resolve(source, args as never, context, info);
        if (tally.refusal) throw refused(tally.refusal);
        const add = (value: unknown) => {
          if (Array.isArray(value)) {
            tally.values += value.length * fieldsPerItem(info);
            if (tally.values > tally.limit) {
              tally.refusal = tooManyValues(tally.limit);
              throw refused(tally.refusal);
            }
          }
          return value;
        };
        const value = resolve(source, args as never, context, info);
        return value instanceof Promise ? value.then(add) : add(value);
      };
      (counted as { [WRAPPED]?: true })[WRAPPED] = true;
      field.resolve = counted as typeof field.resolve;
    }
  }
  return schema;
}

/**
 * JSON characters of `value` (UTF-16 units, near enough to bytes for a bound), stopping once past `limit`. It
 * walks every answer that leaves, so it allocates nothing per value: keys are visited with `for…in`, and only a
 * number that is not a small integer is turned into text to be measured.
 */
export function jsonLengthAtMost(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const next = stack.pop();
    if (typeof next === 'object' && next !== null) {
      if (Array.isArray(next)) {
        // Brackets, and a comma between items.
        total += 1 + Math.max(next.length, 1);
        for (let i = 0; i < next.length; i++) total += primitiveLength(next[i], stack);
      } else {
        // Braces, and per member its quoted key, a colon and a comma (one comma fewer than members).
        total += 1;
        let members = 0;
        const record = next as Record<string, unknown>;
        for (const key in record) {
          if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
          members += 1;
          total += key.length + 4 + primitiveLength(record[key], stack);
        }
        if (members === 0) total += 1;
      }
    } else total += primitiveLength(next, stack);
  }
  return total;
}

/** The length of a value that is not an object or array; those are pushed to be walked, and count 0 here. */
function primitiveLength(value: unknown, stack: unknown[]): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'boolean':
      return value ? 4 : 5;
    case 'number':
      return Number.isInteger(value) && value >= 0 && value < 1e9 ? digits(value) : String(value).length;
    case 'object':
      stack.push(value);
      return 0;
    default:
      return String(value).length;
  }
}

function digits(n: number): number {
  let count = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    count += 1;
  }
  return count;
}

/** Replaces an answer that crossed a bound by that bound's error alone, with status 400. */
export function answerBoundsPlugin(settings: AnswerBoundSettings): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      tallies.set(contextValue, { values: 0, limit: settings.maxResultValues, refusal: null });
      return {
        async willSendResponse({ response, contextValue, operation }) {
          if (response.body.kind !== 'single' || operation?.operation !== 'query') {
            tallies.delete(contextValue);
            return;
          }
          const result = response.body.singleResult;
          let error = tallies.get(contextValue)?.refusal ?? null;
          tallies.delete(contextValue);
          if (
            !error &&
            result.data &&
            jsonLengthAtMost(result.data, settings.maxResponseBytes) > settings.maxResponseBytes
          ) {
            error = refusal(
              `The answer would be larger than ${settings.maxResponseBytes} bytes (setting ` +
                `GRAPHQL_MAX_RESPONSE_BYTES): ask for smaller pages, fewer nested lists or fewer fields.`,
              'GRAPHQL_MAX_RESPONSE_BYTES',
              settings.maxResponseBytes,
            );
          }
          if (!error) return;
          response.body.singleResult = { errors: [error] };
          response.http.status = 400;
        },
      };
    },
  };
}
