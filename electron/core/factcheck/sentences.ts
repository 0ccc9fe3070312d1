import type { ArticleText, Sentence } from './types.js';

/**
 * A small rule-based splitter rather than the NLP library's: its offsets are exact, it never crosses a field, and
 * every rule below is one an editor can predict.
 *
 * A sentence ends at . ! ? or … (and any closing quotes or brackets after it) when whitespace and then a capital,
 * a digit or an opening quote follow. It does not end:
 *  - inside numbers ("3.5", "1.2bn") — no whitespace follows the point;
 *  - after an abbreviation or an initial ("Dr.", "Gen.", "J.") or a dotted acronym ("U.S.", "a.m."). The cost: a
 *    sentence that really ends on "U.S." runs on into the next one. News copy writes "U.S. President …" far more
 *    often than it ends a sentence on the acronym, so that is the better mistake;
 *  - before a lowercase word (`“Why?” he asked.` is one sentence).
 * A line break always ends a sentence.
 */
const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENS_SENTENCE = /[\p{Lu}\p{N}“"‘'([«]/u;
const SPACE = /[ \t\u00a0]/;

/** Case-sensitive: "No. 10" is an abbreviation, "said no. Then" is not. */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Capt', 'Cmdr', 'Sgt', 'Maj', 'Adm', 'Sen', 'Rep', 'Gov',
  'Pres', 'Rev', 'Hon', 'St', 'Mt', 'Ft', 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'No', 'Nos', 'vs', 'approx',
  'Jan', 'Feb', 'Mar', 'Apr', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** Sentence spans within text[from..to), trimmed of surrounding whitespace, empty ones dropped. */
export function splitSentences(text: string, from = 0, to = text.length): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (!TERMINATORS.has(ch)) continue;
    let j = i + 1;
    while (j < to && TERMINATORS.has(text[j]!)) j++;
    while (j < to && CLOSERS.has(text[j]!)) j++;
    if (j < to && !/\s/.test(text[j]!)) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < to && SPACE.test(text[k]!)) k++;
    if (k < to && text[k] !== '\n' && !OPENS_SENTENCE.test(text[k]!)) continue;
    if (ch === '.' && j === i + 1 && k < to && isAbbreviation(text, i, from)) continue;
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, to);
  return out;
}

/** Whether the word ending at the period text[dot] is an abbreviation rather than the end of a sentence. */
function isAbbreviation(text: string, dot: number, from: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot);
  if (word === '') return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "a.m", "e.g"
  return ABBREVIATIONS.has(word);
}

/**
 * The article's sentences, field by field. The dateline label ("SEOUL:") is a place tag, not a sentence, so the
 * first paragraph's first sentence starts after it.
 */
export function sentencesOf(at: ArticleText): Sentence[] {
  const out: Sentence[] = [];
  for (const seg of at.segments) {
    if (seg.field === 'datelineText') continue;
    for (const s of splitSentences(at.text, seg.start, seg.end)) out.push({ ...s, text: at.text.slice(s.start, s.end), field: seg.field });
  }
  return out;
}
