/**
 * The one origin the renderer is served from. Everything that decides "is this us?" (IPC sender checks,
 * navigation guards, the protocol handler) reads these constants, so they cannot disagree.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'copydesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
