import { type ArticleSummary, STATUSES, type Status } from '../model.js';

/**
 * One byte per article (by desk position) holding what the common filters test: the status's place in
 * `STATUSES` (bits 0–2; 7 for a status not in it) and whether it has warnings (bit 3). A filter pass over
 * 100,000 articles then reads one small array in order instead of touching 100,000 objects all over the heap.
 */
export type RowTraits = Uint8Array;

export const WARNINGS = 8;
const STATUS_BITS = 7;
const OTHER_STATUS = 7;

const codes = new Map<string, number>(STATUSES.map((s, i) => [s, i]));

export function rowTraits(all: readonly ArticleSummary[]): RowTraits {
  const traits = new Uint8Array(all.length);
  for (let i = 0; i < all.length; i++) {
    const a = all[i]!;
    traits[i] = (codes.get(a.status) ?? OTHER_STATUS) | (a.warningCount > 0 ? WARNINGS : 0);
  }
  return traits;
}

/** A mask over status codes: the statuses asked for or, with none, every status but spiked. */
export function statusMask(statuses: readonly Status[] | undefined): number {
  if (!statuses || statuses.length === 0) return 0xff & ~(1 << codes.get('spiked')!);
  let mask = 0;
  for (const s of statuses) mask |= 1 << (codes.get(s) ?? OTHER_STATUS);
  return mask;
}

export const statusCode = (traits: RowTraits, i: number): number => traits[i]! & STATUS_BITS;
