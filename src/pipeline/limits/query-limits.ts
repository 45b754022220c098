import { GraphQLError, Kind, type GraphQLFormattedError, type ValidationRule } from 'graphql';
import type { GraphQLLimits } from '../../config';
import { ErrorCode } from '../../common/errors';
import {
  DEFAULT_PAGE_SIZE,
  measureOperation,
  VARIABLE_PAGE_SIZE,
  type OperationMeasure,
} from './query-measure';
import { oneSensitiveMutation, SensitiveMutationError } from './sensitive-mutations';

/** A request refused for exceeding a limit; reported to the client as BAD_USER_INPUT. */
export class QueryLimitError extends GraphQLError {
  constructor(message: string, setting: string, maximum: number, actual: number) {
    super(message, {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        setting,
        maximum,
        actual: Number.isFinite(actual) ? actual : null,
      },
    });
    this.name = 'QueryLimitError';
  }
}

/**
 * Measures every operation when validation enters the document, before any rule looks at what is inside it: a
 * refusal comes first however many errors the standard rules find below, and the answer keeps only the refusal
 * (validation-errors.ts).
 */
function limitRule(
  pick: (measure: OperationMeasure) => number,
  maximum: number,
  refusal: (actual: number) => QueryLimitError,
): ValidationRule {
  return (context) => ({
    Document(document) {
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const actual = pick(measureOperation(context, definition));
        if (actual > maximum) context.reportError(refusal(actual));
      }
    },
  });
}

function shown(value: number): string {
  return Number.isFinite(value) ? String(value) : 'too large to count';
}

/**
 * Validation rules that refuse an operation too deep, too aliased, with too many directives or too costly, or
 * that runs more than one sensitive mutation (sensitive-mutations.ts).
 */
export function queryLimitRules(limits: GraphQLLimits): ValidationRule[] {
  return [
    oneSensitiveMutation,
    limitRule(
      (m) => m.depth,
      limits.maxDepth,
      (actual) =>
        new QueryLimitError(
          `The operation nests fields ${actual} levels deep; the limit is ${limits.maxDepth} (setting GRAPHQL_MAX_DEPTH).`,
          'GRAPHQL_MAX_DEPTH',
          limits.maxDepth,
          actual,
        ),
    ),
    limitRule(
      (m) => m.aliases,
      limits.maxAliases,
      (actual) =>
        new QueryLimitError(
          `The operation uses ${shown(actual)} aliases (__typename included); the limit is ${limits.maxAliases} ` +
            `(setting GRAPHQL_MAX_ALIASES).`,
          'GRAPHQL_MAX_ALIASES',
          limits.maxAliases,
          actual,
        ),
    ),
    limitRule(
      (m) => m.directives,
      limits.maxDirectives,
      (actual) =>
        new QueryLimitError(
          `The operation uses ${shown(actual)} directives; the limit is ${limits.maxDirectives} ` +
            `(setting GRAPHQL_MAX_DIRECTIVES).`,
          'GRAPHQL_MAX_DIRECTIVES',
          limits.maxDirectives,
          actual,
        ),
    ),
    limitRule(
      (m) => m.cost,
      limits.maxCost,
      (actual) =>
        new QueryLimitError(
          `The operation's estimated cost is ${shown(actual)}; the limit is ${limits.maxCost} (setting ` +
            `GRAPHQL_MAX_COST). Each field counts once per item of the lists above it (a connection counts its ` +
            `\`first\`, ${DEFAULT_PAGE_SIZE} when omitted, ${VARIABLE_PAGE_SIZE} when a variable): ask for smaller ` +
            `pages or fewer nested lists.`,
          'GRAPHQL_MAX_COST',
          limits.maxCost,
          actual,
        ),
    ),
  ];
}

const TOO_MANY_TOKENS = /Document contains more tha[nt] \d+ tokens/;

/**
 * Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED and the parser's token limit as a syntax
 * error; a limit is the client's to respect, so both become BAD_USER_INPUT naming the setting. Null when the
 * error is not about a limit.
 */
export function limitErrorFor(
  formatted: GraphQLFormattedError,
  error: unknown,
  limits: Pick<GraphQLLimits, 'maxTokens'>,
): GraphQLFormattedError | null {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof QueryLimitError || original instanceof SensitiveMutationError) {
    return {
      message: original.message,
      locations: formatted.locations,
      extensions: { ...original.extensions },
    };
  }
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message)) {
    return {
      message: `The query has more than ${limits.maxTokens} tokens; the limit is ${limits.maxTokens} (setting GRAPHQL_MAX_TOKENS).`,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        setting: 'GRAPHQL_MAX_TOKENS',
        maximum: limits.maxTokens,
      },
    };
  }
  return null;
}
