import { articleText } from '../../../electron/core/factcheck/article-text';
import type { ArticleContent } from '../../../electron/core/model';

/** The core refuses longer claims; saying so here is kinder than a round trip. */
export const MAX_CLAIM_CHARS = 5000;

/** Words chosen in one field, as offsets into that field's text. */
export interface FieldSelection {
  field: string;
  from: number;
  to: number;
}

/** A claim ready for upsertClaim: the words, and where they start in the article text the core anchors to. */
export interface ClaimSpan {
  field: string;
  text: string;
  start: number;
}

/**
 * Turns a selection inside one field into the span the core will anchor. The offsets come from the same
 * `articleText` the core uses (a pure module), so the words at `start` are exactly the words selected, even
 * when the same words occur earlier in the article. Surrounding spaces are dropped; a stray click or a single
 * character is not a claim.
 */
export function claimSpan(content: ArticleContent, sel: FieldSelection): ClaimSpan | { error: string } | null {
  const at = articleText(content);
  const seg = at.segments.find((s) => s.field === sel.field);
  if (!seg) return null;
  const value = at.text.slice(seg.start, seg.end);
  let a = Math.max(0, Math.min(sel.from, sel.to, value.length));
  let b = Math.min(value.length, Math.max(sel.from, sel.to, 0));
  while (a < b && /\s/u.test(value[a]!)) a++;
  while (b > a && /\s/u.test(value[b - 1]!)) b--;
  if (b - a < 2) return null;
  if (b - a > MAX_CLAIM_CHARS) return { error: `A claim is at most ${MAX_CLAIM_CHARS.toLocaleString('en')} characters; select fewer words.` };
  return { field: sel.field, text: value.slice(a, b), start: seg.start + a };
}

/**
 * Reads the document's selection as offsets into one field of `root` (elements marked `data-fc-field` hold
 * exactly a field's text). A selection that touches a second field only at its edge (a triple-click reaches
 * the start of the next paragraph) counts as the first alone; one that really spans two fields is refused.
 */
export function readFieldSelection(root: Element, selection: Selection | null): FieldSelection | { error: string } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const touched: FieldSelection[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-fc-field]')) {
    if (!range.intersectsNode(el)) continue;
    const offset = (node: Node, off: number): number => {
      const r = el.ownerDocument.createRange();
      r.selectNodeContents(el);
      r.setEnd(node, off);
      return r.toString().length;
    };
    const from = el.contains(range.startContainer) ? offset(range.startContainer, range.startOffset) : 0;
    const to = el.contains(range.endContainer) ? offset(range.endContainer, range.endOffset) : (el.textContent ?? '').length;
    if ((el.textContent ?? '').slice(from, to).trim() !== '') touched.push({ field: el.dataset.fcField!, from, to });
  }
  if (touched.length === 0) return null;
  if (touched.length > 1) return { error: 'A claim stays within one field: select words in a single paragraph, highlight or headline.' };
  return touched[0]!;
}
