import { app } from 'electron';
import type { Desk } from '../core/store/desk-store.js';
import { windowStateSaved } from './window.js';

/**
 * Holds the quit until the desk has finished its last commit and released its lock, so quitting mid-import
 * never leaves a stale lock for the CLI or the next launch to trip over.
 */
export function setupQuit(desk: Desk): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void Promise.allSettled([desk.close(), windowStateSaved()]).then(() => {
      state = 'closed';
      app.quit();
    });
  });
}
