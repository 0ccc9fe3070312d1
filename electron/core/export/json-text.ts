/**
 * JSON as every export writes it: keys in the order the builder set them (so builders fix the order, never a
 * sort that would move `@context` or `uri` away from the top), two-space indent, and a final newline so the
 * files diff and concatenate cleanly. Same value, same bytes.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
