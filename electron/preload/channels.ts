/**
 * IPC channels that are not contract methods: they need the main process itself (a native dialog), so they
 * cannot live in the core's method list. Shared by main and preload; this file must stay import-free so the
 * sandboxed preload bundle pulls in nothing else.
 */
export const PICK_IMPORT_CHANNEL = 'copydesk:pick-import';
export const SAVE_DOWNLOAD_CHANNEL = 'copydesk:save-download';
