/**
 * The contract's method names alone, free of zod, for the sandboxed preload and the renderer bundle.
 * `api.ts` checks at compile time that this list and the contract name exactly the same methods.
 */
export const METHOD_NAMES = [
  'importPaths', 'importUploads', 'listArticles', 'getArticle',
  'setStatus', 'addTags', 'removeTags', 'renameTag', 'undoBatch',
  'correctField', 'insertParagraph', 'removeParagraph', 'revertField', 'revertArticle', 'undo', 'redo', 'acknowledgeRevision',
  'getFactcheck', 'upsertClaim', 'fixEntity',
  'getSettings', 'updateSettings',
  'listBundles', 'getBundle', 'createBundle', 'updateBundle', 'addToBundle', 'removeFromBundle', 'moveInBundle', 'reorderBundle', 'deleteBundle', 'undoBundle', 'redoBundle',
  'previewExport', 'exportFile',
  'getDeskNotices',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** The IPC channel for a method; one place, so main and preload cannot drift apart. */
export const channelFor = (method: MethodName): string => `copydesk:${method}`;
export const EVENT_CHANNEL = 'copydesk:event';

/** Every DeskEvent type, for transports that subscribe by name (EventSource); api.ts checks it is complete. */
export const EVENT_TYPES = ['articles-changed', 'bundles-changed', 'import-finished', 'export-progress'] as const;
