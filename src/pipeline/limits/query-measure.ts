import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Page size counted for a connection whose `first` is not written in the query (the server's default). */
export const DEFAULT_PAGE_SIZE = 50;
/** Page size counted when `first` is a variable: validation runs before variables are known, so the largest. */
export const VARIABLE_PAGE_SIZE = 100;
/** Size counted for a plain list field. */
export const DEFAULT_LIST_SIZE = 10;
/** Sizes counted for named lists (`Type.field`), over the plain list's. */
export type ListSizes = Readonly<Record<string, number>>;

/** Lists known to be longer, or shorter, than a plain list. */
const LIST_SIZES: ListSizes = {
  'Comparison.rows': 100,
  'ComparisonRow.cells': 10,
  // As many as `nodes` takes (MAX_NODE_IDS).
  'Query.nodes': 100,
};

/** What an operation asks for, with its fragments expanded where they are spread. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  directives: number;
  /** Each field costs 1 times the sizes of the lists and pages above it. */
  cost: number;
}

const NOTHING: OperationMeasure = { depth: 0, aliases: 0, directives: 0, cost: 0 };

function isConnection(type: GraphQLNamedType | undefined): boolean {
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'nodes' in fields;
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent && parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function pageSize(node: FieldNode): number {
  const first = node.arguments?.find((a) => a.name.value === 'first')?.value;
  if (!first || first.kind === Kind.NULL) return DEFAULT_PAGE_SIZE;
  if (first.kind === Kind.VARIABLE) return VARIABLE_PAGE_SIZE;
  if (first.kind === Kind.INT) return Math.max(1, Number(first.value));
  // Any other literal is refused by validation; counting it as the default keeps the measure defined.
  return DEFAULT_PAGE_SIZE;
}

/** How many times the selections under a field run. */
function multiplier(
  parent: GraphQLNamedType | undefined,
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
  sizes: ListSizes,
) {
  if (isConnection(getNamedType(def.type))) return pageSize(node);
  // A connection's `nodes` and `edges` are the page its field already counted.
  if (isConnection(parent)) return 1;
  if (isListType(getNullableType(def.type))) {
    const name = `${parent?.name}.${def.name}`;
    return sizes[name] ?? LIST_SIZES[name] ?? DEFAULT_LIST_SIZE;
  }
  return 1;
}

/**
 * Measures the operations of one document. A fragment is measured once and reused wherever it is spread, so a
 * document that spreads fragments into each other exponentially is measured in linear time (its measure then
 * grows past every limit, as it should).
 */
class DocumentMeasurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measuredFragments = new Map<string, OperationMeasure>();
  private readonly inProgress = new Set<string>();
  private readonly measuredOperations = new Map<OperationDefinitionNode, OperationMeasure>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly sizes: ListSizes = {},
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  operation(node: OperationDefinitionNode): OperationMeasure {
    const known = this.measuredOperations.get(node);
    if (known) return known;
    const root =
      node.operation === 'query'
        ? this.schema.getQueryType()
        : node.operation === 'mutation'
          ? this.schema.getMutationType()
          : this.schema.getSubscriptionType();
    const body = this.selectionSet(node.selectionSet, root ?? undefined);
    const variableDirectives = (node.variableDefinitions ?? []).reduce(
      (sum, v) => sum + (v.directives?.length ?? 0),
      0,
    );
    const measure = {
      ...body,
      directives: body.directives + (node.directives?.length ?? 0) + variableDirectives,
    };
    this.measuredOperations.set(node, measure);
    return measure;
  }

  private selectionSet(set: SelectionSetNode, parent: GraphQLNamedType | undefined): OperationMeasure {
    const total = { ...NOTHING };
    for (const selection of set.selections) {
      let part: OperationMeasure;
      if (selection.kind === Kind.FIELD) {
        part = this.field(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        part = this.selectionSet(selection.selectionSet, condition ?? undefined);
      } else {
        part = this.fragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.directives += part.directives + (selection.directives?.length ?? 0);
      total.cost += part.cost;
    }
    return total;
  }

  private fragment(name: string): OperationMeasure {
    const known = this.measuredFragments.get(name);
    if (known) return known;
    const definition = this.fragments.get(name);
    // Unknown and cyclic fragments are refused by the standard rules; here they count for nothing.
    if (!definition || this.inProgress.has(name)) return NOTHING;
    this.inProgress.add(name);
    const type = this.schema.getType(definition.typeCondition.name.value) ?? undefined;
    const body = this.selectionSet(definition.selectionSet, type);
    this.inProgress.delete(name);
    const measure = { ...body, directives: body.directives + (definition.directives?.length ?? 0) };
    this.measuredFragments.set(name, measure);
    return measure;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined): OperationMeasure {
    const aliases = node.alias ? 1 : 0;
    // `__typename` is answered from the type already known, with no work: clients such as Apollo Client add it
    // to every selection, and it must not make a query costlier. An alias of it still counts as an alias.
    if (node.name.value === TypeNameMetaFieldDef.name) return { depth: 1, aliases, directives: 0, cost: 0 };
    if (!node.selectionSet) return { depth: 1, aliases, directives: 0, cost: 1 };
    const def = fieldDefinition(this.schema, parent, node.name.value);
    const child = this.selectionSet(node.selectionSet, def ? getNamedType(def.type) : undefined);
    // `ofType` unwraps a type reference (list of non-null of …): a chain of a few levels that cannot fan out,
    // which the standard introspection query nests deeper than any real query goes.
    const level = parent?.name === '__Type' && node.name.value === 'ofType' ? 0 : 1;
    return {
      depth: level + child.depth,
      aliases: aliases + child.aliases,
      directives: child.directives,
      cost: 1 + (def ? multiplier(parent, def, node, this.sizes) : 1) * child.cost,
    };
  }
}

const measurers = new WeakMap<DocumentNode, DocumentMeasurer>();

/** The measure of an operation; the four rules share one measurement of each document. */
export function measureOperation(
  context: ValidationContext,
  node: OperationDefinitionNode,
): OperationMeasure {
  const document = context.getDocument();
  let measurer = measurers.get(document);
  if (!measurer) {
    measurer = new DocumentMeasurer(context.getSchema(), document);
    measurers.set(document, measurer);
  }
  return measurer.operation(node);
}

/**
 * The estimated cost of an operation, as validation measured it (the measurement is shared), for the plugins
 * that act on it after validation, which Apollo skips for a document it has validated before. With `sizes`, the
 * lists they name count as long as that (each new `sizes` object measures the document again).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  sizes?: ListSizes,
): number {
  if (sizes) {
    let sized = sizedMeasurers.get(document);
    if (!sized || sized.sizes !== sizes) {
      sized = { sizes, measurer: new DocumentMeasurer(schema, document, sizes) };
      sizedMeasurers.set(document, sized);
    }
    return sized.measurer.operation(operation).cost;
  }
  let measurer = measurers.get(document);
  if (!measurer) {
    measurer = new DocumentMeasurer(schema, document);
    measurers.set(document, measurer);
  }
  return measurer.operation(operation).cost;
}

const sizedMeasurers = new WeakMap<DocumentNode, { sizes: ListSizes; measurer: DocumentMeasurer }>();
