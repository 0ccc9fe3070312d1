import { DeskError } from '../result.js';

export const MAX_TAG_LENGTH = 64;

/** Tags match case-insensitively and ignoring surrounding space, but keep the spelling first typed. */
export const tagKey = (tag: string): string => tag.normalize('NFC').trim().toLowerCase();

export function cleanTag(raw: string): string {
  const tag = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (tag === '') throw new DeskError('INVALID_INPUT', 'a tag cannot be empty');
  const chars = [...tag];
  if (chars.length > MAX_TAG_LENGTH) throw new DeskError('INVALID_INPUT', `tag "${chars.slice(0, 20).join('')}…" is longer than ${MAX_TAG_LENGTH} characters`);
  return tag;
}

export function addTags(current: readonly string[], add: readonly string[]): string[] {
  const out = [...current];
  const keys = new Set(out.map(tagKey));
  for (const t of add) {
    if (!keys.has(tagKey(t))) {
      keys.add(tagKey(t));
      out.push(t);
    }
  }
  return out;
}

export function removeTags(current: readonly string[], remove: readonly string[]): string[] {
  const keys = new Set(remove.map(tagKey));
  return current.filter((t) => !keys.has(tagKey(t)));
}

/** Renaming onto a tag the article already has merges the two, keeping the spelling already there. */
export function renameTag(current: readonly string[], from: string, to: string): string[] {
  if (!current.some((t) => tagKey(t) === tagKey(from))) return [...current];
  const target = current.find((t) => tagKey(t) === tagKey(to)) ?? to;
  const out: string[] = [];
  for (const t of current) {
    const next = tagKey(t) === tagKey(from) ? target : t;
    if (!out.some((o) => tagKey(o) === tagKey(next))) out.push(next);
  }
  return out;
}

/** A tag new to an article takes the spelling the desk already uses for it, if any. */
export function deskSpelling(tag: string, deskTags: Iterable<string>): string {
  for (const t of deskTags) if (tagKey(t) === tagKey(tag)) return t;
  return tag;
}
