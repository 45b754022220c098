import DataLoader from 'dataloader';
import type { Page, PageWindow } from './connection';
import { emptyPage } from './paging';

/** Loads records by a unique key in one statement per batch; a missing key resolves to null. */
export function uniqueLoader<K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => string,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((value) => [keyOf(value), value]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Loads all records sharing a key (e.g. the countries of an organisation) in one statement per batch. */
export function groupLoader<K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => string,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const byKey = new Map<string, V[]>();
    for (const value of await fetch(keys)) {
      const key = keyOf(value);
      const list = byKey.get(key);
      if (list) list.push(value);
      else byKey.set(key, [value]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

export interface PageRequest<A> {
  key: string;
  filter: A;
  window: PageWindow;
}

/**
 * Loads one page of a nested list per parent. Requests with the same filter and window are fetched together in
 * one statement, so the statement count grows with the number of distinct argument sets in the query, not rows.
 */
export function pageLoader<A, E>(
  fetch: (keys: string[], filter: A, window: PageWindow) => Promise<Map<string, Page<E>>>,
): DataLoader<PageRequest<A>, Page<E>, string> {
  return new DataLoader<PageRequest<A>, Page<E>, string>(
    async (requests) => {
      const groups = new Map<string, PageRequest<A>[]>();
      for (const request of requests) {
        const signature = JSON.stringify([request.filter, request.window]);
        const group = groups.get(signature);
        if (group) group.push(request);
        else groups.set(signature, [request]);
      }
      const results = new Map<PageRequest<A>, Page<E>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const keys = [...new Set(group.map((r) => r.key))];
          const pages = await fetch(keys, group[0].filter, group[0].window);
          for (const request of group)
            results.set(request, pages.get(request.key) ?? emptyPage<E>(request.window));
        }),
      );
      return requests.map((request) => results.get(request) as Page<E>);
    },
    { cacheKeyFn: (request) => JSON.stringify([request.key, request.filter, request.window]) },
  );
}
