/**
 * What one request read that decides whether its response may be shared with other anonymous readers: the
 * published editions it was served from, or anything read live. The resolvers that read editions say so here;
 * the root fields the response cache accepts say when they were answered from live data instead.
 */
export class ResponseCacheScope {
  /** Edition id → its cycle id, for every edition whose content the response shows. */
  readonly editions = new Map<string, string>();
  private live = false;

  /** The response shows this edition's content. */
  usedEdition(editionId: string, cycleId: string): void {
    this.editions.set(editionId, cycleId);
  }

  /** The response shows data that may change without a new edition: it is never shared. */
  readLive(): void {
    this.live = true;
  }

  /** Whether some edition of the cycle was read by this request. */
  usedEditionOf(cycleId: string): boolean {
    for (const cycle of this.editions.values()) if (cycle === cycleId) return true;
    return false;
  }

  /** True when everything the response shows came from editions, and at least one was read. */
  get editionsOnly(): boolean {
    return !this.live && this.editions.size > 0;
  }
}
