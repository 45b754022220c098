import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RequestContext } from '../../common/context';
import { loginKeys, RATE_LIMITED, type RateLimiter } from './rate-limit';

// A symbol property, as Apollo hands plugins a shallow copy of the context (which copies it along).
const CALLER_ADDRESS = Symbol('callerAddress');

/** Records on a request's context the address its caller is counted under. */
export function setCallerAddress(context: object, address: string): void {
  Object.defineProperty(context, CALLER_ADDRESS, { value: address, enumerable: true });
}

function callerAddress(context: object): string {
  return (context as { [CALLER_ADDRESS]?: string })[CALLER_ADDRESS] ?? 'unknown';
}

/** The `login` fields an operation runs, by response key: one per alias, however often a fragment repeats it. */
function loginFields(operation: OperationDefinitionNode, document: DocumentNode): Map<string, FieldNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const found = new Map<string, FieldNode>();
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === 'login') found.set(selection.alias?.value ?? 'login', selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        }
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return found;
}

/** The e-mail address a `login` field tries, written inline or passed in variables; null when it has none. */
function emailOf(
  schema: GraphQLSchema,
  field: FieldNode,
  variables: Record<string, unknown> | undefined,
): string | null {
  const argument = field.arguments?.find((a) => a.name.value === 'input');
  const definition = schema
    .getMutationType()
    ?.getFields()
    .login?.args.find((a) => a.name === 'input');
  if (!argument || !definition) return null;
  const value = valueFromAST(argument.value, definition.type, variables) as { email?: unknown } | undefined;
  return typeof value?.email === 'string' ? value.email : null;
}

/**
 * Holds `login` to LOGIN_RATE_LIMIT attempts per window, per caller address and per e-mail address, against
 * password guessing. Every attempt counts while it runs, so a burst of parallel guesses is refused as well; an
 * attempt that signs in is taken back, so only failures add up. Each aliased `login` is an attempt of its own.
 */
export function loginRateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<RequestContext> {
  const { settings } = limiter;
  return {
    async requestDidStart() {
      let attempts: Array<{ responseKey: string; keys: string[] }> = [];
      let viewerBefore: unknown;
      return {
        async didResolveOperation({ operation, document, request, contextValue, schema }) {
          if (settings.login <= 0 || operation?.operation !== 'mutation') return;
          const fields = loginFields(operation, document);
          if (fields.size === 0) return;
          const address = callerAddress(contextValue);
          viewerBefore = contextValue.viewer;
          let retryAfter = 0;
          const counted: string[] = [];
          for (const [responseKey, field] of fields) {
            const keys = loginKeys(address, emailOf(schema, field, request.variables));
            attempts.push({ responseKey, keys });
            for (const key of keys) {
              const decision = await limiter.take(key, settings.login, settings.loginWindowSeconds);
              counted.push(key);
              if (!decision.allowed) retryAfter = Math.max(retryAfter, decision.retryAfterSeconds);
            }
          }
          if (retryAfter === 0) return;
          // Nothing runs, so nothing was attempted.
          attempts = [];
          await Promise.all(counted.map((key) => limiter.refund(key)));
          throw new GraphQLError(
            `Too many sign-in attempts: at most ${settings.login} per ${settings.loginWindowSeconds} seconds for ` +
              `one address or one e-mail address (setting LOGIN_RATE_LIMIT). Try again in ${retryAfter} seconds.`,
            {
              extensions: {
                code: RATE_LIMITED,
                retryAfter,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
              },
            },
          );
        },
        async willSendResponse({ response, contextValue }) {
          if (attempts.length === 0) return;
          const body = response.body;
          const data = body.kind === 'single' ? body.singleResult.data : body.initialResult.data;
          // Signing in makes the rest of the request run as the new user; with one attempt that tells it worked.
          const signedIn = attempts.length === 1 && contextValue.viewer !== viewerBefore;
          const refunds = attempts
            .filter((a) => {
              const result = data?.[a.responseKey] as { token?: unknown } | null | undefined;
              return signedIn || typeof result?.token === 'string';
            })
            .flatMap((a) => a.keys);
          attempts = [];
          await Promise.all(refunds.map((key) => limiter.refund(key)));
        },
      };
    },
  };
}
