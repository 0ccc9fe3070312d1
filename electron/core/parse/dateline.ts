/**
 * Datelines open the body in a handful of house styles. The place must be in capitals so that ordinary prose
 * ("Officials said: …") is never mistaken for one.
 */
export interface Dateline {
  place: string;
  agency: string | null;
  /** The dateline exactly as written, e.g. "LONDON, Nov 27 (Reuters) -", so its date is not lost. */
  text: string;
  /** The paragraph with the dateline removed. */
  rest: string;
}

// A slash joins twin datelines ("ISLAMABAD/KABUL (Reuters) -").
const CORE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’/\- ]*\p{Lu}\.?`;
const PLACE = String.raw`(${CORE}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?)`;
const DASH = String.raw`[—–-]{1,2}`;
const AGENCY = String.raw`\(([\p{L}][\p{L}&.\- ]{0,30})\)`;
const MONTH_DAY = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}`;

const FORMS: { re: RegExp; agency: number | null }[] = [
  // LONDON, Nov 27 (Reuters) -
  { re: new RegExp(String.raw`^(${CORE}),\s*${MONTH_DAY}\s*${AGENCY}\s*${DASH}\s+`, 'u'), agency: 2 },
  // WASHINGTON (AP) —
  { re: new RegExp(String.raw`^${PLACE}\s*${AGENCY}\s*${DASH}\s+`, 'u'), agency: 2 },
  // SEOUL:
  { re: new RegExp(String.raw`^${PLACE}\s*:\s+`, 'u'), agency: null },
  // BOSTON —
  { re: new RegExp(String.raw`^${PLACE}\s+${DASH}\s+`, 'u'), agency: null },
];

/** Capitalised labels that open copy like a dateline but name no place. */
const LABELS = new Set([
  'UPDATE', 'UPDATED', 'BREAKING', 'BREAKING NEWS', 'CORRECTION', 'CLARIFICATION', 'EDITOR’S NOTE', "EDITOR'S NOTE",
  'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'FACTBOX', 'EXPLAINER', 'WATCH', 'LIVE', 'READ MORE', 'RELATED', 'NOTE', 'PHOTOS', 'VIDEO',
]);

export function readDateline(paragraph: string): Dateline | null {
  for (const form of FORMS) {
    const m = form.re.exec(paragraph);
    if (!m) continue;
    const place = m[1]!.trim();
    // A lone capital ("A: …") or an acronym-led sentence is not a place.
    if (place.replace(/[^\p{Lu}]/gu, '').length < 2) continue;
    if (LABELS.has(place.replace(/[,.]$/u, ''))) continue;
    const rest = paragraph.slice(m[0].length);
    if (rest.trim() === '') continue;
    return {
      place: tidyPlace(place),
      agency: form.agency === null ? null : m[form.agency]!.trim(),
      text: m[0].trim(),
      rest,
    };
  }
  return null;
}

/** A trailing comma is punctuation; a trailing period belongs to the place only when it closes an abbreviation (D.C.). */
function tidyPlace(place: string): string {
  const p = place.replace(/,$/u, '');
  return p.endsWith('.') && !/\.\p{Lu}\.$/u.test(p) ? p.slice(0, -1) : p;
}
