import { useEffect } from 'react';
import type { VerdictDefinition } from '../../../electron/core/model';
import { useSettings } from '../../state/settings-store';

/** The desk's verdict scale, fetched with the settings if nothing has asked for them yet; null until then. */
export function useVerdictScale(): readonly VerdictDefinition[] | null {
  const scale = useSettings((s) => s.settings?.verdicts ?? null);
  const load = useSettings((s) => s.load);
  useEffect(() => {
    if (!scale) void load();
  }, [scale, load]);
  return scale;
}

export const onScale = (scale: readonly VerdictDefinition[] | null, id: string): VerdictDefinition | undefined => scale?.find((v) => v.id === id);

/** A verdict removed from the scale is still shown, by its id, and says so. */
export function verdictLabel(scale: readonly VerdictDefinition[] | null, id: string): string {
  const def = onScale(scale, id);
  if (def) return def.label;
  return scale ? `${id} (no longer on the scale)` : id;
}

/** Colour follows the rating, not the name, so a desk's own verdicts read like the default ones. */
export function verdictClass(scale: readonly VerdictDefinition[] | null, id: string): string {
  const rating = onScale(scale, id)?.rating;
  return `verdict v-${id} ${rating ? `r-${rating}` : 'r-none'}`;
}
