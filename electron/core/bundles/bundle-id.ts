import { randomBytes } from 'node:crypto';

/**
 * `b` and 10 hex digits. Unlike article ids, bundle ids derive from nothing: a bundle is made, not imported, and
 * two bundles may share a name over time (one deleted, one live). Random ids still never repeat on one desk.
 */
export function newBundleId(taken: (id: string) => boolean): string {
  for (;;) {
    const id = `b${randomBytes(5).toString('hex')}`;
    if (!taken(id)) return id;
  }
}
