import { app } from 'electron';
import type { Desk } from '../core/store/desk-store.js';
import { windowStateSaved } from './window.js';

/**
 * Holds the quit until the desk has finished its last commit and released its lock, so quitting mid-import
 * never leaves a stale lock for the CLI or the next launch to trip over.
 */
export function setupQuit(desk: Desk, beforeClose: () => Promise<void> = async () => undefined): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    // The service saves its search index and empties its export outbox first, while the desk is still ours.
    const closed = beforeClose().catch(() => undefined).then(() => desk.close());
    void Promise.allSettled([closed, windowStateSaved()]).then(() => {
      state = 'closed';
      app.quit();
    });
  });
}
