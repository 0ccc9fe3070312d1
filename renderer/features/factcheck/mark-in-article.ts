import { articleText } from '../../../electron/core/factcheck/article-text';
import type { Anchor } from '../../../electron/core/factcheck/types';
import type { ArticleContent } from '../../../electron/core/model';

const NAME = 'factcheck';

function textNodes(el: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** How much of the anchor's context (prefix before, suffix after) agrees with the text around an occurrence. */
function contextScore(text: string, at: number, anchor: Anchor): number {
  const before = text.slice(0, at).trimEnd();
  const prefix = anchor.prefix.trimEnd();
  let score = 0;
  for (let i = 1; i <= Math.min(before.length, prefix.length); i++) {
    if (before[before.length - i] !== prefix[prefix.length - i]) break;
    score++;
  }
  const after = text.slice(at + anchor.exact.length).trimStart();
  const suffix = anchor.suffix.trimStart();
  for (let i = 0; i < Math.min(after.length, suffix.length); i++) {
    if (after[i] !== suffix[i]) break;
    score++;
  }
  return score;
}

/** Clears the mark left in the article by `markInArticle`. */
export function clearArticleMark(): void {
  document.querySelectorAll('.field.factcheck-target').forEach((el) => el.classList.remove('factcheck-target'));
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(NAME);
}

/**
 * Where the anchor's offsets put its words, when the article shown is the text they were taken from: the field's
 * text element (`data-fc-field`) and the offset in it. The words must stand there, else null (a stale anchor).
 */
function byOffset(anchor: Anchor, content: ArticleContent): { el: Element; nodes: Text[]; at: number } | null {
  const seg = articleText(content).segments.find((s) => anchor.start >= s.start && anchor.end <= s.end);
  const el = seg ? document.querySelector(`.reader .fields [data-fc-field="${CSS.escape(seg.field)}"]`) : null;
  const field = el?.closest('.field');
  if (!seg || !el || !field) return null;
  const nodes = textNodes(el);
  const at = anchor.start - seg.start;
  if (nodes.map((n) => n.data).join('').slice(at, at + anchor.exact.length) !== anchor.exact) return null;
  return { el: field, nodes: textNodes(field), at: offsetIn(field, nodes[0] ?? el, 0) + at };
}

/** Characters of `root`'s text before position `offset` of `node`. */
function offsetIn(root: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * Finds the anchor's words in the article as shown, scrolls its field into view and marks the words with the CSS
 * Custom Highlight API, so the article's DOM is never rewritten. Given the article's content, the anchor's offsets
 * say which occurrence (the same words in a highlight and in the body are two places); otherwise, or when the
 * offsets are stale, the occurrence whose context agrees best. Answers false when the words are not in the article
 * any more.
 */
export function markInArticle(anchor: Anchor, content: ArticleContent | null = null): boolean {
  clearArticleMark();
  let best: { el: Element; nodes: Text[]; at: number; score?: number } | null = content ? byOffset(anchor, content) : null;
  for (const el of best ? [] : document.querySelectorAll('.reader .fields .field')) {
    const nodes = textNodes(el);
    const text = nodes.map((n) => n.data).join('');
    for (let at = text.indexOf(anchor.exact); at >= 0; at = text.indexOf(anchor.exact, at + 1)) {
      const score = contextScore(text, at, anchor);
      if (!best || score > (best.score ?? 0)) best = { el, nodes, at, score };
    }
  }
  if (!best) return false;
  best.el.classList.add('factcheck-target');
  best.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined') {
    const range = document.createRange();
    let pos = 0;
    const start = best.at;
    const end = best.at + anchor.exact.length;
    for (const n of best.nodes) {
      const next = pos + n.data.length;
      if (start >= pos && start <= next) range.setStart(n, start - pos);
      if (end >= pos && end <= next) {
        range.setEnd(n, end - pos);
        break;
      }
      pos = next;
    }
    CSS.highlights.set(NAME, new Highlight(range));
  }
  return true;
}
