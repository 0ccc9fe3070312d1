import { DeskError } from '../result.js';

/**
 * Per-article exports are written as `<id>.<ext>` into a folder the editor chose, and an id can arrive from a
 * bundle made on someone else's desk. So an id becomes a file name only when it is plainly safe: lower-case
 * letters, digits, `-` and `_`, starting with a letter or digit. That rules out separators, `..`, drive letters,
 * control characters and trailing dots or spaces (which Windows strips), and, being lower-case only, two ids can
 * never land on the same file of a case-insensitive file system (macOS, Windows). Desk ids are 16 hex digits.
 */
const SAFE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Names Windows reserves for devices in any folder, with or without an extension. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export const ARTICLE_EXTENSIONS = {
  ninjs: '.ninjs.json',
  claimreview: '.claimreview.json',
  md: '.md',
} as const;

export type ArticleFileFormat = keyof typeof ARTICLE_EXTENSIONS;

export function isSafeArticleId(id: string): boolean {
  return SAFE_ID.test(id) && !WINDOWS_DEVICE.test(id);
}

/** The id unchanged, or a refusal naming it (shortened and with control characters shown, as it is untrusted). */
export function safeArticleId(id: string): string {
  if (isSafeArticleId(id)) return id;
  const shown = JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);
  throw new DeskError('INVALID_INPUT', `article id ${shown} cannot be used as a file name (only a-z, 0-9, "-" and "_")`);
}

/** `<id>.ninjs.json`, `<id>.claimreview.json` or `<id>.md`: a bare name, never a path. */
export function articleFileName(id: string, format: ArticleFileFormat): string {
  return `${safeArticleId(id)}${ARTICLE_EXTENSIONS[format]}`;
}
