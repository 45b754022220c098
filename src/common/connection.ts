import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'Whether there are items after this page.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether there are items before this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return, from 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when omitted.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (an `endCursor`).',
  })
  after?: string | null;
}

/** A validated page request: skip `offset` items, return up to `limit`. */
export interface PageWindow {
  offset: number;
  limit: number;
}

export function encodeCursor(position: number): string {
  return Buffer.from(`o:${position}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match)
    throw badUserInput(`"${cursor.slice(0, 40)}" is not a cursor of this list.`, { argument: 'after' });
  return Number(match[1]);
}

export function pageWindow(args: PageArgs): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be from 1 to ${MAX_PAGE_SIZE}, got ${first}.`, { argument: 'first' });
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit: first };
}

export function sameWindow(a: PageWindow, b: PageWindow): boolean {
  return a.offset === b.offset && a.limit === b.limit;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  window: PageWindow;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The connection of a page. Its edges, page info and cursors are made only if the query asks for them: most
 * clients read `nodes`, and a nested list would otherwise make an edge and a cursor for every item of every page.
 */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  const { items, totalCount, window } = page;
  let edges: ConnectionShape<T>['edges'] | undefined;
  let pageInfo: PageInfo | undefined;
  return {
    get edges() {
      edges ??= items.map((node, index) => ({ cursor: encodeCursor(window.offset + index), node }));
      return edges;
    },
    get pageInfo() {
      pageInfo ??= Object.assign(new PageInfo(), {
        hasNextPage: window.offset + items.length < totalCount,
        hasPreviousPage: window.offset > 0,
        startCursor: items.length > 0 ? encodeCursor(window.offset) : null,
        endCursor: items.length > 0 ? encodeCursor(window.offset + items.length - 1) : null,
      });
      return pageInfo;
    },
    nodes: items,
    totalCount,
  };
}

/** Builds the `<Name>Connection` and `<Name>Edge` types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, nodeName: string, plural: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a page of a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of the item; pass it as `after` to continue after it.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node: T;
  }

  @ObjectType(`${nodeName}Connection`, { description: `A page of ${plural}.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of the page with their cursors.' })
    edges: Edge[];

    @Field(() => [nodeType], { description: 'The items of the page, for clients that need no cursors.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where the page sits in the whole list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has.' })
    totalCount: number;
  }
  return ConnectionType;
}
