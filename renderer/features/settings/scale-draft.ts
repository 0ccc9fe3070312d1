import type { VerdictDefinition } from '../../../electron/core/model';

/** A row of the scale being edited. Existing verdicts keep their id (claims store it); new ones get one. */
export interface DraftVerdict {
  key: string;
  id: string;
  label: string;
  rating: number | null;
  isNew: boolean;
}

export const MIN_VERDICTS = 2;
export const MAX_VERDICTS = 12;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

let nextKey = 0;
const newKey = (): string => `v${nextKey++}`;

export function toDraft(scale: readonly VerdictDefinition[]): DraftVerdict[] {
  return scale.map((v) => ({ key: newKey(), id: v.id, label: v.label, rating: v.rating, isNew: false }));
}

export function blankVerdict(): DraftVerdict {
  return { key: newKey(), id: '', label: '', rating: 3, isNew: true };
}

/** "Half true!" → "half-true": the id a new verdict gets when the editor leaves it blank. */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export const draftId = (row: DraftVerdict): string => (row.isNew ? row.id.trim() || slugify(row.label) : row.id);

/**
 * The scale to save, or the first problem in words an editor can act on. The core checks the same rules again
 * (its answer is final); checking here names the row instead of an index.
 */
export function fromDraft(rows: readonly DraftVerdict[]): { scale: VerdictDefinition[] } | { error: string } {
  if (rows.length < MIN_VERDICTS || rows.length > MAX_VERDICTS) return { error: `A scale has ${MIN_VERDICTS} to ${MAX_VERDICTS} verdicts.` };
  const seen = new Set<string>();
  const scale: VerdictDefinition[] = [];
  for (const [i, row] of rows.entries()) {
    const label = row.label.trim();
    const id = draftId(row);
    const name = label || `Verdict ${i + 1}`;
    if (label === '') return { error: `Verdict ${i + 1} needs a label.` };
    if (label.length > 60) return { error: `“${name}”: a label has at most 60 characters.` };
    if (!SLUG.test(id) || id.length > 40) return { error: `“${name}”: the id must be lowercase letters, digits and hyphens, like mostly-true.` };
    if (seen.has(id)) return { error: `Two verdicts have the id “${id}”; each needs its own.` };
    seen.add(id);
    scale.push({ id, label, rating: id === 'unverified' ? null : row.rating });
  }
  if (!seen.has('unverified')) return { error: 'The scale must keep “unverified”: every claim starts there.' };
  return { scale };
}

export const sameScale = (a: readonly VerdictDefinition[], b: readonly VerdictDefinition[]): boolean =>
  a.length === b.length && a.every((v, i) => v.id === b[i]!.id && v.label === b[i]!.label && v.rating === b[i]!.rating);
