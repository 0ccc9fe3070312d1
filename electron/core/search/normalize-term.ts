/**
 * One normalisation for the index and for highlighting, so what the list marks is exactly what matched:
 * case- and accent-insensitive ("turkiye" finds "Türkiye"), with surrounding quotes and punctuation dropped.
 * Node-free: the renderer imports it.
 */
export function normalizeTerm(term: string): string | null {
  const t = term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  return t === '' ? null : t;
}

/** Words as the index's default tokenizer sees them: runs of letters, digits and joiners. */
export const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu;
