/**
 * Related data fetched with a row, kept on the row itself. A field resolver that finds it there answers at once,
 * without a loader's promise: for a page of a hundred rows with their nested lists, the promises, microtasks
 * and cache keys of the loaders are much of the request's time. The key is a symbol, so nothing of it reaches
 * an answer or a saved entity.
 */
const PREFETCHED = Symbol('prefetched');

type Holder = { [PREFETCHED]?: Record<string, unknown> };

export function attachPrefetched(row: object, field: string, value: unknown): void {
  const holder = row as Holder;
  (holder[PREFETCHED] ??= {})[field] = value;
}

export function prefetched<T>(row: object, field: string): T | undefined {
  return (row as Holder)[PREFETCHED]?.[field] as T | undefined;
}
