/**
 * "By Jane Doe" or "By JANE DOE Associated Press" names people; "By Tuesday, officials had counted 40 dead." is the
 * body's first sentence and must stay a paragraph. A byline has no sentence ending and no figures, and its only
 * lower-case words are name particles and staff titles.
 */
const BYLINE = /^by\s+(\S.{0,118})$/iu;

const BYLINE_WORDS = new Set([
  'and', 'the', 'of', 'in', 'for', 'at', 'de', 'da', 'das', 'dos', 'del', 'della', 'der', 'den', 'di', 'du', 'la', 'le',
  'van', 'von', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'editor',
]);

/** The byline without its "By", or null when the line is not one. */
export function readByline(line: string): string | null {
  const m = BYLINE.exec(line.trim());
  if (!m) return null;
  const who = m[1]!.trim();
  // "By J. Doe Jr." may end in an initial's period; a sentence may not.
  if (/[.!?;:]$/u.test(who) && !/\b\p{Lu}\p{Ll}?\.$/u.test(who)) return null;
  if (/\d/u.test(who)) return null;
  const words = who.split(/[\s,|/]+/u).filter((w) => /\p{L}/u.test(w));
  if (!/^\p{Lu}/u.test(words[0] ?? '') && words[0] !== 'the') return null;
  return words.every((w) => !/^\p{Ll}/u.test(w) || BYLINE_WORDS.has(w)) ? who : null;
}
