import { create } from 'zustand';
import type { Result } from '../../electron/core/result';

interface SaveState {
  /** Calls sent to the desk and not yet answered. */
  pending: number;
  /** The last failure, until the next change the desk confirms. */
  error: string | null;
  /** When the desk last confirmed a change (it commits durably before it answers). */
  savedAt: number | null;
  track<T>(call: () => Promise<Result<T>>): Promise<Result<T>>;
}

/**
 * Changes leave this window one at a time, in the order they were made. The desk answers each only once it is
 * durable, and a change sent while the last is still being written could otherwise be computed from the
 * article as it was before that write (a status change and a tag added in quick succession).
 */
let chain: Promise<unknown> = Promise.resolve();

/**
 * Every editorial change goes through `track`, so the reader can say "Saving…" while a call is out and
 * "Saved" only once the desk has answered ok. There is nothing to save by hand: each change is its own commit.
 */
export const useSave = create<SaveState>((set, get) => ({
  pending: 0,
  error: null,
  savedAt: null,

  async track(call) {
    set({ pending: get().pending + 1 });
    const run = chain.then(call);
    chain = run.catch(() => undefined);
    const r = await run.catch((e: unknown) => ({ ok: false as const, error: { code: 'INTERNAL' as const, message: e instanceof Error ? e.message : String(e) } }));
    set({ pending: get().pending - 1, ...(r.ok ? { error: null, savedAt: Date.now() } : { error: r.error.message }) });
    return r;
  },
}));
