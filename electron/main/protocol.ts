import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin.js';
import { appRequestHandler } from './app-request.js';

/**
 * Must run before `ready`. "standard" gives app:// real origins and relative URL resolution (Vite's `./assets`),
 * "secure" makes it a secure context like https, and supportFetchAPI lets the renderer fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer instead of file://, which would expose the whole disk to a compromised page. */
export function setupProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, appRequestHandler(rendererDir));
}
