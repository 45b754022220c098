import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
} from 'graphql';
import { pageWindow, type PageArgs, type PageWindow } from '../connection';
import type {
  FieldNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLResolveInfo,
  GraphQLType,
  SelectionSetNode,
} from 'graphql';

/** The field nodes the operation has at `path` below the field being resolved, through fragments. */
function fieldNodesBelow(info: GraphQLResolveInfo, path: string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    nodes = nodes.flatMap((node) => (node.selectionSet ? fieldsNamed(info, node.selectionSet, name) : []));
    if (nodes.length === 0) return [];
  }
  return [...nodes];
}

function fieldDefinitionAt(info: GraphQLResolveInfo, path: string[]): GraphQLField<unknown, unknown> | null {
  let type: GraphQLType = info.returnType;
  let field: GraphQLField<unknown, unknown> | undefined;
  for (const name of path) {
    const parent: GraphQLNamedType | undefined = getNamedType(type);
    if (!isObjectType(parent)) return null;
    field = parent.getFields()[name];
    if (!field) return null;
    type = field.type;
  }
  return field ?? null;
}

/** The field nodes of `field` on every node of the connection being resolved: `nodes` and `edges { node }`. */
function onEveryNode(info: GraphQLResolveInfo, field: string): FieldNode[] {
  return [...fieldNodesBelow(info, ['nodes', field]), ...fieldNodesBelow(info, ['edges', 'node', field])];
}

/** The names of the fields selected on `nodes`, all together, without `__typename`; null when there are none. */
function namesSelectedOn(info: GraphQLResolveInfo, nodes: FieldNode[]): Set<string> | null {
  if (nodes.length === 0) return null;
  const names = new Set<string>();
  for (const node of nodes) if (node.selectionSet) collectNames(info, node.selectionSet, names);
  names.delete('__typename');
  return names;
}

/**
 * The window in which the operation asks for `field` (a paged list) of every node of the connection being
 * resolved (through `nodes` or `edges { node }`), when it asks for it with one window; else null, and the
 * field is left to load on its own (an alias with other arguments, or arguments the field itself will refuse).
 */
export function nestedPageWindow(info: GraphQLResolveInfo, field: string): PageWindow | null {
  // Variables resolved and `@skip`/`@include` applied, as graphql-js reads the arguments of each field node.
  const definition = fieldDefinitionAt(info, ['nodes', field]);
  const asked = definition
    ? onEveryNode(info, field).map((node) => getArgumentValues(definition, node, info.variableValues))
    : [];
  if (asked.length === 0) return null;
  try {
    const windows = asked.map((args) => pageWindow(args as PageArgs));
    const first = JSON.stringify(windows[0]);
    return windows.every((w) => JSON.stringify(w) === first) ? windows[0] : null;
  } catch {
    return null;
  }
}

/**
 * The names of the fields the operation selects on the items of the nested list `field` of every node of the
 * connection being resolved (through `nodes` or `edges { node }` at both levels), all its aliases together; null
 * when it does not ask for the list.
 */
export function nestedNodeFields(info: GraphQLResolveInfo, field: string): Set<string> | null {
  const lists = onEveryNode(info, field);
  if (lists.length === 0) return null;
  const items = lists.flatMap((list) => {
    if (!list.selectionSet) return [];
    const edges = fieldsNamed(info, list.selectionSet, 'edges');
    return [
      ...fieldsNamed(info, list.selectionSet, 'nodes'),
      ...edges.flatMap((edge) => (edge.selectionSet ? fieldsNamed(info, edge.selectionSet, 'node') : [])),
    ];
  });
  return namesSelectedOn(info, items) ?? new Set();
}

/**
 * The names of the fields the operation selects on `field` (an object) of every node of the connection being
 * resolved, all its aliases together; null when it does not ask for it.
 */
export function nodeFieldsOf(info: GraphQLResolveInfo, field: string): Set<string> | null {
  return namesSelectedOn(info, onEveryNode(info, field));
}

function collectNames(info: GraphQLResolveInfo, selectionSet: SelectionSetNode, names: Set<string>): void {
  for (const selection of selectionSet.selections) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectNames(info, selection.selectionSet, names);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collectNames(info, fragment.selectionSet, names);
    }
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
