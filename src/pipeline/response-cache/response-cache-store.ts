/** A stored response: its body as sent, its validator and the publication state it was computed under. */
export interface CachedResponse {
  body: string;
  etag: string;
  /** The publication stamp read before the response was computed (see `PUBLICATION_STAMP_SQL`). */
  stamp: string;
  /** The editions it was served from, for the logs and the tests. */
  editions: string[];
}

export interface ResponseStoreLimits {
  maxEntries: number;
  maxBytes: number;
}

// Keys, the map's own bookkeeping and the entry object, counted as this many bytes on top of the body.
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * A least-recently-used store bounded by its number of entries and by the bytes of what it holds. A JavaScript
 * string costs up to two bytes a character, so the body is counted as such. An entry larger than a quarter of
 * the budget is not kept, so that one huge response cannot empty the store.
 */
export class ResponseStore {
  private readonly entries = new Map<string, { response: CachedResponse; bytes: number }>();
  private total = 0;

  constructor(private readonly limits: ResponseStoreLimits) {}

  get enabled(): boolean {
    return this.limits.maxBytes > 0 && this.limits.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: moving the entry to the end makes the first one the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.response;
  }

  set(key: string, response: CachedResponse): boolean {
    this.delete(key);
    const bytes = 2 * (response.body.length + response.stamp.length + key.length) + ENTRY_OVERHEAD_BYTES;
    if (!this.enabled || bytes > this.limits.maxBytes / 4) return false;
    this.entries.set(key, { response, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.total <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }
}
