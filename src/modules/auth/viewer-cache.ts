import { createHash } from 'node:crypto';
import type { Credential } from './authenticate';
import type { Viewer } from './viewer';

/**
 * Who a credential signed in as, remembered for a few seconds, so that a read can start before its sign-in has
 * answered. It is a guess, never a grant: the read's statements go out behind the same sign-in, which the
 * database checks again, and an answer whose sign-in is refused or names someone else is thrown away
 * (src/db/read-pipeline.ts). What the cache saves is the round trip of waiting for it.
 */
export class ViewerCache {
  private readonly entries = new Map<string, { viewer: Viewer; expires: number }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(credential: Credential): Viewer | undefined {
    const key = cacheKey(credential);
    if (!key) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.viewer;
  }

  set(credential: Credential, viewer: Viewer): void {
    const key = cacheKey(credential);
    if (!key || this.ttlMs <= 0) return;
    // Oldest first: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { viewer, expires: Date.now() + this.ttlMs });
  }

  forget(credential: Credential): void {
    const key = cacheKey(credential);
    if (key) this.entries.delete(key);
  }
}

/** A token is its user and token version (what its sign-in checks); an API key is kept only as its hash. */
function cacheKey(credential: Credential): string | null {
  if (credential.kind === 'token') return `u:${credential.claims.sub}:${credential.claims.ver}`;
  if (credential.kind === 'apiKey')
    return `k:${createHash('sha256').update(credential.key).digest('base64')}`;
  return null;
}

/** Whether two viewers are the same caller with the same grants. */
export function sameViewer(a: Viewer, b: Viewer): boolean {
  return viewerKey(a) === viewerKey(b);
}

/** Who a viewer is and everything its reads depend on (its organisation, role and countries), as one text. */
export function viewerKey(viewer: Viewer): string {
  if (viewer.kind === 'anonymous') return JSON.stringify([viewer.kind]);
  return JSON.stringify([
    viewer.kind,
    viewer.organisationId,
    viewer.organisationKind,
    viewer.role,
    [...viewer.countries].sort(),
    idOf(viewer),
  ]);
}

function idOf(viewer: Viewer): string | undefined {
  return viewer.kind === 'user' ? viewer.userId : viewer.kind === 'apiKey' ? viewer.apiKeyId : undefined;
}
