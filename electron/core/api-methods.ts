/**
 * The contract's method names alone, free of zod, for the sandboxed preload and the renderer bundle.
 * `api.ts` checks at compile time that this list and the contract name exactly the same methods.
 */
export const METHOD_NAMES = [
  'importPaths', 'importUploads', 'listArticles', 'getArticle',
  'setStatus', 'addTags', 'removeTags', 'renameTag', 'undoBatch',
  'correctField', 'insertParagraph', 'removeParagraph', 'revertField', 'revertArticle', 'undo', 'redo', 'acknowledgeRevision',
  'getFactcheck', 'upsertClaim',
  'getSettings', 'updateSettings',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** The IPC channel for a method; one place, so main and preload cannot drift apart. */
export const channelFor = (method: MethodName): string => `copydesk:${method}`;
export const EVENT_CHANNEL = 'copydesk:event';
