import { createHash } from 'node:crypto';

/**
 * desk.json carries a SHA-256 of its own content (`seal`, the last key), so one flipped bit in the root (a chunk
 * id turned into another's, a revision number changed) is caught at open like any other damage, and the desk
 * falls back to desk.json.bak. Roots written before seals existed have none and are read as before.
 */
export function rootText(root: unknown): string {
  const { seal: _old, ...plain } = root as Record<string, unknown>;
  return JSON.stringify({ ...plain, seal: digest(JSON.stringify(plain)) });
}

/** Why a parsed root's seal does not match its content, or null (no seal counts as unsealed, not as damage). */
export function sealFault(json: unknown): string | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !('seal' in json)) return null;
  // JSON.parse keeps the key order of the text, so re-serialising what is left is the text that was sealed.
  const { seal, ...plain } = json as Record<string, unknown>;
  if (typeof seal === 'string' && seal === digest(JSON.stringify(plain))) return null;
  return 'does not match its own checksum (the file changed after it was written)';
}

const digest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
