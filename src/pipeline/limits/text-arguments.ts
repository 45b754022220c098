import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import type { RequestContext } from '../../common/context';
import { ErrorCode } from '../../common/errors';
import { describeProblem, maxLengthOf, textProblem, type TextProblem } from './text-input';

/** Scalars whose values are never text: a string sent for one is refused by their own coercion. */
const NOT_TEXT = new Set(['Int', 'Float', 'Boolean']);

interface Found {
  /** Where the value sits in the argument: `input.narrative[0].text`. */
  path: string;
  problem: TextProblem;
  maxLength: number;
}

type Variables = Readonly<Record<string, unknown>> | undefined;

function nullableOf(type: GraphQLInputType): GraphQLInputType {
  return isNonNullType(type) ? type.ofType : type;
}

/** Every string inside a value of a scalar other than String and ID (a JSON scalar holds them at any depth). */
function scalarText(value: unknown, scalar: string, path: string): Found | null {
  if (typeof value === 'string') {
    const maxLength = maxLengthOf(scalar);
    const problem = textProblem(value, maxLength);
    return problem ? { path, problem, maxLength } : null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = scalarText(item, scalar, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** A value as the client sent it in `variables`, read with the type of the place it is used in. */
function checkValue(value: unknown, type: GraphQLInputType, path: string): Found | null {
  if (value === null || value === undefined) return null;
  const nullable = nullableOf(type);
  if (isListType(nullable)) {
    // A single value where a list is expected stands for a list of one, as in input coercion.
    if (!Array.isArray(value)) return checkValue(value, nullable.ofType, path);
    for (let i = 0; i < value.length; i++) {
      const found = checkValue(value[i], nullable.ofType, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    // Anything but an object, and fields the type does not have, are refused by input coercion.
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const found = fields[name] ? checkValue(item, fields[name].type, `${path}.${name}`) : null;
      if (found) return found;
    }
    return null;
  }
  if (isScalarType(nullable) && !NOT_TEXT.has(nullable.name)) return scalarText(value, nullable.name, path);
  return null;
}

/** A value written in the document; a variable in it is read from `variables`, else from its default. */
function checkLiteral(
  node: ValueNode,
  type: GraphQLInputType,
  path: string,
  variables: Variables,
  defaults: ReadonlyMap<string, ValueNode>,
): Found | null {
  const nullable = nullableOf(type);
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (variables && Object.hasOwn(variables, name)) return checkValue(variables[name], type, path);
      const fallback = defaults.get(name);
      return fallback ? checkLiteral(fallback, type, path, variables, defaults) : null;
    }
    case Kind.STRING:
      if (isListType(nullable)) return checkLiteral(node, nullable.ofType, path, variables, defaults);
      return isScalarType(nullable) && !NOT_TEXT.has(nullable.name)
        ? scalarText(node.value, nullable.name, path)
        : null;
    case Kind.LIST: {
      const itemType = isListType(nullable) ? nullable.ofType : nullable;
      for (let i = 0; i < node.values.length; i++) {
        const found = checkLiteral(node.values[i], itemType, `${path}[${i}]`, variables, defaults);
        if (found) return found;
      }
      return null;
    }
    case Kind.OBJECT: {
      const fields = isInputObjectType(nullable) ? nullable.getFields() : null;
      for (const field of node.fields) {
        // Inside a scalar (JSON), every field is read as that scalar.
        const fieldType = fields ? fields[field.name.value]?.type : isScalarType(nullable) ? nullable : null;
        if (!fieldType) continue;
        const found = checkLiteral(
          field.value,
          fieldType,
          `${path}.${field.name.value}`,
          variables,
          defaults,
        );
        if (found) return found;
      }
      return null;
    }
    default:
      return null;
  }
}

/** An argument the operation passes somewhere, in the order the document has them. */
interface ArgumentSite {
  node: ArgumentNode;
  type: GraphQLInputType;
  owner: string;
}

// The places depend on the document only, which Apollo keeps for the requests that repeat it: they are found
// once, and each request reads only its own variables at them.
const sitesOf = new WeakMap<OperationDefinitionNode, ArgumentSite[]>();

function argumentSites(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentSite[] {
  const known = sitesOf.get(operation);
  if (known) return known;
  const typeInfo = new TypeInfo(schema);
  const sites: ArgumentSite[] = [];
  const executed: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
  };
  visit(
    executed,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return false;
        const directive = typeInfo.getDirective();
        const field = typeInfo.getFieldDef();
        const owner = directive
          ? `directive "@${directive.name}"`
          : `field "${typeInfo.getParentType()?.name ?? '?'}.${field?.name ?? '?'}"`;
        sites.push({ node, type: argument.type, owner });
        return false;
      },
    }),
  );
  sitesOf.set(operation, sites);
  return sites;
}

/**
 * The first argument value of the operation that holds a NUL, an unpaired surrogate or more characters than its
 * scalar takes: in the fields and directives of the operation and of its fragments, written inline or passed
 * in variables (variable defaults included), at any depth of input objects and lists.
 */
export function findTextProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): (Found & { argument: string; owner: string }) | null {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  for (const site of argumentSites(schema, document, operation)) {
    const name = site.node.name.value;
    const found = checkLiteral(site.node.value, site.type, name, variables, defaults);
    if (found) return { ...found, argument: name, owner: site.owner };
  }
  return null;
}

/**
 * Refuses, before anything runs, an operation with an argument value that cannot be stored as text (see
 * text-input.ts), as BAD_USER_INPUT with HTTP 400 naming the argument and the place in it. Done here, once for
 * the whole schema, rather than in the scalars: the operation and its variables are both at hand, so a literal
 * and a variable get the same error code and the error can say which argument it is, and graphql's shared
 * String and ID scalars stay as they are.
 */
export function textArgumentsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const found = operation && findTextProblem(schema, document, operation, request.variables);
          if (!found) return;
          throw new GraphQLError(
            `Argument "${found.path}" of ${found.owner} ${describeProblem(found.problem, found.maxLength)}`,
            {
              extensions: {
                code: ErrorCode.BAD_USER_INPUT,
                argument: found.path,
                http: { status: 400 },
              },
            },
          );
        },
      };
    },
  };
}
