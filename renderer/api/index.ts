import type { DeskApi } from './desk-api';
import { httpApi, takeToken } from './http-api';
import { type CopydeskBridge, ipcApi } from './ipc-api';

declare global {
  interface Window {
    copydesk?: CopydeskBridge;
  }
}

/** Chosen once, at start-up: Electron's bridge if the preload put one there, else the loopback server. */
function connect(): DeskApi | null {
  if (window.copydesk) return ipcApi(window.copydesk);
  const token = takeToken(window.location, window.sessionStorage, window.history);
  return token ? httpApi(token) : null;
}

export const deskApi: DeskApi | null = connect();
export type { DeskApi } from './desk-api';
