import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
} from 'graphql';
import { pageWindow, type PageArgs, type PageWindow } from './connection';
import type {
  FieldNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLResolveInfo,
  GraphQLType,
  SelectionSetNode,
} from 'graphql';

/**
 * The argument sets with which the operation asks for a field below the one being resolved, reached by `path`
 * (field names, aliases aside) through fragments, with variables and `@skip`/`@include` applied. A resolver
 * uses it to fetch a nested list together with its parents, in the same statement.
 */
export function argumentsBelow(info: GraphQLResolveInfo, path: string[]): Array<Record<string, unknown>> {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  let type: GraphQLType = info.returnType;
  let field: GraphQLField<unknown, unknown> | undefined;
  for (const name of path) {
    const parent: GraphQLNamedType | undefined = getNamedType(type);
    if (!isObjectType(parent)) return [];
    field = parent.getFields()[name];
    if (!field) return [];
    nodes = nodes.flatMap((node) => (node.selectionSet ? fieldsNamed(info, node.selectionSet, name) : []));
    if (nodes.length === 0) return [];
    type = field.type;
  }
  const definition = field as GraphQLField<unknown, unknown>;
  return nodes.map((node) => getArgumentValues(definition, node, info.variableValues));
}

/**
 * The window in which the operation asks for `field` (a paged list) of every node of the connection being
 * resolved (through `nodes` or `edges { node }`), when it asks for it with one window; else null, and the
 * field is left to load on its own (an alias with other arguments, or arguments the field itself will refuse).
 */
export function nestedPageWindow(info: GraphQLResolveInfo, field: string): PageWindow | null {
  const asked = [
    ...argumentsBelow(info, ['nodes', field]),
    ...argumentsBelow(info, ['edges', 'node', field]),
  ];
  if (asked.length === 0) return null;
  try {
    const windows = asked.map((args) => pageWindow(args as PageArgs));
    const first = JSON.stringify(windows[0]);
    return windows.every((w) => JSON.stringify(w) === first) ? windows[0] : null;
  } catch {
    return null;
  }
}

function fieldsNamed(info: GraphQLResolveInfo, selectionSet: SelectionSetNode, name: string): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...fieldsNamed(info, selection.selectionSet, name));
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) found.push(...fieldsNamed(info, fragment.selectionSet, name));
    }
  }
  return found;
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}
