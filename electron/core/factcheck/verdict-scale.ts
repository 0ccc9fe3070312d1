import type { VerdictDefinition } from '../model.js';
import { DeskError } from '../result.js';

/**
 * What a verdict means for the list's filters, decided by the desk's scale rather than by verdict names, so a
 * desk that renames or adds verdicts filters the same way:
 *  - "unchecked": a stored claim sits on a verdict without a rating (unverified), or no claim has been ruled on
 *    yet (the analysis's proposals are not stored, so an article nobody has looked at is unchecked);
 *  - "false or misleading": a stored claim's verdict is rated 2 or lower.
 * A verdict removed from the scale still counts as a ruling (an editor made it) but has no rating any more.
 */
export function hasUncheckedClaims(counts: Readonly<Record<string, number>>, scale: readonly VerdictDefinition[]): boolean {
  let ruled = false;
  for (const [id, n] of Object.entries(counts)) {
    if (n <= 0) continue;
    const def = scale.find((v) => v.id === id);
    if (def && def.rating === null) return true;
    ruled = true;
  }
  return !ruled;
}

export function hasFalseOrMisleading(counts: Readonly<Record<string, number>>, scale: readonly VerdictDefinition[]): boolean {
  return Object.entries(counts).some(([id, n]) => {
    const rating = n > 0 ? scale.find((v) => v.id === id)?.rating : null;
    return typeof rating === 'number' && rating <= 2;
  });
}

/**
 * A verdict must be on the desk's scale, except that a claim may keep the verdict it already has after that
 * verdict was removed from the scale (adding a note must not force a new ruling).
 */
export function checkVerdict(verdict: string, scale: readonly VerdictDefinition[], kept: string | null = null): void {
  if (scale.some((v) => v.id === verdict) || verdict === kept) return;
  throw new DeskError('INVALID_INPUT', `"${verdict.slice(0, 40)}" is not a verdict on this desk's scale; choose one of ${scale.map((v) => v.id).join(', ')}`);
}
